package vn.egov.common.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.interfaces.rest.Problem;

/**
 * What every answer of the platform carries, and what a browser's request must show before it may change anything.
 * Declared first in {@code web.xml}, so it runs before every other filter, for requests and for the error pages
 * the container dispatches.
 * <ul>
 * <li><b>Headers</b>: {@code Content-Security-Policy} (pages: the policy of {@code primefaces.CSP_POLICY}, to which
 * PrimeFaces' CSP mode adds the page's script nonce; everything else: nothing may load), {@code
 * X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin}, {@code Cache-Control: no-store} on
 * everything but the static resources (API answers and signed-in pages hold personal and official data), and
 * {@code Strict-Transport-Security} on HTTPS.</li>
 * <li><b>No session id from the address</b>: {@code web.xml} tracks sessions by cookie only, but the container
 * still reads {@code ;jsessionid=} from a URL; such a request is sent to the same address without it, so a
 * leaked or planted link never opens someone's session.</li>
 * <li><b>Same origin for state changes</b>: a POST, PUT, PATCH or DELETE carrying the session cookie must come from
 * a page of this platform: its {@code Origin} (or, without one, its {@code Referer}) must be the request's own
 * origin or one of {@code egov.web.allowed-origins}. A request with neither header (a non-browser client) passes;
 * a Bearer-token API call carries no session cookie and is not affected. Refused: 403, problem
 * {@code request.cross-origin} for the API, the error page for the intranet.</li>
 * </ul>
 * Redirects are relative ({@code relativeRedirectAllowed} in {@code glassfish-web.xml}), so no {@code Location}
 * is ever built from the {@code Host} header.
 */
public class WebHardening extends HttpFilter {

    /** Request attribute: the refusal's problem code, for tests and logs. */
    static final String CROSS_ORIGIN = "request.cross-origin";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String API_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Inject
    @ConfigProperty(name = "egov.web.allowed-origins")
    private Optional<String> allowedOriginsSetting;

    private Set<String> allowedOrigins;
    private String pagePolicy;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        allowedOrigins = Origins.list(allowedOriginsSetting.orElse(""));
        String policy = config.getServletContext().getInitParameter("primefaces.CSP_POLICY");
        // Without PrimeFaces (a static file, a servlet), no script at all.
        pagePolicy = policy == null ? API_POLICY : policy.replace("script-src 'self'", "script-src 'none'");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        headers(request, response, path);
        boolean vxp = path.equals("/vxp") || path.startsWith("/vxp/") || path.startsWith("/vxp;");
        HttpServletResponse answer = path.startsWith("/api/") || vxp ? response : new PageResponse(response);
        // The VPCP transport answers every request itself, as 200 JSON: no redirect, no page; it
        // uses no session (nor cookie), so neither the session rules nor the origin check concern it.
        if (request.getDispatcherType() != DispatcherType.REQUEST || vxp) {
            chain.doFilter(request, answer);
            return;
        }
        if (request.isRequestedSessionIdFromURL()
                || request.getRequestURI().toLowerCase(Locale.ROOT).contains(";jsessionid=")) {
            String query = request.getQueryString();
            response.sendRedirect(withoutSessionId(request.getRequestURI()) + (query == null ? "" : "?" + query));
            return;
        }
        if (STATE_CHANGING.contains(request.getMethod())
                && request.getRequestedSessionId() != null
                && request.isRequestedSessionIdFromCookie()
                && !sameOrigin(request)) {
            refuse(request, response, path);
            return;
        }
        chain.doFilter(request, answer);
    }

    private void headers(HttpServletRequest request, HttpServletResponse response, String path) {
        boolean staticResource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(
                "Content-Security-Policy",
                path.startsWith("/api/") || path.startsWith("/vxp") ? API_POLICY : pagePolicy);
        if (!staticResource) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String header = request.getHeader("Origin");
        if (header == null) {
            header = request.getHeader("Referer");
        }
        if (header == null) {
            return true;
        }
        Optional<String> origin = Origins.of(header);
        if (origin.isEmpty()) {
            return false;
        }
        String own = Origins.origin(request.getScheme(), request.getServerName(), request.getServerPort());
        return origin.get().equals(own) || allowedOrigins.contains(origin.get());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException, ServletException {
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(Problem.of(
                                    403,
                                    CROSS_ORIGIN,
                                    Problem.titleOf(403),
                                    "a state-changing request with the session cookie must come from this platform's own pages")
                            .toJson()
                            .toString());
            return;
        }
        ErrorPage.render(request, response, HttpServletResponse.SC_FORBIDDEN);
    }

    /** The address with every {@code ;jsessionid=…} path parameter removed. */
    static String withoutSessionId(String uri) {
        return uri.replaceAll("(?i);jsessionid=[^;/?#]*", "");
    }

    /**
     * A page's answer: PrimeFaces' CSP mode adds its own {@code Content-Security-Policy} (the page policy with the
     * nonce of this rendering); it replaces the filter's default instead of adding a second, stricter one that
     * the browser would also enforce.
     */
    private static final class PageResponse extends HttpServletResponseWrapper {
        PageResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Security-Policy".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
