package vn.egov.common.interfaces.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refusals that escape a page (a role the person lacks, another agency's object, a view state this session does not
 * hold: {@link Refusals}) become the error page with their status (403, 404, 400) instead of a 500; for an Ajax
 * request, a partial response that sends the browser to that error page (the default handler would answer an
 * {@code <error>} element the page silently ignores). Everything else goes on to Faces' own handler and the
 * container's error page.
 */
public class RefusalExceptionHandlerFactory extends ExceptionHandlerFactory {

    public RefusalExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(RefusalExceptionHandlerFactory.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events =
                            getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                int status = Refusals.statusOf(failure);
                if (status >= 500 || faces == null || faces.getExternalContext().isResponseCommitted()) {
                    continue;
                }
                events.remove();
                LOG.log(Level.FINE, "refused with " + status, failure);
                try {
                    answer(faces, status, Refusals.expired(failure));
                } catch (IOException e) {
                    throw new FacesException("cannot answer the refusal", e);
                }
                faces.responseComplete();
            }
            getWrapped().handle();
        }

        private static void answer(FacesContext faces, int status, boolean expired) throws IOException {
            ExternalContext external = faces.getExternalContext();
            if (faces.getPartialViewContext().isAjaxRequest()) {
                external.responseReset();
                external.setResponseContentType("text/xml");
                external.setResponseCharacterEncoding("UTF-8");
                external.setResponseHeader("Cache-Control", "no-store");
                String target = external.getRequestContextPath() + "/error-handler?status=" + status
                        + (expired ? "&amp;expired=true" : "");
                Writer writer = external.getResponseOutputWriter();
                writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + target
                        + "\"/></partial-response>");
                writer.flush();
                return;
            }
            if (expired) {
                external.getRequestMap().put(ErrorServlet.EXPIRED, Boolean.TRUE);
            }
            external.responseSendError(status, null);
        }
    }
}
