package vn.egov.security.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.Problem;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.application.VxpSystems;
import vn.egov.exchange.interfaces.vxp.VxpServlet;
import vn.egov.security.application.AuditLog;
import vn.egov.security.application.AuthenticatedCaller;
import vn.egov.security.application.AuthenticationService;
import vn.egov.security.application.EgovPrincipal;
import vn.egov.security.application.SignInThrottledException;
import vn.egov.security.domain.model.SecurityEventType;

/**
 * The platform's one authentication mechanism (Jakarta Security allows one per application), with
 * two faces:
 * <ul>
 * <li>{@code /api/...}: a Bearer access token on every call, no session; a protected call without a
 * valid token is answered 401 (the error servlet writes the problem detail).</li>
 * <li>{@code /vxp/...}: the VPCP SDK's signed headers on every call, no session (see {@link #vxp}).</li>
 * <li>{@code /gateway/...}: the sharing gateway; a Bearer access token, no session, never a challenge
 * (see {@link #gateway}).</li>
 * <li>the intranet: form login on {@code /login.xhtml} (the login bean calls
 * {@code SecurityContext.authenticate}), then the caller is kept in the HTTP session; a protected
 * page without a session redirects to the login page and returns afterwards.</li>
 * </ul>
 */
@ApplicationScoped
public class EgovAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "vn.egov.caller";
    static final String SESSION_RETURN_TO = "vn.egov.return-to";
    /** Request attribute telling the error servlet which problem code a 401 should carry. */
    public static final String PROBLEM_CODE = Problem.PROBLEM_CODE;
    /** Request attribute telling the login page that the sign-in was refused as throttled, and for how long. */
    static final String THROTTLED = "vn.egov.sign-in-throttled";
    /** Request attribute: the container's verdict on whether the address is protected (see {@link #protectedAddress}). */
    private static final String PROTECTED_ADDRESS = "vn.egov.protected-address";
    /** Request attribute: the API caller the bearer token proved, so a second authentication of the request reuses it. */
    private static final String API_CALLER = "vn.egov.api-caller";

    @Inject
    private AuthenticationService authentication;

    @Inject
    private AuditLog audit;

    @Inject
    private VxpSystems systems;

    @Inject
    private vn.egov.security.application.CitizenAccessTokens citizenTokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/vxp") || path.startsWith("/vxp/")) {
            return vxp(request, context);
        }
        if (path.startsWith("/gateway/")) {
            return gateway(request, context);
        }
        return path.startsWith("/api/") ? api(request, response, context) : intranet(request, context);
    }

    /**
     * The VPCP transport: the system named in {@code XroadVnpt-systemid}, authenticated by its signed
     * headers (HMAC-SHA256 with its secret, headers as signed, a fresh timestamp), acting for its
     * agency as a clerk. Never a challenge, a redirect or a session: a refusal is left on the request
     * for the transport's servlet to answer as the SDK expects (200 JSON), and {@code /vxp} is
     * unprotected for the container.
     */
    private AuthenticationStatus vxp(HttpServletRequest request, HttpMessageContext context) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        for (java.util.Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("xroadvnpt-")) {
                headers.putIfAbsent(lower, request.getHeader(name));
            }
        }
        try {
            VxpSystems.VxpCaller caller = systems.authenticate(headers);
            request.setAttribute(VxpServlet.CALLER, caller);
            return context.notifyContainerAboutLogin(
                    new EgovPrincipal(
                            caller.systemId(), EgovPrincipal.Kind.SYSTEM, caller.agencyCode(), caller.systemName()),
                    java.util.Set.of(Role.CLERK_ROLE, Role.AUTHENTICATED));
        } catch (DomainException e) {
            request.setAttribute(VxpServlet.REFUSAL, e);
            if (!"vxp.system.missing".equals(e.code())) {
                audit.record(
                        SecurityEventType.TOKEN_REJECTED,
                        null,
                        null,
                        request.getRemoteAddr(),
                        request.getMethod() + " " + request.getRequestURI() + ": " + e.code());
            }
            return context.doNothing();
        }
    }

    /**
     * The sharing gateway: the consumer system's client-credentials token, when it carries one and
     * it verifies. {@code /gateway} is unprotected for the container, so nothing here answers: the
     * gateway refuses a call without a caller in X-Road's error shape ({@code Client.Unauthorized}).
     */
    private AuthenticationStatus gateway(HttpServletRequest request, HttpMessageContext context) {
        String token = bearerToken(request);
        if (token == null) {
            return context.doNothing();
        }
        Optional<AuthenticatedCaller> caller = tokenCaller(request, token, authentication::verifyToken);
        if (caller.isEmpty()) {
            audit.record(
                    SecurityEventType.TOKEN_REJECTED,
                    null,
                    null,
                    request.getRemoteAddr(),
                    request.getMethod() + " " + request.getRequestURI());
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(
                caller.get().principal(), caller.get().roles());
    }

    /** The request's Bearer token, or null when it carries none. */
    private static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
    }

    /**
     * The caller the request's token proves, verified once per request: a second authentication of the same
     * request (see {@link #protectedAddress}) reuses the caller the first one proved.
     */
    private static Optional<AuthenticatedCaller> tokenCaller(
            HttpServletRequest request, String token, Function<String, Optional<AuthenticatedCaller>> verifier) {
        if (request.getAttribute(API_CALLER) instanceof AuthenticatedCaller known) {
            return Optional.of(known);
        }
        Optional<AuthenticatedCaller> caller = verifier.apply(token);
        caller.ifPresent(c -> request.setAttribute(API_CALLER, c));
        return caller;
    }

    private AuthenticationStatus api(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        boolean protectedAddress = protectedAddress(request, context);
        String token = bearerToken(request);
        if (token != null) {
            Optional<AuthenticatedCaller> caller = tokenCaller(request, token, this::verify);
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(
                        caller.get().principal(), caller.get().roles());
            }
            if (protectedAddress) {
                audit.record(
                        SecurityEventType.TOKEN_REJECTED,
                        null,
                        null,
                        request.getRemoteAddr(),
                        request.getMethod() + " " + request.getRequestURI());
                response.setHeader("WWW-Authenticate", "Bearer realm=\"egov\", error=\"invalid_token\"");
                request.setAttribute(PROBLEM_CODE, "auth.token.invalid");
                return context.responseUnauthorized();
            }
        }
        if (protectedAddress) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"egov\"");
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private Optional<AuthenticatedCaller> verify(String token) {
        Optional<AuthenticatedCaller> caller = authentication.verifyToken(token);
        // Else a citizen's access token from the citizens' identity provider (portal partner apps).
        return caller.isPresent() ? caller : citizenTokens.verify(token);
    }

    /**
     * Whether the container protects the request's address, as it said when it first asked (before
     * the request is served). Payara's MicroProfile JWT feature installs a JAX-RS filter on every
     * resource method, {@code @PermitAll} ones included, that authenticates again through
     * {@code SecurityContext.authenticate}, where {@link HttpMessageContext#isProtected()} is always
     * true: answering that call 401 made public addresses (the dossier look-up, the holidays) refuse
     * anonymous callers on some deployments. The first verdict holds for the whole request.
     */
    private static boolean protectedAddress(HttpServletRequest request, HttpMessageContext context) {
        if (request.getAttribute(PROTECTED_ADDRESS) instanceof Boolean known) {
            return known;
        }
        boolean verdict = context.isProtected();
        request.setAttribute(PROTECTED_ADDRESS, verdict);
        return verdict;
    }

    private AuthenticationStatus intranet(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            Optional<AuthenticatedCaller> caller;
            try {
                caller = authentication.authenticatePerson(
                        password.getCaller(), password.getPasswordAsString(), request.getRemoteAddr());
            } catch (SignInThrottledException e) {
                request.setAttribute(THROTTLED, e);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (caller.isEmpty()) {
                // The login page shows the refusal; no error page, no redirect.
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(SESSION_CALLER, caller.get());
            return context.notifyContainerAboutLogin(
                    caller.get().principal(), caller.get().roles());
        }
        // A session named in the address (;jsessionid=) is never the caller's: sessions travel by cookie only.
        HttpSession session = request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
        AuthenticatedCaller remembered =
                session == null ? null : (AuthenticatedCaller) session.getAttribute(SESSION_CALLER);
        if (remembered != null) {
            return context.notifyContainerAboutLogin(remembered.principal(), remembered.roles());
        }
        if (context.isProtected()) {
            return toLoginPage(request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus toLoginPage(HttpServletRequest request, HttpMessageContext context) {
        String loginPage = request.getContextPath() + "/login.xhtml";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Only pages are worth returning to: the browser also asks for /favicon.ico and the like.
        if ("GET".equals(request.getMethod())
                && (path.equals("/") || path.endsWith(".xhtml"))
                && !request.isRequestedSessionIdFromURL()) {
            String query = request.getQueryString();
            request.getSession(true)
                    .setAttribute(SESSION_RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request after the session expired: tell Faces to navigate, not to render a redirect.
            try {
                HttpServletResponse response = context.getResponse();
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>" + "<redirect url=\""
                                + loginPage + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                throw new IllegalStateException("cannot answer the Ajax request", e);
            }
        }
        return context.redirect(loginPage);
    }

    /** Where the login page sends the person after signing in: the page they first asked for. */
    static String takeReturnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String target = (String) session.getAttribute(SESSION_RETURN_TO);
        session.removeAttribute(SESSION_RETURN_TO);
        return target;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
