package vn.egov.security.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.directory.application.Credentials;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.domain.model.SecurityEventType;
import vn.egov.security.domain.model.ThrottleCounter.Kind;

/**
 * Checks who someone is: people by username and password (intranet form login), partner systems
 * by client credentials (token endpoint), and access tokens on every API call. Every outcome that
 * matters for security lands in the audit log. Every check of a password or client secret is
 * throttled ({@link SignInThrottling}): a locked-out account or address is refused before its
 * hash is computed. Its methods are {@code @PermitAll}: they run before anyone is signed in, and
 * establish who the caller is.
 */
@Stateless
@PermitAll
public class AuthenticationService {

    /** Compared against when the username is unknown, so a miss costs as much time as a hit. */
    static final String DUMMY_HASH =
            "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==" + ":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Inject
    private DirectoryService directory;

    @Inject
    private AuditLog audit;

    @Inject
    private SigningKeys keys;

    @Inject
    private SignInThrottling throttling;

    @Inject
    private TokenRevocations revocations;

    @Inject
    @ConfigProperty(name = "egov.auth.token-ttl-seconds", defaultValue = "900")
    private long tokenTtlSeconds;

    @Inject
    private Passwords hasher;

    /**
     * The person with this username and password, or empty; {@link SignInThrottledException} when
     * the account or the address is locked out, before the password is looked at.
     */
    public Optional<AuthenticatedCaller> authenticatePerson(String username, String password, String remoteAddress) {
        String account = username == null ? "" : username.strip();
        throttling.check(Kind.PERSON, account, remoteAddress);
        Credentials person =
                username == null ? null : directory.personCredentials(account).orElse(null);
        boolean matches = hasher.verify(password, person == null ? DUMMY_HASH : person.secretHash());
        if (person == null || !matches || !person.active()) {
            audit.record(
                    SecurityEventType.LOGIN_FAILED,
                    username,
                    null,
                    remoteAddress,
                    person == null ? "unknown user" : !matches ? "wrong password" : "account disabled");
            countFailure(Kind.PERSON, account, remoteAddress);
            return Optional.empty();
        }
        throttling.succeeded(Kind.PERSON, account);
        audit.record(SecurityEventType.LOGIN_SUCCEEDED, person.name(), person.agencyCode(), remoteAddress, null);
        EgovPrincipal principal =
                new EgovPrincipal(person.name(), EgovPrincipal.Kind.PERSON, person.agencyCode(), person.displayName());
        return Optional.of(new AuthenticatedCaller(principal, names(person.roles())));
    }

    /**
     * Issues an access token for a partner system (OAuth2 client credentials grant). Unknown
     * client, wrong secret and disabled client all answer the same {@code auth.client.invalid}.
     */
    public IssuedToken issueToken(String clientId, String clientSecret, String remoteAddress) {
        Credentials client = authenticateClient(clientId, clientSecret, remoteAddress);
        String token = keys.tokens()
                .issue(client.name(), client.agencyCode(), names(client.roles()), Instant.now(), tokenTtlSeconds);
        audit.record(SecurityEventType.TOKEN_ISSUED, client.name(), client.agencyCode(), remoteAddress, null);
        return new IssuedToken(token, tokenTtlSeconds);
    }

    /**
     * Issues an access token for a person (OAuth2 resource owner password grant, RFC 6749 §4.3),
     * for the platform's own mobile client: the token carries the person's roles and agency, so
     * the API applies the same rules as the intranet. Failures answer {@code auth.person.invalid}.
     */
    public IssuedToken issuePersonToken(String username, String password, String remoteAddress) {
        AuthenticatedCaller caller = authenticatePerson(username, password, remoteAddress)
                .orElseThrow(() -> new DomainException(
                        DomainException.Kind.UNAUTHENTICATED, "auth.person.invalid", "username or password is wrong"));
        EgovPrincipal principal = caller.principal();
        String token = keys.tokens()
                .issue(
                        principal.getName(),
                        principal.getAgencyCode(),
                        caller.roles(),
                        Instant.now(),
                        tokenTtlSeconds,
                        principal.getDisplayName());
        audit.record(
                SecurityEventType.TOKEN_ISSUED,
                principal.getName(),
                principal.getAgencyCode(),
                remoteAddress,
                "password grant");
        return new IssuedToken(token, tokenTtlSeconds);
    }

