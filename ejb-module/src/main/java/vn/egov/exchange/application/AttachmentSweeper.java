package vn.egov.exchange.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.exchange.infrastructure.AttachmentStore;

/**
 * Keeps the attachment store to the files committed documents refer to: shortly after start-up,
 * then every {@code egov.exchange.store.sweep-interval-minutes} (0: at start-up only), it removes
 * files nothing refers to and staged or temporary files older than
 * {@code egov.exchange.store.orphan-grace-minutes}, and moves in the staged files of documents
 * that committed just before the server stopped. See {@link AttachmentStore#sweep}.
 *
 * <p>{@code @PermitAll}: it has no business method; its timer runs as the container.
 */
@Singleton
@Startup
@PermitAll
public class AttachmentSweeper {

    private static final Logger LOG = Logger.getLogger(AttachmentSweeper.class.getName());
    /** Start-up first: the application deploys without waiting for a sweep of a large store. */
    private static final long FIRST_SWEEP_DELAY_MILLIS = 5_000;

    @Resource
    private TimerService timers;

    @Inject
    private AttachmentStore store;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.exchange.store.sweep-interval-minutes", defaultValue = "60")
    private long intervalMinutes;

    @Inject
    @ConfigProperty(name = "egov.exchange.store.orphan-grace-minutes", defaultValue = "60")
    private long graceMinutes;

    @PostConstruct
    void schedule() {
        TimerConfig config = new TimerConfig("exchange attachment store sweep", false);
        if (intervalMinutes > 0) {
            timers.createIntervalTimer(
                    FIRST_SWEEP_DELAY_MILLIS,
                    Duration.ofMinutes(intervalMinutes).toMillis(),
                    config);
        } else {
            timers.createSingleActionTimer(FIRST_SWEEP_DELAY_MILLIS, config);
        }
    }

    @Timeout
    void sweep() {
        try {
            AttachmentStore.Sweep done = store.sweep(this::referenced, Duration.ofMinutes(Math.max(0, graceMinutes)));
            if (done.changedAnything()) {
                LOG.info("attachment store " + store.root() + ": removed " + done.orphansRemoved()
                        + " unreferenced, " + done.stagedRemoved() + " abandoned staged and " + done.temporaryRemoved()
                        + " temporary files; moved in " + done.stagedPromoted()
                        + " staged files of committed documents");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the attachment store sweep failed; the next one tries again", e);
        }
    }

    /** Of these SHA-256 hashes, those some committed document's attachment or kept edXML package has. */
    private Set<String> referenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>(em.createQuery(
                        "SELECT DISTINCT a.sha256 FROM ExchangeAttachment a WHERE a.sha256 IN :hashes", String.class)
                .setParameter("hashes", hashes)
                .getResultList());
        found.addAll(em.createQuery(
                        "SELECT DISTINCT d.payloadSha256 FROM ExchangeDocument d"
                                + " WHERE d.packageSize IS NOT NULL AND d.payloadSha256 IN :hashes",
                        String.class)
                .setParameter("hashes", hashes)
                .getResultList());
        return found;
    }
}
