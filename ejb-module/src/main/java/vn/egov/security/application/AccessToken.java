package vn.egov.security.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Access tokens: compact JWTs (RFC 7519) signed with HMAC-SHA256 by a key only the platform holds,
 * made and checked with Nimbus JOSE+JWT. Partners treat them as opaque bearer strings; the
 * platform checks the signature and expiry itself and asks the revocation list by the token's id.
 * Claims: {@code iss}, {@code sub} (client id or username), {@code agency}, {@code groups} (roles),
 * {@code name} (people only), {@code iat}, {@code exp}, {@code jti}. Only HS256 is accepted: a token
 * whose header names any other algorithm, {@code none} included, is not ours.
 */
public final class AccessToken {

    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    /**
     * What a valid token says. {@code personName} is set when the token stands for a person (the
     * password grant of a mobile client), null for a partner system; {@code tokenId} is its {@code jti}.
     */
    public record Claims(
            String subject,
            String agencyCode,
            Set<String> groups,
            Instant expiresAt,
            String personName,
            String tokenId) {}

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String issuer;

    public AccessToken(byte[] key, String issuer) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        try {
            this.signer = new MACSigner(key.clone());
            this.verifier = new MACVerifier(key.clone());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an HMAC key", e);
        }
        this.issuer = issuer;
    }

    public String issue(String subject, String agencyCode, Set<String> groups, Instant now, long ttlSeconds) {
        return issue(subject, agencyCode, groups, now, ttlSeconds, null);
    }

    /** A token for a person (personName not null) or a partner system. */
    public String issue(
            String subject, String agencyCode, Set<String> groups, Instant now, long ttlSeconds, String personName) {
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("groups", groups.stream().sorted().toList())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(ttlSeconds)))
                .jwtID(UUID.randomUUID().toString());
        if (agencyCode != null) {
            claims.claim("agency", agencyCode);
        }
        if (personName != null) {
            claims.claim("name", personName);
        }
        SignedJWT jwt = new SignedJWT(HEADER, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing is part of every Java 17 runtime", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token this platform signed and that has not expired; empty for anything else. */
    public Optional<Claims> verify(String token, Instant now) {
        return verify(token, now, tokenId -> false);
    }

    /** As {@link #verify(String, Instant)}, and empty too for a token whose id {@code revoked} names. */
    public Optional<Claims> verify(String token, Instant now, Predicate<String> revoked) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            List<String> groups = claims.getStringListClaim("groups");
            if (!issuer.equals(claims.getIssuer())
                    || expiry == null
                    || !now.isBefore(expiry.toInstant())
                    || claims.getSubject() == null
                    || claims.getJWTID() == null
                    || groups == null
                    || revoked.test(claims.getJWTID())) {
                return Optional.empty();
            }
            return Optional.of(new Claims(
                    claims.getSubject(),
                    claims.getStringClaim("agency"),
                    new LinkedHashSet<>(groups),
                    expiry.toInstant(),
                    claims.getStringClaim("name"),
                    claims.getJWTID()));
        } catch (ParseException | JOSEException | RuntimeException notOurs) {
            // Any token we did not make ourselves, in any shape: not valid, nothing more to say.
            return Optional.empty();
        }
    }
}
