package vn.egov.common.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the live channels share (a meeting's screens, the direction centre's pages): the screens that follow a topic
 * ({@code K}: a meeting's id, or one topic for all), a comment line to each every 20 s so proxies keep quiet streams
 * open and gone screens are found, and pushes made on the managed executor so a slow screen never holds up the request
 * that made the change. Subclasses decide what a change pushes and to whom; the state pushed is always read from the
 * database, so a screen that misses a push loses nothing.
 *
 * <p>With several instances, a change made on one reaches only that instance's screens; the notification would have
 * to cross the data grid (issue 18).
 */
public abstract class LiveChannel<K> {

    /** One connected screen. */
    public interface Listener {
        /** Sends one event (null: a comment line; "retry": the reconnection delay); false when the screen is gone. */
        boolean send(String event, String data);
    }

    private static final Logger LOG = Logger.getLogger(LiveChannel.class.getName());

    private final Map<K, Set<Listener>> listeners = new ConcurrentHashMap<>();

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void startHeartbeat() {
        heartbeat = scheduler.scheduleAtFixedRate(
                () -> listeners.forEach((topic, set) -> set.removeIf(l -> !l.send(null, "keep-alive"))),
                20,
                20,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    public void subscribe(K topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    public void unsubscribe(K topic, Listener listener) {
        Set<Listener> set = listeners.get(topic);
        if (set != null) {
            set.remove(listener);
        }
    }

    /** How many screens follow a topic (for the bench, the admin and the tests). */
    public int listeners(K topic) {
        Set<Listener> set = listeners.get(topic);
        return set == null ? 0 : set.size();
    }

    /**
     * Pushes {@code event} to every screen of {@code topic}, off the caller's thread; the data is computed there, once,
     * and only when someone follows the topic. Screens that are gone are dropped.
     */
    protected void push(K topic, String event, Supplier<String> data) {
        if (listeners(topic) == 0) {
            return;
        }
        executor.execute(() -> {
            Set<Listener> set = listeners.get(topic);
            if (set == null || set.isEmpty()) {
                return;
            }
            try {
                String payload = data.get();
                set.removeIf(l -> !l.send(event, payload));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot push " + event + " of " + topic, e);
            }
        });
    }
}
