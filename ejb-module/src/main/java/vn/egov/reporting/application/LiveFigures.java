package vn.egov.reporting.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The direction centre's live channel: every open centre page is a listener, told "reviewed" each time a report is
 * approved or returned, after the review has committed; the page then asks for its figures again (and redraws only
 * when what it may see changed). The event carries no figure and no report: what a page shows is always read for its
 * own viewer under the reporting scope rules, so a listener that misses a push loses nothing — the page asks again
 * when its stream reconnects.
 *
 * <p>Like the meetings' channel ({@code LiveMeetings}), a review made on one instance reaches the listeners of that
 * instance; with several instances the notification must cross the data grid (issue 18).
 */
@ApplicationScoped
public class LiveFigures {

    /** One open centre page. */
    public interface Listener {
        /** Sends one event (null: a comment line); false when the page is gone. */
        boolean send(String event, String data);
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicLong reviews = new AtomicLong();

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        // A comment line now and then keeps proxies from closing quiet streams and finds gone pages.
        heartbeat = scheduler.scheduleAtFixedRate(
                () -> listeners.removeIf(l -> !l.send(null, "keep-alive")), 20, 20, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** A review has committed: every page is told, off the request's thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportReviewed review) {
        long number = reviews.incrementAndGet();
        if (listeners.isEmpty()) {
            return;
        }
        executor.execute(() -> listeners.removeIf(l -> !l.send("reviewed", String.valueOf(number))));
    }

    /** How many centre pages follow the figures (for the admin and the tests). */
    public int listeners() {
        return listeners.size();
    }
}
