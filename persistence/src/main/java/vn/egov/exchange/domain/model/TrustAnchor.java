package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A certification authority whose certificates the axis trusts for document signatures. */
@Entity
@Table(name = "trust_anchor")
public class TrustAnchor {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "certificate_pem", nullable = false, length = 10000)
    private String certificatePem;

    /** Only the demo CA's: it issues the demo agencies' certificates. */
    @Column(name = "private_key_pem", length = 10000)
    private String privateKeyPem;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected TrustAnchor() {}

    public TrustAnchor(String name, String certificatePem, String privateKeyPem, OffsetDateTime createdAt) {
        this.name = name;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.createdAt = createdAt;
    }

    public String getName() {
        return name;
    }

    public String getCertificatePem() {
        return certificatePem;
    }

    public String getPrivateKeyPem() {
        return privateKeyPem;
    }
}
