package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A demo agency's signing key and certificate, issued by the demo CA. Real agencies sign in their
 * own systems with keys the platform never sees; this exists so demos and partners' trials can sign.
 */
@Entity
@Table(name = "signing_identity")
public class SigningIdentity {

    @Id
    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "certificate_pem", nullable = false, length = 10000)
    private String certificatePem;

    @Column(name = "private_key_pem", nullable = false, length = 10000)
    private String privateKeyPem;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SigningIdentity() {}

    public SigningIdentity(String agencyCode, String certificatePem, String privateKeyPem, OffsetDateTime createdAt) {
        this.agencyCode = agencyCode;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.createdAt = createdAt;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getCertificatePem() {
        return certificatePem;
    }

    public String getPrivateKeyPem() {
        return privateKeyPem;
    }
}
