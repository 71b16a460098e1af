package vn.egov.security.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The failed sign-ins of one account or one address, and its lock-out if it has one. Kept in the
 * database, not in memory, so every instance of a deployment group counts the same failures.
 *
 * <p>The rule: {@code threshold} failures within {@code window} lock the subject out; each further
 * lock-out in a row doubles the lock, never beyond {@code maxLock}, so an attacker can delay an
 * account's owner but never shut them out for longer than that. Attempts refused while locked are
 * not counted (they never reach the password check).
 */
@Entity
@Table(name = "auth_throttle")
@NamedQuery(
        name = "ThrottleCounter.locked",
        query = "SELECT t FROM ThrottleCounter t WHERE t.lockedUntil > :now ORDER BY t.lockedUntil DESC")
@NamedQuery(name = "ThrottleCounter.bySubject", query = "SELECT t FROM ThrottleCounter t WHERE t.subject = :subject")
@NamedQuery(
        name = "ThrottleCounter.idle",
        query = "DELETE FROM ThrottleCounter t WHERE t.lastFailureAt < :before"
                + " AND (t.lockedUntil IS NULL OR t.lockedUntil < :before)")
public class ThrottleCounter {

    /** What is counted: a person's username, a partner client's id, or the address requests come from. */
    public enum Kind {
        PERSON,
        CLIENT,
        ADDRESS
    }

    @Id
    @Column(name = "throttle_key", length = 120)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 10)
    private Kind kind;

    @Column(name = "subject", nullable = false, length = 100)
    private String subject;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private OffsetDateTime windowStartedAt;

    @Column(name = "last_failure_at", nullable = false)
    private OffsetDateTime lastFailureAt;

    @Column(name = "lockouts", nullable = false)
    private int lockouts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected ThrottleCounter() {}

    public ThrottleCounter(Kind kind, String subject, Instant now) {
        this.kind = kind;
        this.subject = subject;
        this.key = keyOf(kind, subject);
        this.windowStartedAt = at(now);
        this.lastFailureAt = at(now);
    }

    /** The primary key of a subject's counter; subjects longer than the column are cut, as they are stored. */
    public static String keyOf(Kind kind, String subject) {
        return kind.name() + ":" + cut(subject);
    }

    public static String cut(String subject) {
        return subject.length() <= 100 ? subject : subject.substring(0, 100);
    }

    /**
     * Counts one failure at {@code now}; true when it starts a lock-out. A window older than
     * {@code window} starts again from this failure.
     */
    public boolean fail(Instant now, int threshold, Duration window, Duration lock, Duration maxLock) {
        if (windowStartedAt.toInstant().plus(window).isBefore(now)) {
            failures = 0;
            windowStartedAt = at(now);
        }
        failures++;
        lastFailureAt = at(now);
        if (failures < threshold) {
            return false;
        }
        lockouts++;
        Duration length = lock;
        for (int i = 1; i < lockouts && length.compareTo(maxLock) < 0; i++) {
            length = length.multipliedBy(2);
        }
        lockedUntil = at(now.plus(length.compareTo(maxLock) > 0 ? maxLock : length));
        failures = 0;
        windowStartedAt = at(now);
        return true;
    }

    /** Whole seconds until the lock-out ends (at least 1), or 0 when the subject is not locked at {@code now}. */
    public long secondsLocked(Instant now) {
        if (lockedUntil == null || !lockedUntil.toInstant().isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, lockedUntil.toInstant()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public String getKey() {
        return key;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public int getFailures() {
        return failures;
    }

    public int getLockouts() {
        return lockouts;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public OffsetDateTime getLastFailureAt() {
        return lastFailureAt;
    }
}
