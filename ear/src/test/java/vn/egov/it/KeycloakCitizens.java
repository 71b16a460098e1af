package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citizens' access tokens from the suite's real Keycloak, obtained as a partner app would (the realm's public client
 * {@code egov-citizen-app}, RFC 8252): the authorization code flow with PKCE S256, the citizen typing their
 * password into Keycloak's login form, the code read from the loopback redirect, then exchanged at the token
 * endpoint. Tokens are kept per user for four minutes (Keycloak's access tokens live five).
 */
final class KeycloakCitizens {

    static final String KEYCLOAK = System.getProperty("it.keycloak.url", "http://localhost:28090");
    private static final String REALM = KEYCLOAK + "/realms/egov-citizens/protocol/openid-connect";
    private static final String CLIENT = "egov-citizen-app";
    private static final String REDIRECT = "http://127.0.0.1/app-callback";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, long obtainedAt) {}

    private KeycloakCitizens() {}

    /** Nguyễn Văn An (SoDinhDanh 001088001234, phone 0912345678), signed in with a password. */
    static String an() {
        return accessToken("citizen.an", "demo");
    }

    /** Trần Thị Bình, another citizen. */
    static String binh() {
        return accessToken("citizen.binh", "demo");
    }

    static String accessToken(String username, String password) {
        long now = System.currentTimeMillis();
        // Keycloak's access tokens live five minutes: one older than four is signed in for again.
        return TOKENS.compute(
                        username,
                        (u, held) -> held != null && now - held.obtainedAt() < 240_000
                                ? held
                                : new Token(signIn(u, password), now))
                .value();
    }

    private static String signIn(String username, String password) {
        try {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            String challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String state = Long.toHexString(RANDOM.nextLong());
            URI authorize = URI.create(REALM + "/auth?client_id=" + CLIENT + "&response_type=code&scope=openid"
                    + "&redirect_uri=" + enc(REDIRECT) + "&state=" + state + "&code_challenge=" + challenge
                    + "&code_challenge_method=S256");
            PortalSignInIT.Browserless browser = new PortalSignInIT.Browserless();
            URI back = browser.signInAtTheIdentityProvider(authorize, username, password);
            assertTrue(back.toString().startsWith(REDIRECT + "?"), back.toString());
            Matcher code = Pattern.compile("[?&]code=([^&]+)")
                    .matcher(back.getRawQuery() == null ? "" : "?" + back.getRawQuery());
            assertTrue(code.find(), back.toString());
            assertTrue(back.getRawQuery().contains("state=" + state), back.toString());
            String form = "grant_type=authorization_code&client_id=" + CLIENT + "&redirect_uri=" + enc(REDIRECT)
                    + "&code=" + code.group(1) + "&code_verifier=" + verifier;
            HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(REALM + "/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(200, tokens.statusCode(), tokens.body());
            JsonObject answer =
                    Json.createReader(new StringReader(tokens.body())).readObject();
            return answer.getString("access_token");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
