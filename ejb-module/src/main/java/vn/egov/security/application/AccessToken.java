package vn.egov.security.application;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens for partner systems: compact JWTs (RFC 7519) signed with HMAC-SHA256 by a key only
 * the platform holds. Partners treat them as opaque bearer strings; the platform verifies them on
 * every call without a database round trip. Claims: {@code iss}, {@code sub} (client id),
 * {@code agency}, {@code groups} (roles), {@code iat}, {@code exp}, {@code jti}.
 */
public final class AccessToken {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final int MAX_TOKEN_LENGTH = 4096;

    /**
     * What a valid token says. {@code personName} is set when the token stands for a person (the
     * password grant of a mobile client), null for a partner system.
     */
    public record Claims(String subject, String agencyCode, Set<String> groups, Instant expiresAt, String personName,
            String tokenId) {
    }

    private final byte[] key;
    private final String issuer;

    public AccessToken(byte[] key, String issuer) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        this.key = key.clone();
        this.issuer = issuer;
    }

    public String issue(String subject, String agencyCode, Set<String> groups, Instant now, long ttlSeconds) {
        return issue(subject, agencyCode, groups, now, ttlSeconds, null);
    }

    /** A token for a person (personName not null) or a partner system. */
    public String issue(String subject, String agencyCode, Set<String> groups, Instant now, long ttlSeconds,
            String personName) {
        JsonArrayBuilder groupArray = JSON.createArrayBuilder();
        groups.stream().sorted().forEach(groupArray::add);
        var builder = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + ttlSeconds)
                .add("jti", UUID.randomUUID().toString());
        if (agencyCode != null) {
            builder.add("agency", agencyCode);
        }
        if (personName != null) {
            builder.add("name", personName);
        }
        JsonObject claims = builder.build();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(signingInput));
    }

    /** The claims of a token this platform signed and that has not expired; empty for anything else. */
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            JsonObject claims;
            try (JsonReader reader = JSON.createReader(new StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                claims = reader.readObject();
            }
            if (!issuer.equals(claims.getString("iss", null))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            Set<String> groups = new LinkedHashSet<>();
            for (JsonValue group : claims.getJsonArray("groups")) {
                groups.add(((JsonString) group).getString());
            }
            return Optional.of(new Claims(claims.getString("sub"), claims.getString("agency", null), groups, expiresAt,
                    claims.getString("name", null), claims.getString("jti")));
        } catch (RuntimeException malformed) {
            // Any token we did not make ourselves, in any shape: not valid, nothing more to say.
            return Optional.empty();
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
