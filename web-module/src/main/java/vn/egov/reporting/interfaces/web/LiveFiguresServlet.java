package vn.egov.reporting.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.common.interfaces.web.EventStream;
import vn.egov.reporting.application.LiveFigures;

/**
 * Server-sent events for the direction centre's pages ({@code /live/reporting}, signed in by session, the centre's
 * roles in {@code web.xml}): "reviewed" each time a report is approved or returned anywhere, so an open page reads its
 * figures again without a reload. The events carry no figure; see {@link LiveFigures}.
 */
@WebServlet(
        urlPatterns = {"/live/reporting"},
        asyncSupported = true)
public class LiveFiguresServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient LiveFigures live;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventStream stream = EventStream.open(request, response, 2000);
        LiveFigures.Listener listener = stream::send;
        stream.onClose(() -> live.unsubscribe(LiveFigures.FIGURES, listener));
        live.subscribe(LiveFigures.FIGURES, listener);
        // Sent at once so the page knows its stream is open (and the browser does not wait for the first review).
        listener.send(null, "open");
    }
}
