package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Hệ thống kết nối — a document-management system of an agency connected to the axis through the
 * VPCP transport ({@code /vxp}): its system id (the SDK's {@code XroadVnpt-systemid}) and its secret,
 * sealed (AES-GCM), because every call's HMAC is recomputed with the secret itself.
 */
@Entity
@Table(name = "exchange_system")
public class ExchangeSystem {

    @Id
    @Column(name = "system_id", length = 64)
    private String systemId;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "secret_sealed", length = 300)
    private String secretSealed;

    @Column(name = "secret_issued_at")
    private OffsetDateTime secretIssuedAt;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ExchangeSystem() {}

    public ExchangeSystem(String systemId, String agencyCode, String name, String createdBy, OffsetDateTime at) {
        this.systemId = systemId;
        this.agencyCode = agencyCode;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.active = true;
    }

    /** A new secret (sealed by the caller) replaces the old one, which stops working at once. */
    public void issueSecret(String sealed, OffsetDateTime at) {
        this.secretSealed = sealed;
        this.secretIssuedAt = at;
        this.active = true;
    }

    public void deactivate() {
        this.active = false;
        this.secretSealed = null;
    }

    public String getSystemId() {
        return systemId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getName() {
        return name;
    }

    public String getSecretSealed() {
        return secretSealed;
    }

    public OffsetDateTime getSecretIssuedAt() {
        return secretIssuedAt;
    }

    public boolean isActive() {
        return active;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
