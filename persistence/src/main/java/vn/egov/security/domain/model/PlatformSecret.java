package vn.egov.security.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A secret the platform generates for itself on first start (e.g. the key that signs access
 * tokens). Kept in the database so every instance of a cluster uses the same one.
 */
@Entity
@Table(name = "platform_secret")
public class PlatformSecret {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "secret_value", nullable = false, length = 200)
    private String value;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected PlatformSecret() {}

    public PlatformSecret(String name, String value) {
        this.name = name;
        this.value = value;
        this.createdAt = OffsetDateTime.now();
    }

    public String getValue() {
        return value;
    }
}
