package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in throttling (ASVS 2.2.1) on the real EAR: wrong passwords and wrong client secrets lock the
 * account out, the right password included, until an administrator unlocks it. Each scenario uses
 * an account no other integration test signs in with (admin.g22, clerk.g09, client 000.00.00.G16),
 * and unlocks it at the end, so the lock-outs never touch another test. Every request of the suite
 * comes from 127.0.0.1: the IT domain raises the per-address threshold (ear/pom.xml) so that the
 * failures counted here and elsewhere never lock out the address itself.
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottlingIT extends PlatformIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final int ATTEMPTS = 30;

    @Test
    void thirtyWrongPasswordsLockThePersonOutUntilAnAdministratorUnlocks() {
        int throttled = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> answer = passwordGrant("admin.g22", "wrong-" + i);
            if (answer.statusCode() == 429) {
                throttled++;
                assertThrottled(answer);
            } else {
                assertEquals(
                        "invalid_grant",
                        assertProblem(answer, 400, "auth.person.invalid").getString("error"));
                assertEquals(0, throttled, "once locked out, every attempt stays refused");
            }
        }
        assertTrue(throttled >= ATTEMPTS - 10, "locked out after at most 10 failures, " + throttled + " throttled");
        assertThrottled(passwordGrant("admin.g22", DEMO_SECRET));

        String admin = token("sysadmin-client");
        HttpResponse<String> lockouts = get("api/v1/auth/lockouts", admin);
        assertEquals(200, lockouts.statusCode(), lockouts.body());
        assertTrue(
                json(lockouts).asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(l ->
                                "admin.g22".equals(l.getString("subject")) && "PERSON".equals(l.getString("kind"))),
                lockouts.body());

        assertEquals(204, delete("api/v1/auth/lockouts/admin.g22", admin).statusCode());
        HttpResponse<String> restored = passwordGrant("admin.g22", DEMO_SECRET);
        assertEquals(200, restored.statusCode(), restored.body());
        assertProblem(delete("api/v1/auth/lockouts/admin.g22", admin), 404, "auth.lockout.not-found");
    }

    @Test
    void thirtyWrongClientSecretsLockTheClientOutUntilAnAdministratorUnlocks() {
        int throttled = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> answer = clientGrant("000.00.00.G16", "wrong-" + i);
            if (answer.statusCode() == 429) {
                throttled++;
                assertThrottled(answer);
            } else {
                assertProblem(answer, 401, "auth.client.invalid");
                assertEquals(0, throttled, "once locked out, every attempt stays refused");
            }
        }
        assertTrue(throttled >= ATTEMPTS - 10, throttled + " throttled");
        assertThrottled(clientGrant("000.00.00.G16", DEMO_SECRET));

        assertEquals(
                204,
                delete("api/v1/auth/lockouts/000.00.00.G16", token("sysadmin-client"))
                        .statusCode());
        HttpResponse<String> restored = clientGrant("000.00.00.G16", DEMO_SECRET);
        assertEquals(200, restored.statusCode(), restored.body());
    }

    @Test
    void onlyASystemAdministratorSeesOrEndsLockouts() {
        assertProblem(get("api/v1/auth/lockouts", token("000.00.00.H41")), 403, "auth.forbidden");
        assertProblem(delete("api/v1/auth/lockouts/admin.g22", token("000.00.00.H41")), 403, "auth.forbidden");
        assertProblem(get("api/v1/auth/lockouts", null), 401, "auth.unauthenticated");
    }

    @Test
    void theSignInFormIsThrottledTooAndSaysSoInVietnamese() {
        int throttled = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> answer = formSignIn("clerk.g09", "wrong-" + i);
            assertFalse(answer.headers().firstValue("Location").isPresent(), "a wrong password never signs in");
            if (answer.statusCode() == 429) {
                throttled++;
                assertTrue(answer.body().contains("Vui lòng thử lại sau"), answer.body());
                assertTrue(Long.parseLong(
                                answer.headers().firstValue("Retry-After").orElseThrow())
                        > 0);
            } else {
                assertEquals(0, throttled, "once locked out, every attempt stays refused");
            }
        }
        assertTrue(throttled >= ATTEMPTS - 10, throttled + " throttled");
        HttpResponse<String> right = formSignIn("clerk.g09", DEMO_SECRET);
        assertEquals(429, right.statusCode(), "the right password is refused too while locked out");

        assertEquals(
                204,
                delete("api/v1/auth/lockouts/clerk.g09", token("sysadmin-client"))
                        .statusCode());
        HttpResponse<String> restored = formSignIn("clerk.g09", DEMO_SECRET);
        assertEquals(302, restored.statusCode(), restored.body());
    }

    private void assertThrottled(HttpResponse<String> answer) {
        JsonObject problem = assertProblem(answer, 429, "auth.throttled");
        assertEquals("temporarily_unavailable", problem.getString("error"));
        long retryAfter =
                Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
    }

    private HttpResponse<String> passwordGrant(String username, String password) {
        return postForm(
                "api/v1/auth/token", Map.of("grant_type", "password", "username", username, "password", password));
    }

    private HttpResponse<String> clientGrant(String clientId, String secret) {
        return postForm(
                "api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path))
                .DELETE()
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    /** The intranet's sign-in form as a browser posts it: the page, its session cookie and view state, then the post. */
    private HttpResponse<String> formSignIn(String username, String password) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(uri("login.xhtml")).GET());
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form = "login=login&login%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie));
    }
}
