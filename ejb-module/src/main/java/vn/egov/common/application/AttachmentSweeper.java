package vn.egov.common.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.StoredContentReferences;

/**
 * Keeps the shared attachment store (exchange attachments, portal dossiers' components) to the
 * files committed records of some area refer to — every area answers through its
 * {@link StoredContentReferences}: shortly after start-up,
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

    @Inject
    @Any
    private Instance<StoredContentReferences> areas;

    @Inject
    @ConfigProperty(name = "egov.exchange.store.sweep-interval-minutes", defaultValue = "60")
    private long intervalMinutes;

    @Inject
    @ConfigProperty(name = "egov.exchange.store.orphan-grace-minutes", defaultValue = "60")
    private long graceMinutes;

    @PostConstruct
    void schedule() {
        TimerConfig config = new TimerConfig("attachment store sweep", false);
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

    /** Of these SHA-256 hashes, those some committed record of any area refers to. */
    private Set<String> referenced(Collection<String> hashes) {
        Set<String> live = new HashSet<>();
        if (!hashes.isEmpty()) {
            for (StoredContentReferences area : areas) {
                live.addAll(area.referenced(hashes));
            }
        }
        return live;
    }
}
