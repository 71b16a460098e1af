package vn.egov.security.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.domain.model.SecurityEventType;
import vn.egov.security.domain.model.ThrottleCounter;
import vn.egov.security.domain.model.ThrottleCounter.Kind;

/**
 * Throttling of sign-ins (ASVS 2.2.1) for the intranet's form, the password grant and the client
 * credentials grant. Failures are counted per account (a person's username, a partner client's id)
 * and per address; {@code egov.auth.throttle.account-failures} failures of an account within
 * {@code window-seconds} lock the account out for {@code lock-seconds}, doubling with each lock-out
 * in a row up to {@code max-lock-seconds}; {@code address-failures} failures from one address, over
 * any accounts, lock out that address the same way (the higher threshold lets an office behind one
 * NAT address mistype). The check comes before the password is verified, so a locked-out attempt
 * costs no PBKDF2 and tells nothing about the password. A system administrator sees and ends
 * lock-outs; a success clears the account's failures (never the address's: one account an attacker
 * owns must not reset the count of guesses at others).
 */
@Stateless
public class SignInThrottling {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    @ConfigProperty(name = "egov.auth.throttle.account-failures", defaultValue = "10")
    private int accountFailures;

    @Inject
    @ConfigProperty(name = "egov.auth.throttle.address-failures", defaultValue = "100")
    private int addressFailures;

    @Inject
    @ConfigProperty(name = "egov.auth.throttle.window-seconds", defaultValue = "900")
    private long windowSeconds;

    @Inject
    @ConfigProperty(name = "egov.auth.throttle.lock-seconds", defaultValue = "60")
    private long lockSeconds;

    @Inject
    @ConfigProperty(name = "egov.auth.throttle.max-lock-seconds", defaultValue = "900")
    private long maxLockSeconds;

    /**
     * Refuses with {@link SignInThrottledException} when the account or the address is locked out.
     * {@code @PermitAll}: it runs before anyone is signed in, called by AuthenticationService only.
     */
    @PermitAll
    public void check(Kind kind, String account, String address) {
        Instant now = Instant.now();
        long seconds = Math.max(locked(kind, account, now), address == null ? 0 : locked(Kind.ADDRESS, address, now));
        if (seconds > 0) {
            audit.record(
                    SecurityEventType.SIGN_IN_THROTTLED,
                    account,
                    null,
                    address,
                    kind.name().toLowerCase());
            throw new SignInThrottledException(seconds);
        }
    }

    /**
     * Counts a failed sign-in of {@code account} from {@code address}, in its own transaction: the
     * refusal that follows rolls back the caller's work, never the count. {@code @PermitAll}: called by
     * AuthenticationService before anyone is signed in.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Kind kind, String account, String address) {
        Instant now = Instant.now();
        count(kind, account, accountFailures, now, address);
        if (address != null) {
            count(Kind.ADDRESS, address, addressFailures, now, address);
        }
    }

    /** Clears an account's failures after a successful sign-in. {@code @PermitAll}: called by AuthenticationService. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(Kind kind, String account) {
        ThrottleCounter counter = em.find(ThrottleCounter.class, ThrottleCounter.keyOf(kind, account));
        if (counter != null) {
            em.remove(counter);
        }
    }

    /** The accounts and addresses locked out now, the longest lock first. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public List<Lockout> lockouts() {
        return em
                .createNamedQuery("ThrottleCounter.locked", ThrottleCounter.class)
                .setParameter("now", Instant.now().atOffset(java.time.ZoneOffset.UTC))
                .getResultList()
                .stream()
                .map(t -> new Lockout(t.getSubject(), t.getKind().name(), t.getLockedUntil(), t.getLockouts()))
                .toList();
    }

    /**
     * Ends the lock-out and forgets the failures of an account or address (every kind that bears
     * this name); false when nothing was counted for it.
     */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public boolean unlock(String subject, String administrator, String address) {
        List<ThrottleCounter> counters = em.createNamedQuery("ThrottleCounter.bySubject", ThrottleCounter.class)
                .setParameter("subject", ThrottleCounter.cut(subject))
                .getResultList();
        counters.forEach(em::remove);
        if (!counters.isEmpty()) {
            audit.record(SecurityEventType.LOCKOUT_CLEARED, administrator, null, address, "unlocked " + subject);
        }
        return !counters.isEmpty();
    }

    /** Forgets counters idle past the window and the longest lock: their lock-out streak is over. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    void purge() {
        Instant before = Instant.now().minusSeconds(windowSeconds + maxLockSeconds);
        em.createNamedQuery("ThrottleCounter.idle")
                .setParameter("before", before.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    private long locked(Kind kind, String subject, Instant now) {
        return Optional.ofNullable(em.find(ThrottleCounter.class, ThrottleCounter.keyOf(kind, subject)))
                .map(counter -> counter.secondsLocked(now))
                .orElse(0L);
    }

    private void count(Kind kind, String subject, int threshold, Instant now, String address) {
        String key = ThrottleCounter.keyOf(kind, subject);
        ThrottleCounter counter = em.find(ThrottleCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new ThrottleCounter(kind, ThrottleCounter.cut(subject), now);
            em.persist(counter);
        }
        Duration maxLock = Duration.ofSeconds(maxLockSeconds);
        if (counter.fail(
                now,
                threshold,
                Duration.ofSeconds(windowSeconds),
                Duration.ofSeconds(Math.min(lockSeconds, maxLockSeconds)),
                maxLock)) {
            audit.record(
                    SecurityEventType.ACCOUNT_LOCKED,
                    kind == Kind.ADDRESS ? null : subject,
                    null,
                    address,
                    kind.name().toLowerCase() + " " + subject + " locked until " + counter.getLockedUntil());
        }
    }
}
