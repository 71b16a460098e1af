package vn.egov.security.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.egov.security.domain.model.RevokedToken;

/**
 * Access tokens revoked before their expiry (RFC 7009), kept in the database so every instance of
 * a deployment group refuses them; a primary-key look-up per API call. Forgotten once expired,
 * when the signature check refuses them anyway.
 */
@Stateless
public class TokenRevocations {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /** Whether the token with this id was revoked. {@code @PermitAll}: the verifier asks before anyone is signed in. */
    @PermitAll
    public boolean isRevoked(String tokenId) {
        return tokenId != null && em.find(RevokedToken.class, tokenId) != null;
    }

    /**
     * Revokes a token by its id, once (revoking it again changes nothing). {@code @PermitAll}: called by
     * AuthenticationService after it checked who may revoke the token.
     */
    @PermitAll
    public void revoke(String tokenId, String subject, Instant expiresAt) {
        if (em.find(RevokedToken.class, tokenId) == null) {
            em.persist(new RevokedToken(tokenId, subject, expiresAt, Instant.now()));
        }
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    void purge() {
        em.createNamedQuery("RevokedToken.expired")
                .setParameter("now", Instant.now().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
