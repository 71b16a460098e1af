package vn.egov.cabinet.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import vn.egov.cabinet.application.CabinetService;

/**
 * The live channel of meetings: every screen following a meeting (intranet pages over the
 * {@link LiveEventsServlet}, mobile clients over the API's server-sent events) is a listener; after
 * each change the new live state is computed once and pushed to all of them.
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

    private static final Jsonb JSON = JsonbBuilder.create();

    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();

    @Inject
    private CabinetService cabinet;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        // A comment line now and then keeps proxies from closing quiet streams and finds gone clients.
        heartbeat = scheduler.scheduleAtFixedRate(() -> listeners.forEach((meeting, set) ->
                set.removeIf(l -> !l.send(null, "keep-alive"))), 20, 20, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** The live state as JSON, for a caller who may see the meeting (else the service refuses, 404). */
    public String snapshot(long meetingId) {
        return JSON.toJson(cabinet.liveState(meetingId));
    }

    public void subscribe(long meetingId, Listener listener) {
        listeners.computeIfAbsent(meetingId, id -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    public void unsubscribe(long meetingId, Listener listener) {
        Set<Listener> set = listeners.get(meetingId);
        if (set != null) {
            set.remove(listener);
        }
    }

    /** Called after a change has committed: pushes the meeting's new state to every listener. */
    public void changed(long meetingId) {
        Set<Listener> set = listeners.get(meetingId);
        if (set == null || set.isEmpty()) {
            return;
        }
        String state = snapshot(meetingId);
        set.removeIf(l -> !l.send("state", state));
    }

    /** How many screens follow a meeting (for the bench and the admin). */
    public int listeners(long meetingId) {
        Set<Listener> set = listeners.get(meetingId);
        return set == null ? 0 : set.size();
    }
}
