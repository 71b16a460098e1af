package vn.egov.exchange.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals the VPCP systems' secrets for the database with AES-256-GCM, under a key that is not in the
 * database: {@code egov.vxp.secret-key} (base64 of 32 bytes), else the key file
 * {@code egov.vxp.secret-key-file}, else {@code <domain>/config/egov-vxp-secret.key}, created with
 * a random key (readable by its owner only) the first time. The secret must be recoverable, not
 * only hashed, since each call's HMAC is recomputed with it; a copy of the database alone reveals
 * none. The system id is bound to each sealed value (additional authenticated data), so a sealed
 * secret moved to another system's row does not open.
 */
@ApplicationScoped
public class SecretSealer {

    private static final Logger LOG = Logger.getLogger(SecretSealer.class.getName());
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "egov.vxp.secret-key")
    private Optional<String> configuredKey = Optional.empty();

    @Inject
    @ConfigProperty(name = "egov.vxp.secret-key-file")
    private Optional<String> configuredFile = Optional.empty();

    private SecretKeySpec key;

    public SecretSealer() {}

    /** A sealer with a known key (tests, tools). */
    public SecretSealer(byte[] key) {
        this.key = aesKey(key);
    }

    @PostConstruct
    void init() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            key = aesKey(decode(configuredKey.get(), "egov.vxp.secret-key"));
            return;
        }
        Path file = configuredFile.filter(f -> !f.isBlank()).map(Path::of).orElseGet(SecretSealer::defaultFile);
        key = aesKey(readOrCreate(file));
    }

    private static Path defaultFile() {
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return instance != null
                ? Path.of(instance, "config", "egov-vxp-secret.key")
                : Path.of(System.getProperty("java.io.tmpdir"), "egov-vxp-secret.key");
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".new");
                Files.write(temporary, Base64.getEncoder().encode(fresh));
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the folder's protect it
                }
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("created the key sealing VPCP system secrets at " + file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the VPCP secret key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
    }

    private static SecretKeySpec aesKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("the VPCP secret key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The secret sealed for the row of {@code systemId}: base64 of nonce, ciphertext and tag. */
    public String seal(String systemId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(systemId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret, or empty when the sealed value does not open with this key for this system. */
    public Optional<String> open(String systemId, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(systemId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(
                    new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
