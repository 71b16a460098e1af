package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.Timestamps;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.domain.model.DossierNotification;

/**
 * The applicants' e-mail outbox ({@link DossierNotification}), as the sender works through it: due
 * notifications are <em>claimed</em> one by one with a conditional update that only one instance
 * can win (it moves the next try a lease ahead), sent outside any transaction, then marked sent or
 * failed with a back-off that doubles up to {@code egov.portal.mail.retry-max-seconds}. A
 * notification is never dropped: after any number of failures it is tried again, and a system
 * administrator sees the pending ones with their last error.
 *
 * <p>The sender's methods are {@code @PermitAll}: they are called by the container's timer only.
 */
@Stateless
public class NotificationOutbox {

    /** What the sender needs to send one claimed notification. */
    public record Mail(long id, String recipient, String subject, String body) {}

    /** A notification still waiting, for administrators. */
    public record Pending(
            long id,
            String dossierCode,
            String recipient,
            String subject,
            OffsetDateTime createdAt,
            int attempts,
            OffsetDateTime nextTryAt,
            String lastError) {}

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.retry-base-seconds", defaultValue = "30")
    private long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.retry-max-seconds", defaultValue = "3600")
    private long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.lease-seconds", defaultValue = "120")
    private long leaseSeconds;

    /**
     * The ids of notifications due now: those never tried first, then the fewest failures, each
     * group oldest first, so a backlog that a dead mail server left behind never delays a fresh
     * notice. {@code PermitAll}: the sender's timer.
     */
    @PermitAll
    public List<Long> due(int max) {
        return em.createQuery(
                        "SELECT n.id FROM DossierNotification n WHERE n.sentAt IS NULL AND n.nextTryAt <= :now"
                                + " ORDER BY n.attempts, n.nextTryAt, n.id",
                        Long.class)
                .setParameter("now", Timestamps.now())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Claims a due notification for this sender: empty when another instance claimed or sent it
     * first. The claim moves its next try a lease ahead, so a sender that dies mid-send leaves it
     * to be tried again once the lease ends. {@code PermitAll}: the sender's timer.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Mail> claim(long id) {
        OffsetDateTime now = Timestamps.now();
        int won = em.createQuery("UPDATE DossierNotification n SET n.nextTryAt = :lease WHERE n.id = :id"
                        + " AND n.sentAt IS NULL AND n.nextTryAt <= :now")
                .setParameter("lease", now.plusSeconds(leaseSeconds))
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
        if (won != 1) {
            return Optional.empty();
        }
        DossierNotification n = em.find(DossierNotification.class, id);
        em.refresh(n);
        return Optional.of(new Mail(n.getId(), n.getRecipient(), n.getSubject(), n.getBody()));
    }

    /** The mail server took it. {@code PermitAll}: the sender's timer. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id) {
        DossierNotification n = em.find(DossierNotification.class, id);
        if (n != null) {
            n.sent(Timestamps.now());
        }
    }

    /** It could not be sent: tried again after the back-off. {@code PermitAll}: the sender's timer. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error) {
        DossierNotification n = em.find(DossierNotification.class, id);
        if (n != null) {
            n.failed(error, Timestamps.now().plusSeconds(backOff(n.getAttempts(), retryBaseSeconds, retryMaxSeconds)));
        }
    }

    /** Seconds to wait after the {@code attempts}-th failure: base, doubling, at most max. */
    static long backOff(int attempts, long base, long max) {
        long wait = Math.max(1, base);
        for (int i = 0; i < attempts && wait < max; i++) {
            wait *= 2;
        }
        return Math.min(wait, Math.max(1, max));
    }

    /** The notifications not sent yet, oldest first, with their last error: what a mail outage leaves. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public List<Pending> pending(int max) {
        return em
                .createQuery(
                        "SELECT n FROM DossierNotification n WHERE n.sentAt IS NULL ORDER BY n.createdAt, n.id",
                        DossierNotification.class)
                .setMaxResults(Math.min(Math.max(1, max), 500))
                .getResultList()
                .stream()
                .map(n -> new Pending(
                        n.getId(),
                        n.getDossier().getCode(),
                        n.getRecipient(),
                        n.getSubject(),
                        n.getCreatedAt(),
                        n.getAttempts(),
                        n.getNextTryAt(),
                        n.getLastError()))
                .toList();
    }
}
