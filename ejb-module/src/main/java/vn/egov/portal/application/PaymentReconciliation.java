package vn.egov.portal.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Đối soát giao dịch — the reconciliation job real payment integrations run (PORTAL-SHARING.md
 * A.5), because confirm calls get lost: every {@code egov.portal.payment.reconcile.interval-seconds}
 * (5 minutes) it checks each payment left initiated or pending with the platform and settles it
 * ({@link PortalPayments#reconcile}, one transaction each). A persistent timer, so with several
 * instances it runs on one of them and survives restarts; it is created again at start-up with the
 * configured interval.
 *
 * <p>{@code @PermitAll}: it has no business method; its timer runs as the container.
 */
@Singleton
@Startup
@PermitAll
public class PaymentReconciliation {

    private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class.getName());
    private static final String NAME = "portal payment reconciliation";

    @Resource
    private TimerService timers;

    @Inject
    private PortalPayments payments;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.reconcile.interval-seconds", defaultValue = "300")
    private long intervalSeconds;

    @PostConstruct
    void schedule() {
        for (Timer timer : timers.getTimers()) {
            if (NAME.equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        long every = Duration.ofSeconds(Math.max(1, intervalSeconds)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(NAME, true));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reconcile() {
        for (Long id : payments.dueForCheck()) {
            try {
                payments.reconcile(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "payment " + id + " could not be reconciled; tried again next round", e);
            }
        }
    }
}
