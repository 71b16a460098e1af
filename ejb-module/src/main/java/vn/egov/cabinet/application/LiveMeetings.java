package vn.egov.cabinet.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live channel of meetings: every screen following a meeting (intranet pages over the
 * intranet's event stream, mobile clients over the API's JAX-RS server-sent events) is a listener;
 * after each change the new live state is computed once and pushed to all of them.
 *
 * <p>The services announce a change with a {@link MeetingChanged} event inside their transaction;
 * this bean observes it only after the transaction has committed, so a refused change pushes
 * nothing and the pushed state is the committed one. The push itself runs on the managed executor:
 * a slow screen never holds up the request that made the change. It lives beside the services (not
 * in the web module) because CDI delivers an event to the observers the firing module can see.
 *
 * <p>The state itself is always read from the database, so a listener that misses a push loses
 * nothing: the next push, or a reconnect, carries the whole state. With several instances, a
 * change made on one would reach only its own listeners; Payara's Hazelcast topic would carry the
 * notification across (not built: one instance today).
 */
@ApplicationScoped
public class LiveMeetings {

    /** One connected screen. */
    public interface Listener {
        /** Sends one event (null: a comment line; "retry": the reconnection delay); false when the client is gone. */
        boolean send(String event, String data);
    }

    private static final Logger LOG = Logger.getLogger(LiveMeetings.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();

    @Inject
    private MeetingFloor floor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        // A comment line now and then keeps proxies from closing quiet streams and finds gone clients.
        heartbeat = scheduler.scheduleAtFixedRate(
                () -> listeners.forEach((meeting, set) -> set.removeIf(l -> !l.send(null, "keep-alive"))),
                20,
                20,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** The live state as JSON, for a caller who may see the meeting (else the service refuses, 404). */
    public String snapshot(long meetingId) {
        return JSON.toJson(floor.liveState(meetingId));
    }

    public void subscribe(long meetingId, Listener listener) {
        listeners
                .computeIfAbsent(meetingId, id -> ConcurrentHashMap.newKeySet())
                .add(listener);
    }

    public void unsubscribe(long meetingId, Listener listener) {
        Set<Listener> set = listeners.get(meetingId);
        if (set != null) {
            set.remove(listener);
        }
    }

    /** A change has committed: its new state goes to every listener, off the request's thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingChanged change) {
        Set<Listener> set = listeners.get(change.meetingId());
        if (set == null || set.isEmpty()) {
            return;
        }
        executor.execute(() -> push(change.meetingId()));
    }

    private void push(long meetingId) {
        Set<Listener> set = listeners.get(meetingId);
        if (set == null || set.isEmpty()) {
            return;
        }
        try {
            String state = JSON.toJson(floor.screenState(meetingId));
            set.removeIf(l -> !l.send("state", state));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot push the live state of meeting " + meetingId, e);
        }
    }

    /** How many screens follow a meeting (for the bench and the admin). */
    public int listeners(long meetingId) {
        Set<Listener> set = listeners.get(meetingId);
        return set == null ? 0 : set.size();
    }
}
