package vn.egov.cabinet.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.CertificateView;
import vn.egov.cabinet.domain.model.SigningKey;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CertificatePaths;
import vn.egov.common.infrastructure.Certificates;
import vn.egov.common.infrastructure.Pem;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;
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
@DeclareRoles({Role.CABINET_MEMBER_ROLE, Role.CABINET_SECRETARY_ROLE})
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
    private CertificatePaths paths;

    @Inject
    private CabinetCallers callers;

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

    /**
     * The member's registered certificate (PEM); in demo mode one is issued on first use. Internal:
     * called while a member signs a vote or an answer, after the vote and ballot services have
     * checked that the caller is a member who may ({@code @PermitAll}).
     */
    @PermitAll
    public String certificate(String username) {
        return key(username).getCertificate();
    }

    /**
     * Signs the statement with the member's remote-signing key, unlocked by the PIN. A wrong PIN
     * is counted; after too many the key stays locked. Internal ({@code @PermitAll}), like
     * {@link #certificate}.
     */
    @PermitAll
    public byte[] signWithPin(String username, String pin, byte[] statement) {
        SigningKey key = em.find(SigningKey.class, key(username).getUsername(), LockModeType.PESSIMISTIC_WRITE);
        if (key.getEncryptedKey() == null) {
            throw DomainException.conflict(
                    "cabinet.remote-signing.unavailable",
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

    /** The certificate registered for a member (null: the caller), if any; the member themself or the secretariat. */
    @RolesAllowed({Role.CABINET_MEMBER_ROLE, Role.CABINET_SECRETARY_ROLE})
    public Optional<CertificateView> registered(String member) {
        String username = member == null ? callers.person().name() : member;
        mayManage(username);
        return Optional.ofNullable(em.find(SigningKey.class, username)).map(MemberKeys::view);
    }

    /**
     * Registers a member's own certificate, issued by a CA the platform trusts (the same trust list
     * as the exchange's, {@link CertificatePaths}), naming the member (CN = username), valid now and
     * allowed to sign. A member registers their own; the secretariat may register one for any
     * member ({@code member} null: the caller). From then on votes and answers are verified with it, so only the device holding its
     * private key signs for the member; a PIN-locked key held for remote signing is dropped.
     */
    @RolesAllowed({Role.CABINET_MEMBER_ROLE, Role.CABINET_SECRETARY_ROLE})
    public CertificateView register(String member, String certificatePem) {
        Caller caller = callers.person();
        String username = member == null ? caller.name() : member;
        mayManage(username);
        directory
                .findPerson(username)
                .filter(p -> p.active() && p.hasRole(Role.CABINET_MEMBER))
                .orElseThrow(
                        () -> DomainException.notFound("cabinet.member.not-found", "no Government member " + username));
        X509Certificate certificate = parse(certificatePem);
        MemberSignatures.requireTrusted(paths.check(certificate, Instant.now()));
        if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
            throw DomainException.invalid(
                    "cabinet.certificate.algorithm",
                    "members sign with "
                            + MemberSignatures.ALGORITHM + ": the certificate needs an RSA key, not "
                            + certificate.getPublicKey().getAlgorithm());
        }
        if (!username.equals(Certificates.commonName(certificate))) {
            throw DomainException.invalid(
                    "cabinet.certificate.not-matching",
                    "the certificate names "
                            + certificate.getSubjectX500Principal().getName() + ", not CN=" + username);
        }
        OffsetDateTime now = OffsetDateTime.now();
        SigningKey key = em.find(SigningKey.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            key = new SigningKey(username, Pem.of(certificate), null, null, null, now);
            em.persist(key);
        } else {
            key.register(Pem.of(certificate), now);
        }
        em.flush();
        LOG.info(() -> caller.name() + " registered the signing certificate " + fingerprint(certificate) + " of "
                + username + " (" + certificate.getSubjectX500Principal().getName() + ", issued by "
                + certificate.getIssuerX500Principal().getName() + ")");
        return view(key);
    }

    /**
     * Demo mode only: the demo CA certifies a key the member generated on their own device, from a
     * PKCS#10 request (PEM) the key signed, so a member can try signing on their device without a
     * real CA. The certificate names the caller whatever the request asks for; it is not registered
     * until the member registers it.
     */
    @RolesAllowed(Role.CABINET_MEMBER_ROLE)
    public String issueDemoCertificate(String requestPem) {
        if (!demo) {
            throw DomainException.notFound("cabinet.demo-ca.off", "the demo CA exists only in demo mode");
        }
        Caller caller = callers.person();
        PersonRecord person = directory
                .findPerson(caller.name())
                .orElseThrow(() -> DomainException.notFound("cabinet.member.not-found", "no person " + caller.name()));
        java.security.PublicKey publicKey = CertificateRequests.provenKey(requestPem);
        X509Certificate issued = Certificates.personForKey(
                publicKey, person.username(), person.fullName(), person.agencyCode(), demoAuthority.ensure());
        LOG.info(() -> "The demo CA certified a key of " + caller.name() + " made on their own device");
        return Pem.of(issued);
    }

    private Caller mayManage(String username) {
        Caller caller = callers.person();
        if (!caller.name().equals(username) && !callers.isSecretary()) {
            throw DomainException.forbidden(
                    "cabinet.secretary.required",
                    "registering another member's certificate is for the Cabinet secretariat");
        }
        return caller;
    }

    private static X509Certificate parse(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw DomainException.invalid(
                    "cabinet.certificate.malformed",
                    "the body must be one X.509 certificate " + "in PEM form (-----BEGIN CERTIFICATE-----)");
        }
        try {
            return Pem.certificate(pem.strip());
        } catch (RuntimeException e) {
            throw DomainException.invalid(
                    "cabinet.certificate.malformed", "the body is not a readable X.509 " + "certificate in PEM form");
        }
    }

    private static CertificateView view(SigningKey key) {
        X509Certificate certificate = Pem.certificate(key.getCertificate());
        return new CertificateView(
                key.getUsername(),
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                OffsetDateTime.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC),
                fingerprint(certificate),
                key.getEncryptedKey() != null,
                key.getRegisteredAt());
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wrong PIN: an application exception that does not roll back, so the count of failures stays. */
    @jakarta.ejb.ApplicationException(rollback = false)
    public static class PinRefused extends DomainException {
        private static final long serialVersionUID = 1L;

        PinRefused(int remaining) {
            super(
                    Kind.INVALID,
                    "cabinet.pin.invalid",
                    "wrong signing PIN; " + Math.max(remaining, 0) + " attempts left",
                    java.util.Map.of("remaining", Math.max(remaining, 0)));
        }
    }

    private SigningKey key(String username) {
        SigningKey key = em.find(SigningKey.class, username);
        if (key != null) {
            return key;
        }
        if (!demo) {
            throw DomainException.conflict(
                    "cabinet.signing-key.missing", "no signing certificate is registered for " + username);
        }
        // The person's row is the lock: two first signatures of one member at once create one key.
        PersonRecord person = directory
                .lockPerson(username)
                .orElseThrow(() -> DomainException.notFound("cabinet.member.not-found", "no person " + username));
        SigningKey created = em.find(SigningKey.class, username);
        if (created != null) {
            return created;
        }
        Certificates.Issued issued =
                Certificates.person(username, person.fullName(), person.agencyCode(), demoAuthority.ensure());
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        key = new SigningKey(
                username,
                Pem.of(issued.certificate()),
                encrypt(issued.key(), demoPin, salt, iterations),
                Base64.getEncoder().encodeToString(salt),
                iterations,
                OffsetDateTime.now());
        em.persist(key);
        em.flush();
        LOG.info(() -> "Issued a demo signing certificate to " + username);
        return key;
    }

    private static SecretKeySpec derive(String pin, byte[] salt, int iterations) {
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256))
                    .getEncoded();
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
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey decrypt(SigningKey key, String pin) throws AEADBadTagException {
        byte[] all = Base64.getDecoder().decode(key.getEncryptedKey());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    derive(pin, Base64.getDecoder().decode(key.getKdfSalt()), key.getKdfIterations()),
                    new GCMParameterSpec(128, all, 0, 12));
            byte[] der = cipher.doFinal(all, 12, all.length - 12);
            return Pem.privateKey(der);
        } catch (AEADBadTagException wrongPin) {
            throw wrongPin;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
