package vn.egov.cabinet.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.cabinet.application.LiveMeetings;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.EventStream;
import vn.egov.security.interfaces.web.EgovAuthenticationMechanism;

/**
 * Server-sent events of one meeting's live state for intranet pages: {@code /live/meetings/{id}},
 * signed in by session (the API's stream, {@code /api/v1/cabinet/live/meetings/{id}}, is served by
 * JAX-RS in {@code CabinetResource}; both follow {@link LiveMeetings}). The first event is the
 * current state, then one per change; the browser's EventSource reconnects by itself after a
 * network break and gets the whole state again.
 */
@WebServlet(
        urlPatterns = {"/live/meetings/*"},
        asyncSupported = true)
public class LiveEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient LiveMeetings live;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long meetingId;
        String snapshot;
        try {
            meetingId = Long.parseLong(
                    request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
            snapshot = live.snapshot(meetingId);
        } catch (NumberFormatException | DomainException e) {
            // Unknown, or not the caller's to see: the same answer, as everywhere.
            request.setAttribute(EgovAuthenticationMechanism.PROBLEM_CODE, "cabinet.meeting.not-found");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        EventStream stream = EventStream.open(request, response, 2000);
        LiveMeetings.Listener listener = stream::send;
        stream.onClose(() -> live.unsubscribe(meetingId, listener));
        live.subscribe(meetingId, listener);
        listener.send("state", snapshot);
    }
}
