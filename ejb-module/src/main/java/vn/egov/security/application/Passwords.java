package vn.egov.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password and client-secret hashes through Jakarta Security's {@link Pbkdf2PasswordHash}
 * (PBKDF2-HMAC-SHA256, {@code egov.auth.pbkdf2-iterations} iterations, 16-byte salt, 32-byte hash),
 * stored in its format {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}. Each stored hash
 * keeps its own iteration count, so raising the count for new passwords locks nobody out.
 *
 * <p>Hashes written before the platform used the library ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>},
 * the same PBKDF2-HMAC-SHA256 with unpadded base64) are the same numbers in another notation: they are
 * rewritten to the library's notation and verified by it, so no stored password needs resetting.
 */
@ApplicationScoped
public class Passwords {

    private static final String LEGACY_PREFIX = "pbkdf2-sha256$";

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "egov.auth.pbkdf2-iterations", defaultValue = "210000")
    private int iterations;

    protected Passwords() {}

    /** For unit tests: the library's implementation and an iteration count, as the container would inject them. */
    public Passwords(Pbkdf2PasswordHash pbkdf2, int iterations) {
        this.pbkdf2 = pbkdf2;
        this.iterations = iterations;
        configure();
    }

    @PostConstruct
    void configure() {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 10000 iterations, not " + iterations);
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether {@code password} matches {@code stored}; false for a missing or malformed stored value. */
    public boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), fromLegacy(stored));
        } catch (RuntimeException malformed) {
            // The library refuses a value it cannot parse by throwing; for us it simply does not match.
            return false;
        }
    }

    /** The library's notation of a hash stored in the platform's former one; any other value unchanged. */
    static String fromLegacy(String stored) {
        if (!stored.startsWith(LEGACY_PREFIX)) {
            return stored;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4) {
            return stored;
        }
        return "PBKDF2WithHmacSHA256:" + parts[1] + ":" + parts[2] + ":" + parts[3];
    }
}
