package vn.egov.security.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.Problem;
import vn.egov.security.application.AuthenticationService;
import vn.egov.security.application.IssuedToken;
import vn.egov.security.application.SignInThrottledException;

/**
 * OAuth2 token endpoint: partner systems with the client credentials grant (RFC 6749 §4.4), and
 * people with the password grant (§4.3, the platform's own mobile client). The
 * client authenticates with form fields or HTTP Basic (§2.3.1). Errors are problem details that
 * also carry the OAuth2 {@code error} member, so OAuth2 client libraries understand them too.
 * Credentials in the query string are refused outright: addresses end up in access logs, proxies
 * and browser histories (RFC 6749 §2.3.1 allows them in the body only).
 */
@Path("auth/token")
public class TokenResource {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    @Inject
    private AuthenticationService authentication;

    /** Query parameters that carry a credential: refused in the address of any auth endpoint. */
    static final Set<String> CREDENTIALS = Set.of("client_secret", "password", "username", "token");

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response inQuery = credentialsInQuery(uri);
        if (inQuery != null) {
            return inQuery;
        }
        if (grantType == null || grantType.isBlank()) {
            return oauthError(400, "auth.grant-type.missing", "invalid_request", "grant_type is required");
        }
        if ("password".equals(grantType)) {
            return personToken(username, password);
        }
        if (!"client_credentials".equals(grantType)) {
            return oauthError(
                    400,
                    "auth.grant-type.unsupported",
                    "unsupported_grant_type",
                    "the client_credentials and password grants are supported");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = decodeBasic(authorization.substring(6).trim());
            if (basic == null) {
                return oauthError(400, "auth.client.malformed", "invalid_request", "malformed Basic credentials");
            }
            clientId = basic[0];
            clientSecret = basic[1];
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            return oauthError(
                    400, "auth.client.missing", "invalid_request", "client_id and client_secret are required");
        }
        try {
            return tokenResponse(authentication.issueToken(clientId, clientSecret, request.getRemoteAddr()));
        } catch (SignInThrottledException e) {
            return throttled(e);
        } catch (DomainException e) {
            return Response.fromResponse(oauthError(401, e.code(), "invalid_client", e.getMessage()))
                    .header("WWW-Authenticate", "Basic realm=\"egov\"")
                    .build();
        }
    }

    /** A person's token for the mobile client: their own username and password (RFC 6749 §4.3). */
    private Response personToken(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return oauthError(400, "auth.person.missing", "invalid_request", "username and password are required");
        }
        try {
            return tokenResponse(authentication.issuePersonToken(username, password, request.getRemoteAddr()));
        } catch (SignInThrottledException e) {
            return throttled(e);
        } catch (DomainException e) {
            return oauthError(400, e.code(), "invalid_grant", e.getMessage());
        }
    }

    /** 400 auth.credentials-in-query when the address carries a credential; null when it carries none. */
    static Response credentialsInQuery(UriInfo uri) {
        if (uri.getQueryParameters().keySet().stream()
                .anyMatch(name -> CREDENTIALS.contains(name.strip().toLowerCase(java.util.Locale.ROOT)))) {
            return oauthError(
                    400,
                    "auth.credentials-in-query",
                    "invalid_request",
                    "credentials go in the form body or an HTTP Basic header, never in the query string");
        }
        return null;
    }

    private static Response tokenResponse(IssuedToken token) {
        return Response.ok(JSON.createObjectBuilder()
                        .add("access_token", token.accessToken())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresIn())
                        .build()
                        .toString())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /**
     * 429 with Retry-After: the account or address is locked out after too many failures. OAuth2 has
     * no error code for it; {@code temporarily_unavailable} is the one that tells a client to retry later.
     */
    static Response throttled(SignInThrottledException e) {
        return Response.fromResponse(oauthError(429, e.code(), "temporarily_unavailable", e.getMessage()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }

    static Response oauthError(int status, String code, String error, String detail) {
        return Response.fromResponse(Problem.of(status, code, Problem.titleOf(status), detail)
                        .with(Map.of("error", error, "error_description", detail))
                        .toResponse())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** client_id and client_secret from a Basic header (form-urlencoded then base64, RFC 6749 §2.3.1). */
    static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
