package vn.egov.common.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.common.interfaces.rest.Problem;
import vn.egov.security.interfaces.web.EgovAuthenticationMechanism;

/**
 * Every error the container itself answers (a 401 from the authentication mechanism, a 403 from a
 * security constraint, a 404, an exception that escaped) comes here, never to Payara's default
 * page that would print exception details: API addresses get a problem detail, pages the
 * intranet's error page.
 */
@WebServlet("/error-handler")
public class ErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Integer statusAttribute = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute == null ? 500 : statusAttribute;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "unexpected failure serving " + uri, failure);
        }
        String path = uri == null ? "" : uri.substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            String code = (String) request.getAttribute(EgovAuthenticationMechanism.PROBLEM_CODE);
            String detail = switch (status) {
                case 401 -> "auth.token.invalid".equals(code) ? "the access token is invalid or expired"
                        : "a Bearer access token from /api/v1/auth/token is required";
                case 403 -> "the caller's roles do not allow this request";
                case 404 -> "no resource at this address";
                default -> status >= 500 ? "the request could not be completed; the failure has been logged" : null;
            };
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.of(status, code != null ? code : Problem.codeOf(status),
                    Problem.titleOf(status), detail).toJson().toString());
            return;
        }
        request.setAttribute("egovErrorStatus", status);
        response.setStatus(status);
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
