package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token endpoint (OAuth2 client credentials) and who may call what without one. */
@ExtendWith(ArquillianExtension.class)
class AuthTokenIT extends PlatformIT {

    @Test
    void demoPartnerSystemGetsABearerTokenForItsAgency() {
        HttpResponse<String> response = postForm(
                "api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "000.00.00.H41", "client_secret", DEMO_SECRET));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject token = json(response).asJsonObject();
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals(900, token.getInt("expires_in"));
        assertTrue(token.getString("access_token").split("\\.").length == 3);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(
                200,
                get("api/v1/directory/agencies/000.00.00.H41", token.getString("access_token"))
                        .statusCode());
    }

    @Test
    void clientCredentialsInABasicHeaderWorkToo() {
        String basic = Base64.getEncoder().encodeToString("000.00.00.G22:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void wrongSecretIsRefusedWith401AndTheOAuthErrorCode() {
        HttpResponse<String> response = postForm(
                "api/v1/auth/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "000.00.00.H41",
                        "client_secret",
                        "not-the-secret"));
        JsonObject problem = assertProblem(response, 401, "auth.client.invalid");
        assertEquals("invalid_client", problem.getString("error"));
    }

    @Test
    void unknownClientIsRefusedExactlyLikeAWrongSecret() {
        HttpResponse<String> response = postForm(
                "api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "000.00.00.H99", "client_secret", DEMO_SECRET));
        assertProblem(response, 401, "auth.client.invalid");
    }

    @Test
    void otherGrantTypesAreRefused() {
        HttpResponse<String> response = postForm(
                "api/v1/auth/token",
                Map.of("grant_type", "authorization_code", "client_id", "000.00.00.H41", "client_secret", DEMO_SECRET));
        assertEquals(
                "unsupported_grant_type",
                assertProblem(response, 400, "auth.grant-type.unsupported").getString("error"));
        assertProblem(postForm("api/v1/auth/token", Map.of("client_id", "x")), 400, "auth.grant-type.missing");
    }

    @Test
    void anonymousApiCallGets401ProblemAndABearerChallenge() {
        HttpResponse<String> response = get("api/v1/directory/agencies", null);
        assertProblem(response, 401, "auth.unauthenticated");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void forgedOrGarbageTokenGets401() {
        String real = token("000.00.00.H41");
        String forged = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertProblem(get("api/v1/directory/agencies", forged), 401, "auth.token.invalid");
        assertProblem(get("api/v1/directory/agencies", "garbage"), 401, "auth.token.invalid");
    }

    @Test
    void anonymousIntranetPageRedirectsToTheLoginPage() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("directory/agencies.xhtml")).GET());
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> login =
                send(HttpRequest.newBuilder(uri("login.xhtml")).GET());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Đăng nhập"), "the login page is Vietnamese by default");
    }

    @Test
    void aClientSecretInTheQueryStringIsRefusedEvenWithValidCredentials() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        uri("api/v1/auth/token?client_secret=" + DEMO_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=000.00.00.H41"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(
                "invalid_request",
                assertProblem(response, 400, "auth.credentials-in-query").getString("error"));
        HttpResponse<String> encodedName = send(HttpRequest.newBuilder(uri(
                        "api/v1/auth/token?grant_type=client_credentials&client_id=000.00.00.H41&client%5Fsecret=demo"))
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(encodedName, 400, "auth.credentials-in-query");
    }

    @Test
    void aPasswordOrUsernameInTheQueryStringIsRefused() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("api/v1/auth/token?username=citizen&password=" + DEMO_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password"))
                        .header("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(response, 400, "auth.credentials-in-query");
        HttpResponse<String> passwordOnly =
                send(HttpRequest.newBuilder(uri("api/v1/auth/token?password=" + DEMO_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=citizen"))
                        .header("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(passwordOnly, 400, "auth.credentials-in-query");
    }

    @Test
    void aPartnerRevokesItsTokenAndTheTokenIsRefusedFromThenOn() {
        String token = freshClientToken("000.00.00.H41");
        assertEquals(200, get("api/v1/directory/agencies/000.00.00.H41", token).statusCode());
        HttpResponse<String> revoked = postForm(
                "api/v1/auth/revoke",
                Map.of("token", token, "client_id", "000.00.00.H41", "client_secret", DEMO_SECRET));
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertProblem(get("api/v1/directory/agencies/000.00.00.H41", token), 401, "auth.token.invalid");
        HttpResponse<String> again = postForm(
                "api/v1/auth/revoke",
                Map.of("token", token, "client_id", "000.00.00.H41", "client_secret", DEMO_SECRET));
        assertEquals(200, again.statusCode(), "revoking twice is no error");
    }

    @Test
    void revocationWithBasicClientCredentialsAndOfAnUnknownTokenAnswers200() {
        String basic = Base64.getEncoder().encodeToString("000.00.00.G22:demo".getBytes(StandardCharsets.UTF_8));
        String token = freshClientToken("000.00.00.G22");
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("api/v1/auth/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("token=not-a-token-of-ours"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic));
        assertEquals(200, unknown.statusCode(), unknown.body());
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("api/v1/auth/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic));
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertProblem(get("api/v1/directory/agencies", token), 401, "auth.token.invalid");
    }

    @Test
    void aPartnerCannotRevokeAnotherPartnersTokenNorWithoutItsSecret() {
        String token = freshClientToken("000.00.00.H41");
        assertProblem(
                postForm(
                        "api/v1/auth/revoke",
                        Map.of("token", token, "client_id", "000.00.00.G22", "client_secret", DEMO_SECRET)),
                403,
                "auth.token.foreign");
        assertProblem(
                postForm(
                        "api/v1/auth/revoke",
                        Map.of("token", token, "client_id", "000.00.00.H41", "client_secret", "not-the-secret")),
                401,
                "auth.client.invalid");
        assertProblem(postForm("api/v1/auth/revoke", Map.of("token", token)), 400, "auth.client.missing");
        assertProblem(
                postForm("api/v1/auth/revoke", Map.of("client_id", "000.00.00.H41", "client_secret", DEMO_SECRET)),
                400,
                "auth.token.missing");
        assertEquals(200, get("api/v1/directory/agencies/000.00.00.H41", token).statusCode(), "still valid");
    }

    @Test
    void aPersonRevokesTheirOwnTokenByPresentingIt() {
        HttpResponse<String> issued = postForm(
                "api/v1/auth/token", Map.of("grant_type", "password", "username", "citizen", "password", DEMO_SECRET));
        assertEquals(200, issued.statusCode(), issued.body());
        String token = json(issued).asJsonObject().getString("access_token");
        assertEquals(200, postForm("api/v1/auth/revoke", Map.of("token", token)).statusCode());
        assertProblem(get("api/v1/directory/agencies", token), 401, "auth.token.invalid");
    }

    @Test
    void aTokenInTheRevocationQueryStringIsRefused() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/v1/auth/revoke?token=abc"))
                .POST(HttpRequest.BodyPublishers.ofString("client_id=000.00.00.H41&client_secret=demo"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(response, 400, "auth.credentials-in-query");
    }

    /** A token of its own for a test that revokes it: never the shared one other tests reuse. */
    private String freshClientToken(String clientId) {
        HttpResponse<String> response = postForm(
                "api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", DEMO_SECRET));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonObject().getString("access_token");
    }
}
