package vn.egov.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.security.domain.model.PlatformSecret;

/**
 * The key that signs access tokens. Taken from {@code egov.auth.token-secret} (base64, at least
 * 32 bytes) when a deployer sets one; otherwise generated on first start and kept in the database,
 * so every instance of a cluster, and every restart, verifies the tokens the others issued.
 *
 * <p>{@code @PermitAll}: the keys are used while a caller is being identified (token issue and
 * verification), before anyone is signed in; only the security services call it.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("SchemaMigrator")
public class SigningKeys {

    private static final String TOKEN_KEY = "token-signing-key";

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.auth.token-secret")
    private Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "egov.auth.token-issuer", defaultValue = "egov")
    private String issuer;

    private AccessToken tokens;

    @PostConstruct
    void load() {
        byte[] key = configuredSecret.map(Base64.getDecoder()::decode).orElseGet(this::storedKey);
        tokens = new AccessToken(key, issuer);
    }

    private byte[] storedKey() {
        PlatformSecret secret = em.find(PlatformSecret.class, TOKEN_KEY);
        if (secret == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            secret = new PlatformSecret(TOKEN_KEY, Base64.getEncoder().encodeToString(key));
            em.persist(secret);
        }
        return Base64.getDecoder().decode(secret.getValue());
    }

    @Lock(LockType.READ)
    public AccessToken tokens() {
        return tokens;
    }
}
