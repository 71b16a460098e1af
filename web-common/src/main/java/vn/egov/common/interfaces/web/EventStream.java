package vn.egov.common.interfaces.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server-sent event stream (the {@code text/event-stream} of the HTML standard) answered by an asynchronous
 * servlet, for the intranet pages that follow something live (a meeting, the direction centre). Jersey's SSE serves
 * the API's streams; the pages' streams are servlets because they are signed in by the intranet's session, and this
 * class holds what they share: the headers that keep proxies from buffering, a request that never times out, the
 * event framing, and one call of the close action however the client goes.
 */
public final class EventStream {

    private final PrintWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onClose = () -> {};

    private EventStream(PrintWriter writer) {
        this.writer = writer;
    }

    /** Starts the stream on an asynchronous request and tells the browser to reconnect after {@code retryMillis}. */
    public static EventStream open(HttpServletRequest request, HttpServletResponse response, int retryMillis)
            throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        EventStream stream = new EventStream(response.getWriter());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.close();
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                stream.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        stream.send("retry", String.valueOf(retryMillis));
        return stream;
    }

    /** What to do once the client has gone (stop sending it events). */
    public void onClose(Runnable action) {
        onClose = action;
        if (closed.get()) {
            action.run();
        }
    }

    /**
     * Sends one event ({@code event} null: a comment line, which keeps quiet streams open; "retry": the reconnection
     * delay). Returns false when the client is gone.
     */
    public boolean send(String event, String data) {
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
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }
}
