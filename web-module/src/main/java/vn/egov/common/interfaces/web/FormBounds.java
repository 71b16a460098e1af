package vn.egov.common.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Intranet form posts are bounded ({@code egov.web.max-form-bytes}) before the container parses
 * them: a larger form is answered 413 with the error page instead of being read into memory (a
 * 12 MiB sign-in form used to end in a 500). File uploads are multipart and bounded by the Faces
 * servlet's multipart configuration; the API bounds its own bodies ({@code RequestHygiene}).
 */
@WebFilter(filterName = "FormBounds", urlPatterns = "*.xhtml")
public class FormBounds extends HttpFilter {

    @Inject
    @ConfigProperty(name = "egov.web.max-form-bytes", defaultValue = "1048576")
    private long maxFormBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                && (request.getContentLengthLong() > maxFormBytes || request.getContentLengthLong() < 0
                        && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
            // Not sendError: the error page is a Faces page and would parse the oversized form itself.
            request.setAttribute("egovErrorStatus", HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            request.getRequestDispatcher("/error.xhtml").forward(new Unread(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The refused request as the error page sees it: a plain GET without parameters, its body never read. */
    private static final class Unread extends HttpServletRequestWrapper {
        Unread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
