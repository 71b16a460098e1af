package vn.egov.portal.interfaces.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.egov.common.interfaces.web.LocaleBean;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.application.CitizenPrincipal;

/**
 * The portal's own authentication mechanism: citizens sign in at the identity provider (the citizens' realm of
 * Keycloak) with OpenID Connect's authorization code flow and PKCE (S256). It lives in the portal WAR, so it applies
 * to the portal's requests only and the intranet keeps its own; Jakarta Security's built-in OpenID Connect mechanism
 * sends no PKCE, hence the Nimbus OAuth 2.0 SDK (TOOLCHAIN.md).
 * <ul>
 * <li>A page that needs sign-in ({@code web.xml}'s constraints: {@code /account/*}) without a citizen in the session:
 * a new state, nonce and code verifier are kept in the session ({@link PendingSignIn}) and the browser is sent to the
 * identity provider. Public pages are served to everyone.</li>
 * <li>The callback ({@code /oidc/callback}, built from {@code egov.portal.oidc.redirect-base}, never from the Host
 * header): the state must be one this session started and is used once; the code is exchanged with the client
 * secret and the verifier; the ID token's signature, issuer, audience, expiry and nonce are checked; the session id
 * is changed; the citizen ({@link CitizenPrincipal} from the token's national claims) is kept in the session and the
 * browser goes back to the page it asked for, with nothing from the identity provider in its address.</li>
 * <li>Every later request: the container is given that {@link CitizenPrincipal} with the groups CITIZEN and
 * AUTHENTICATED, so services read it with {@code CallerContext.citizen()}.</li>
 * </ul>
 * A callback the portal did not start (another or a forged state, a replay, no code, a refused or unverifiable
 * token) is the 400 page with the reason, never a 500; an identity provider that does not answer is a 503 page.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

    /** Session attribute: the signed-in citizen. */
    static final String SESSION_CITIZEN = "vn.egov.portal.citizen";
    /** Session attribute: the ID token of the sign-in, the hint of the identity provider's sign-out. */
    static final String SESSION_ID_TOKEN = "vn.egov.portal.id-token";
    /** Request attribute: the refusal's code, whose text ({@code error.<code>}) the error page shows. */
    static final String ERROR_CODE = "portalErrorCode";

    static final Set<String> GROUPS = Set.of(Role.CITIZEN_ROLE, Role.AUTHENTICATED);

    @Inject
    private OidcSettings oidc;

    @Inject
    private LocaleBean locale;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SignInPaths.CALLBACK.equals(path)) {
            return callback(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CITIZEN) instanceof CitizenPrincipal citizen) {
            return context.notifyContainerAboutLogin(citizen, GROUPS);
        }
        return context.isProtected() ? startSignIn(request, response, context) : context.doNothing();
    }

    private AuthenticationStatus startSignIn(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        OidcSettings.Provider provider;
        try {
            provider = oidc.provider();
        } catch (IOException | GeneralException e) {
            LOG.log(Level.WARNING, "the identity provider does not answer", e);
            return fail(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "portal.signin.unavailable");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        HttpSession session = request.getSession(true);
        PendingSignIn pending = session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) instanceof PendingSignIn known
                ? known
                : new PendingSignIn();
        pending.add(
                new PendingSignIn.Attempt(state.getValue(), nonce.getValue(), verifier.getValue(), returnTo(request)));
        session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending);
        AuthenticationRequest.Builder authorization = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE), oidc.scope(), oidc.clientID(), oidc.callback())
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        try {
            authorization.uiLocales(List.of(new LangTag(locale.getLanguage())));
        } catch (LangTagException e) {
            LOG.log(Level.FINE, "no language for the sign-in page", e);
        }
        return context.redirect(authorization.build().toURI().toString());
    }

    /** The page asked for (a GET's address within the portal), else the portal's account page. */
    private static String returnTo(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return request.getContextPath() + "/account/";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private AuthenticationStatus callback(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Map<String, List<String>> parameters = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(oidc.callback(), parameters);
        } catch (ParseException e) {
            LOG.log(Level.FINE, "malformed sign-in callback", e);
            return fail(request, response, HttpServletResponse.SC_BAD_REQUEST, "portal.signin.malformed");
        }
        Optional<PendingSignIn.Attempt> attempt = session != null
                        && session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) instanceof PendingSignIn p
                ? p.take(answer.getState() == null ? null : answer.getState().getValue())
                : Optional.empty();
        if (attempt.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "sign-in callback with a state this session did not start (forged, replayed or expired)");
            return fail(request, response, HttpServletResponse.SC_BAD_REQUEST, "portal.signin.state-invalid");
        }
        if (!answer.indicatesSuccess()) {
            LOG.log(
                    Level.INFO,
                    "the identity provider refused the sign-in: {0}",
                    answer.toErrorResponse().getErrorObject().getCode());
            return fail(request, response, HttpServletResponse.SC_BAD_REQUEST, "portal.signin.refused");
        }
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            return fail(request, response, HttpServletResponse.SC_BAD_REQUEST, "portal.signin.malformed");
        }
        try {
            CitizenPrincipal citizen = exchange(code, attempt.get(), session);
            request.changeSessionId();
            session.setAttribute(SESSION_CITIZEN, citizen);
            return context.redirect(attempt.get().returnTo());
        } catch (Refused refused) {
            LOG.log(Level.INFO, "sign-in not completed: " + refused.getMessage(), refused.getCause());
            return fail(request, response, HttpServletResponse.SC_BAD_REQUEST, refused.code);
        } catch (IOException | GeneralException e) {
            LOG.log(Level.WARNING, "the identity provider does not answer", e);
            return fail(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "portal.signin.unavailable");
        }
    }

    /** The code for tokens, the ID token checked, the citizen it names; the token kept for sign-out. */
    private CitizenPrincipal exchange(AuthorizationCode code, PendingSignIn.Attempt attempt, HttpSession session)
            throws IOException, GeneralException, Refused {
        OidcSettings.Provider provider = oidc.provider();
        HTTPRequest exchange = new TokenRequest(
                        provider.metadata().getTokenEndpointURI(),
                        new ClientSecretBasic(oidc.clientID(), oidc.clientSecret()),
                        new AuthorizationCodeGrant(code, oidc.callback(), new CodeVerifier(attempt.verifier())))
                .toHTTPRequest();
        exchange.setConnectTimeout(oidc.timeoutMillis());
        exchange.setReadTimeout(oidc.timeoutMillis());
        TokenResponse tokens;
        try {
            tokens = OIDCTokenResponseParser.parse(exchange.send());
        } catch (ParseException e) {
            throw new Refused("portal.signin.token-invalid", "unreadable token response", e);
        }
        if (!tokens.indicatesSuccess()) {
            throw new Refused(
                    "portal.signin.code-invalid",
                    "the code was refused: "
                            + tokens.toErrorResponse().getErrorObject().getCode(),
                    null);
        }
        JWT idToken =
                ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = provider.idTokens().validate(idToken, new Nonce(attempt.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("portal.signin.token-invalid", "the ID token does not verify", e);
        }
        try {
            CitizenPrincipal citizen =
                    CitizenClaims.citizen(claims.toJWTClaimsSet().getClaims(), oidc.assuranceLevels());
            session.setAttribute(SESSION_ID_TOKEN, idToken.serialize());
            return citizen;
        } catch (ParseException e) {
            throw new Refused("portal.signin.token-invalid", "unreadable ID token claims", e);
        } catch (CitizenClaims.Unusable e) {
            throw new Refused("portal.signin.no-personal-id", e.getMessage(), e);
        }
    }

    /** The error page with this status and the text of the refusal's code. */
    private static AuthenticationStatus fail(
            HttpServletRequest request, HttpServletResponse response, int status, String code) {
        request.setAttribute(ERROR_CODE, code);
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A sign-in the portal will not complete, and the text that tells the citizen why. */
    private static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }
}
