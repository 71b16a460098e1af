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
import vn.egov.common.DomainException;
import vn.egov.security.application.AuthenticationService;
import vn.egov.security.application.SignInThrottledException;

/**
 * OAuth2 token revocation (RFC 7009): {@code POST /api/v1/auth/revoke} with the form field
 * {@code token}. A partner client authenticates as at the token endpoint (form fields or HTTP
 * Basic) and revokes its own tokens; a person's token from the password grant is revoked by
 * presenting it. Answers 200 with an empty body for a revoked token and for a token that is not
 * (or no longer) valid, as §2.2 requires; the verifier refuses a revoked token from then on.
 */
@Path("auth/revoke")
public class RevocationResource {

    @Inject
    private AuthenticationService authentication;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(
            @FormParam("token") String token,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response inQuery = TokenResource.credentialsInQuery(uri);
        if (inQuery != null) {
            return inQuery;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic =
                    TokenResource.decodeBasic(authorization.substring(6).trim());
            if (basic == null) {
                return TokenResource.oauthError(
                        400, "auth.client.malformed", "invalid_request", "malformed Basic credentials");
            }
            clientId = basic[0];
            clientSecret = basic[1];
        }
        if (token == null || token.isBlank()) {
            return TokenResource.oauthError(400, "auth.token.missing", "invalid_request", "token is required");
        }
        boolean clientGiven = clientId != null && !clientId.isBlank();
        if (clientGiven && (clientSecret == null || clientSecret.isEmpty())) {
            return TokenResource.oauthError(
                    400, "auth.client.missing", "invalid_request", "client_id and client_secret are required");
        }
        try {
            authentication.revoke(token.strip(), clientGiven ? clientId : null, clientSecret, request.getRemoteAddr());
            return Response.ok().header("Cache-Control", "no-store").build();
        } catch (SignInThrottledException e) {
            return TokenResource.throttled(e);
        } catch (DomainException e) {
            return switch (e.kind()) {
                case UNAUTHENTICATED ->
                    Response.fromResponse(TokenResource.oauthError(401, e.code(), "invalid_client", e.getMessage()))
                            .header("WWW-Authenticate", "Basic realm=\"egov\"")
                            .build();
                case FORBIDDEN -> TokenResource.oauthError(403, e.code(), "unauthorized_client", e.getMessage());
                default -> TokenResource.oauthError(e.kind().status(), e.code(), "invalid_request", e.getMessage());
            };
        }
    }
}
