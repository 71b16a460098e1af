package vn.egov.cabinet.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.domain.model.SigningKey;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.Certificates;
import vn.egov.common.infrastructure.Pem;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.exchange.application.DemoAuthority;

/**
 * Members' signing keys: the registered certificate every signed vote and answer is verified with,
 * and, for remote signing, the private key kept encrypted under the member's PIN (PBKDF2-HMAC-SHA256
 * then AES-256-GCM). Each method runs in a transaction of its own, so a wrong PIN is counted even
 * though the vote it came with is refused and rolled back.
 *
 * <p>In demo mode a member without a key gets one on first use, certified by the demo CA and
 * locked with the demo PIN. In production the key would live in the member's token or a qualified
 * remote-signing service (HSM), never in the platform's database.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MemberKeys {

    private static final Logger LOG = Logger.getLogger(MemberKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private DemoAuthority demoAuthority;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean demo;

    @Inject
    @ConfigProperty(name = "egov.demo.signing-pin", defaultValue = "123456")
    private String demoPin;

    @Inject
    @ConfigProperty(name = "egov.cabinet.pin.kdf-iterations", defaultValue = "100000")
    private int iterations;

    @Inject
    @ConfigProperty(name = "egov.cabinet.pin.max-attempts", defaultValue = "5")
    private int maxAttempts;

    /** The member's registered certificate (PEM); in demo mode one is issued on first use. */
    public String certificate(String username) {
        return key(username).getCertificate();
    }

    /**
     * Signs the statement with the member's remote-signing key, unlocked by the PIN. A wrong PIN
     * is counted; after too many the key stays locked.
     */
    public byte[] signWithPin(String username, String pin, byte[] statement) {
        SigningKey key = em.find(SigningKey.class, key(username).getUsername(), LockModeType.PESSIMISTIC_WRITE);
        if (key.getEncryptedKey() == null) {
            throw DomainException.conflict("cabinet.remote-signing.unavailable",
                    "this member signs with their own client; no key is held for remote signing");
        }
        if (key.getFailedAttempts() >= maxAttempts) {
            throw DomainException.forbidden("cabinet.pin.locked", "too many wrong PINs: remote signing is locked");
        }
        if (pin == null || pin.isBlank()) {
            throw DomainException.invalid("cabinet.pin.required", "the signing PIN is required");
        }
        PrivateKey privateKey;
        try {
            privateKey = decrypt(key, pin);
        } catch (AEADBadTagException wrongPin) {
            key.failedAttempt();
            // Committed by this method's own transaction; the caller's refusal does not undo it.
            throw new PinRefused(maxAttempts - key.getFailedAttempts());
        }
        key.succeeded();
        return MemberSignatures.sign(privateKey, statement);
    }

    /** A wrong PIN: an application exception that does not roll back, so the count of failures stays. */
    @jakarta.ejb.ApplicationException(rollback = false)
    public static class PinRefused extends DomainException {
        private static final long serialVersionUID = 1L;

        PinRefused(int remaining) {
            super(Kind.INVALID, "cabinet.pin.invalid", "wrong signing PIN; " + Math.max(remaining, 0)
                    + " attempts left", java.util.Map.of("remaining", Math.max(remaining, 0)));
        }
    }

    private SigningKey key(String username) {
        SigningKey key = em.find(SigningKey.class, username);
        if (key != null) {
            return key;
        }
        if (!demo) {
            throw DomainException.conflict("cabinet.signing-key.missing", "no signing certificate is registered for "
                    + username);
        }
        // The person's row is the lock: two first signatures of one member at once create one key.
        PersonRecord person = directory.lockPerson(username)
                .orElseThrow(() -> DomainException.notFound("cabinet.member.not-found", "no person " + username));
        SigningKey created = em.find(SigningKey.class, username);
        if (created != null) {
            return created;
        }
        Certificates.Issued issued = Certificates.person(username, person.fullName(), person.agencyCode(),
                demoAuthority.ensure());
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        key = new SigningKey(username, Pem.of(issued.certificate()), encrypt(issued.key(), demoPin, salt, iterations),
                Base64.getEncoder().encodeToString(salt), iterations, OffsetDateTime.now());
        em.persist(key);
        em.flush();
        LOG.info(() -> "Issued a demo signing certificate to " + username);
        return key;
    }

    private static SecretKeySpec derive(String pin, byte[] salt, int iterations) {
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256)).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encrypt(PrivateKey key, String pin, byte[] salt, int iterations) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, derive(pin, salt, iterations), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(key.getEncoded());
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey decrypt(SigningKey key, String pin) throws AEADBadTagException {
        byte[] all = Base64.getDecoder().decode(key.getEncryptedKey());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derive(pin, Base64.getDecoder().decode(key.getKdfSalt()),
                    key.getKdfIterations()), new GCMParameterSpec(128, all, 0, 12));
            byte[] der = cipher.doFinal(all, 12, all.length - 12);
            return Pem.privateKey(der);
        } catch (AEADBadTagException wrongPin) {
            throw wrongPin;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
