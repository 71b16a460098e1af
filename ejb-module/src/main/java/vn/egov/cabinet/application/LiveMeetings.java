package vn.egov.cabinet.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import vn.egov.common.application.LiveChannel;

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
public class LiveMeetings extends LiveChannel<Long> {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private MeetingFloor floor;

    /** The live state as JSON, for a caller who may see the meeting (else the service refuses, 404). */
    public String snapshot(long meetingId) {
        return JSON.toJson(floor.liveState(meetingId));
    }

    /** A change has committed: its new state goes to every listener, off the request's thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingChanged change) {
        push(change.meetingId(), "state", () -> JSON.toJson(floor.screenState(change.meetingId())));
    }
}
