package vn.egov.common.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        if (type != null
                && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                && (request.getContentLengthLong() > maxFormBytes
                        || request.getContentLengthLong() < 0
                                && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
            ErrorPage.render(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
