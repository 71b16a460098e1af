package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A member's registered signing certificate. For remote signing it also holds the private key,
 * encrypted (AES-GCM) under a key derived from the member's PIN (PBKDF2): the platform cannot use
 * it without the PIN, and stops after too many wrong PINs.
 */
@Entity
@Table(name = "cabinet_signing_key")
public class SigningKey {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "certificate", nullable = false, length = 4000)
    private String certificate;

    @Column(name = "encrypted_key", length = 4000)
    private String encryptedKey;

    @Column(name = "kdf_salt", length = 64)
    private String kdfSalt;

    @Column(name = "kdf_iterations")
    private Integer kdfIterations;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected SigningKey() {}

    public SigningKey(
            String username,
            String certificate,
            String encryptedKey,
            String kdfSalt,
            Integer kdfIterations,
            OffsetDateTime now) {
        this.username = username;
        this.certificate = certificate;
        this.encryptedKey = encryptedKey;
        this.kdfSalt = kdfSalt;
        this.kdfIterations = kdfIterations;
        this.registeredAt = now;
    }

    /**
     * The member's own certificate replaces the registered one; a key held for remote signing no
     * longer matches it and is dropped, so from now on only the member's own device signs.
     */
    public void register(String certificate, OffsetDateTime now) {
        this.certificate = certificate;
        this.encryptedKey = null;
        this.kdfSalt = null;
        this.kdfIterations = null;
        this.failedAttempts = 0;
        this.registeredAt = now;
    }

    public void failedAttempt() {
        failedAttempts++;
    }

    public void succeeded() {
        failedAttempts = 0;
    }

    public String getUsername() {
        return username;
    }

    public String getCertificate() {
        return certificate;
    }

    public String getEncryptedKey() {
        return encryptedKey;
    }

    public String getKdfSalt() {
        return kdfSalt;
    }

    public Integer getKdfIterations() {
        return kdfIterations;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getRegisteredAt() {
        return registeredAt;
    }
}
