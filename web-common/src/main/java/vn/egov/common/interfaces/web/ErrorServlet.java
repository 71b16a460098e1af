package vn.egov.common.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.common.interfaces.rest.Problem;

/**
 * Every error the container itself answers (a 401 from the authentication mechanism, a 403 from a
 * security constraint, a 404, an exception that escaped) comes here, never to Payara's default
 * page that would print exception details: API addresses get a problem detail, pages the
 * intranet's error page. A failure that is a refusal ({@link Refusals}: a role the caller lacks,
 * another agency's object, an expired view) keeps its status instead of becoming a 500. Asked for
 * directly ({@code /error-handler?status=403}, where an Ajax refusal sends the browser), it shows
 * the page of that status if it is one a refusal has.
 *
 * <p>Shared by the intranet and the public portal (it lives in {@code web-common}, the EAR's library): each WAR maps it
 * at {@code /error-handler} in its {@code web.xml} (annotations are not scanned in the EAR's library) and renders its
 * own {@code /error.xhtml}.
 */
public class ErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());
    /** Request attribute: the refusal was a view state this session does not hold. */
    public static final String EXPIRED = "egovErrorExpired";

    private static final java.util.Set<String> DIRECT_STATUSES = java.util.Set.of("400", "403", "404");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Integer statusAttribute = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (statusAttribute == null && uri == null) {
            String asked = request.getParameter("status");
            if (asked != null && DIRECT_STATUSES.contains(asked)) {
                if ("true".equals(request.getParameter("expired"))) {
                    request.setAttribute(EXPIRED, Boolean.TRUE);
                }
                ErrorPage.render(request, response, Integer.parseInt(asked));
            } else {
                ErrorPage.render(request, response, HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        int status = statusAttribute == null ? 500 : statusAttribute;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            int refusal = Refusals.statusOf(failure);
            if (refusal < 500) {
                status = refusal;
                if (Refusals.expired(failure)) {
                    request.setAttribute(EXPIRED, Boolean.TRUE);
                }
                LOG.log(Level.FINE, "refused with " + status + ": " + uri, failure);
            } else {
                LOG.log(Level.SEVERE, "unexpected failure serving " + uri, failure);
            }
        }
        String path = uri == null ? "" : uri.substring(request.getContextPath().length());
        if (answeredInOwnShape(request, response, path, status)) {
            return;
        }
        if (path.startsWith("/api/")) {
            String code = (String) request.getAttribute(Problem.PROBLEM_CODE);
            String detail = switch (status) {
                case 401 ->
                    "auth.token.invalid".equals(code)
                            ? "the access token is invalid or expired"
                            : "a Bearer access token from /api/v1/auth/token is required";
                case 403 -> "the caller's roles do not allow this request";
                case 404 -> "no resource at this address";
                default -> status >= 500 ? "the request could not be completed; the failure has been logged" : null;
            };
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(Problem.of(
                                    status,
                                    code != null ? code : Problem.codeOf(status),
                                    Problem.titleOf(status),
                                    detail)
                            .toJson()
                            .toString());
            return;
        }
        // As a GET without parameters: the error page is a Faces page and must not take the failed post as its own.
        ErrorPage.render(request, response, status);
    }

    /**
     * Lets a WAR answer errors under addresses whose clients expect a shape of their own (the intranet WAR's
     * {@code /vxp/}, whose SDK parses nothing but 200 JSON); the shared servlet cannot know those shapes, which live
     * with their area in that WAR. Returns whether the answer was written.
     */
    protected boolean answeredInOwnShape(
            HttpServletRequest request, HttpServletResponse response, String path, int status) throws IOException {
        return false;
    }
}
