package vn.egov.security.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An access token revoked before its expiry (RFC 7009), known by its id ({@code jti}). Kept only
 * until the token would have expired: after that the signature check refuses it anyway.
 */
@Entity
@Table(name = "revoked_token")
@NamedQuery(name = "RevokedToken.expired", query = "DELETE FROM RevokedToken r WHERE r.expiresAt < :now")
public class RevokedToken {

    @Id
    @Column(name = "jti", length = 64)
    private String jti;

    @Column(name = "subject", nullable = false, length = 100)
    private String subject;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at", nullable = false)
    private OffsetDateTime revokedAt;

    protected RevokedToken() {}

    public RevokedToken(String jti, String subject, Instant expiresAt, Instant revokedAt) {
        this.jti = jti;
        this.subject = ThrottleCounter.cut(subject);
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
        this.revokedAt = revokedAt.atOffset(ZoneOffset.UTC);
    }

    public String getJti() {
        return jti;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
