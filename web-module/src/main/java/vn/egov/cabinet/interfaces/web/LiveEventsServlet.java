package vn.egov.cabinet.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import vn.egov.cabinet.application.LiveMeetings;
import vn.egov.common.DomainException;
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
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PrintWriter writer = response.getWriter();
        LiveMeetings.Listener listener = (event, data) -> {
            synchronized (writer) {
                if (event == null) {
                    writer.write(": " + data + "\n\n");
                } else if (event.equals("retry")) {
                    writer.write("retry: " + data + "\n\n");
                } else {
                    writer.write("event: " + event + "\ndata: " + data + "\n\n");
                }
                writer.flush();
                return !writer.checkError();
            }
        };
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                live.unsubscribe(meetingId, listener);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                live.unsubscribe(meetingId, listener);
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                live.unsubscribe(meetingId, listener);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        listener.send("retry", "2000");
        live.subscribe(meetingId, listener);
        listener.send("state", snapshot);
    }
}