    /** The caller a bearer token stands for; empty when it is not a valid, unexpired, unrevoked token of ours. */
    public Optional<AuthenticatedCaller> verifyToken(String token) {
        return keys.tokens()
                .verify(token, Instant.now(), revocations::isRevoked)
                .map(claims -> new AuthenticatedCaller(
                        claims.personName() != null
                                ? new EgovPrincipal(
                                        claims.subject(),
                                        EgovPrincipal.Kind.PERSON,
                                        claims.agencyCode(),
                                        claims.personName())
                                : new EgovPrincipal(
                                        claims.subject(),
                                        EgovPrincipal.Kind.SYSTEM,
                                        claims.agencyCode(),
                                        claims.subject()),
                        claims.groups()));
    }

    /**
     * Revokes an access token (RFC 7009). A partner client authenticates (id and secret, throttled
     * like the token endpoint) and revokes tokens issued to itself; {@code auth.token.foreign} (403)
     * for another's. A person's token (password grant: the platform's own mobile client, a public
     * client without a secret, §2.1) is revoked by presenting it, without client credentials: holding
     * it is all the proof there is, and revoking it only harms its holder. A token that is not ours,
     * malformed or already expired is no error (§2.2): nothing to revoke.
     *
     * @param clientId null when no client authenticated
     */
    public void revoke(String token, String clientId, String clientSecret, String remoteAddress) {
        Credentials client = clientId == null ? null : authenticateClient(clientId, clientSecret, remoteAddress);
        Optional<AccessToken.Claims> found = keys.tokens().verify(token, Instant.now());
        if (found.isEmpty()) {
            return;
        }
        AccessToken.Claims claims = found.get();
        boolean personToken = claims.personName() != null;
        if (client == null && !personToken) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "auth.client.missing",
                    "a partner system's token is revoked by that client, with its client_id and client_secret");
        }
        if (client != null && (personToken || !client.name().equals(claims.subject()))) {
            audit.record(
                    SecurityEventType.TOKEN_REFUSED,
                    client.name(),
                    client.agencyCode(),
                    remoteAddress,
                    "revocation of a token issued to " + claims.subject());
            throw DomainException.forbidden("auth.token.foreign", "this token was not issued to the client");
        }
        revocations.revoke(claims.tokenId(), claims.subject(), claims.expiresAt());
        audit.record(
                SecurityEventType.TOKEN_REVOKED,
                claims.subject(),
                claims.agencyCode(),
                remoteAddress,
                "jti " + claims.tokenId());
    }

    /**
     * The partner client with this id and secret, throttled like a person's sign-in; unknown client,
     * wrong secret and disabled client all answer the same {@code auth.client.invalid}.
     */
    private Credentials authenticateClient(String clientId, String clientSecret, String remoteAddress) {
        String account = clientId.strip();
        throttling.check(Kind.CLIENT, account, remoteAddress);
        Credentials client = directory.clientCredentials(clientId).orElse(null);
        boolean matches = hasher.verify(clientSecret, client == null ? DUMMY_HASH : client.secretHash());
        if (client == null || !matches || !client.active()) {
            audit.record(
                    SecurityEventType.TOKEN_REFUSED,
                    clientId,
                    null,
                    remoteAddress,
                    client == null ? "unknown client" : !matches ? "wrong secret" : "client disabled");
            countFailure(Kind.CLIENT, account, remoteAddress);
            throw new DomainException(
                    DomainException.Kind.UNAUTHENTICATED, "auth.client.invalid", "client authentication failed");
        }
        throttling.succeeded(Kind.CLIENT, account);
        return client;
    }

    /**
     * Counts a failure; once more if the first attempt lost a race to create the same counter (two
     * instances counting an account's first failure at once: the second insert fails, the row is then there).
     */
    private void countFailure(Kind kind, String account, String remoteAddress) {
        try {
            throttling.failed(kind, account, remoteAddress);
        } catch (EJBException raced) {
            throttling.failed(kind, account, remoteAddress);
        }
    }

    private static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }
}
