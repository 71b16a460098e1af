package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public portal (/portal) and a citizen's sign-in through the real identity provider the suite runs (Keycloak,
 * citizens' realm, on it.keycloak.url): the code flow with PKCE, the national claims on the page, single sign-on with
 * a second relying party (the demo client provincial-portal) and sign-out ending both; callbacks the portal did not
 * start are refused with 400.
 */
@ExtendWith(ArquillianExtension.class)
class PortalSignInIT extends PlatformIT {

    private static final String KEYCLOAK = System.getProperty("it.keycloak.url", "http://localhost:28090");
    private static final String REALM = KEYCLOAK + "/realms/egov-citizens";
    private static final String AUTHORIZE = REALM + "/protocol/openid-connect/auth";
    private static final String CITIZEN = "citizen.an";

    @Test
    void theHomePageIsPublicAndVietnameseFirst() {
        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("portal/")).GET());
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("Cổng dịch vụ công"), home.body());
        assertTrue(home.body().contains("Đăng nhập"), home.body());
        String policy = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self' 'nonce-"), policy);
        assertEquals(
                "nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void anAnonymousRequestForAProtectedPageIsSentToTheIdentityProviderWithPkce() {
        HttpResponse<String> account =
                send(HttpRequest.newBuilder(uri("portal/account/")).GET());
        assertEquals(302, account.statusCode(), account.body());
        String location = account.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(AUTHORIZE + "?"), location);
        Map<String, String> query = query(URI.create(location));
        assertEquals("code", query.get("response_type"));
        assertEquals("egov-portal", query.get("client_id"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("code_challenge").length() >= 43, location);
        assertTrue(query.get("state").length() >= 16 && query.get("nonce").length() >= 16, location);
        assertEquals(base() + "portal/oidc/callback", query.get("redirect_uri"));
        String cookie = account.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("PORTALSESSION=") && cookie.contains("HttpOnly"), cookie);

        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("portal/")).GET());
        assertEquals(200, home.statusCode(), "public pages need no sign-in");
    }

    @Test
    void aCallbackThePortalDidNotStartIsABadRequestPageNeverAServerError() {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("portal/oidc/callback?code=forged&state=forged"))
                .GET());
        assertBadRequestPage(forged, "Phiên đăng nhập không hợp lệ");

        HttpResponse<String> nothing =
                send(HttpRequest.newBuilder(uri("portal/oidc/callback")).GET());
        assertEquals(400, nothing.statusCode(), nothing.body());

        // A session that did start a sign-in, answered with another state, then with its own state but no code.
        Browserless session = new Browserless();
        String location = session.get(uri("portal/account/"))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String state = query(URI.create(location)).get("state");
        assertBadRequestPage(
                session.get(uri("portal/oidc/callback?code=x&state=" + UUID.randomUUID())), "Phiên đăng nhập");
        HttpResponse<String> noCode = session.get(uri("portal/oidc/callback?state=" + enc(state)));
        assertEquals(400, noCode.statusCode(), noCode.body());
        assertFalse(noCode.body().contains("Exception"), noCode.body());
    }

    @Test
    void aCallbackReplayedAfterItsSignInIsRefused() {
        Browserless session = new Browserless();
        URI login = URI.create(session.get(uri("portal/account/"))
                .headers()
                .firstValue("Location")
                .orElseThrow());
        URI callback = session.signInAtTheIdentityProvider(login, CITIZEN, DEMO_SECRET);
        assertTrue(callback.toString().startsWith(base() + "portal/oidc/callback?"), callback.toString());

        HttpResponse<String> signedIn = session.get(callback);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertEquals(
                "/portal/account/", signedIn.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> account = session.get(uri("portal/account/"));
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.body().contains("Nguyễn Văn An"), account.body());

        assertBadRequestPage(session.get(callback), "Phiên đăng nhập không hợp lệ");
    }

    @Test
    void aCitizenSignsInOnceForBothPortalsAndSignsOutOfBoth() throws IOException {
        Path profile = Files.createTempDirectory("egov-portal-chromium");
        WebDriver browser = Browsers.chromium(profile, 412, 915);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        try {
            browser.get(base() + "portal/account/");
            wait.until(ExpectedConditions.urlContains(REALM + "/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys(CITIZEN);
            browser.findElement(By.id("password")).sendKeys(DEMO_SECRET);
            browser.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.urlToBe(base() + "portal/account/"));
            assertEquals(
                    "Nguyễn Văn An", browser.findElement(By.id("accountName")).getText());
            assertEquals(
                    "********1234",
                    browser.findElement(By.id("accountPersonalId")).getText());
            assertEquals("Mức 1", browser.findElement(By.id("accountAssurance")).getText());
            assertEquals("Công dân", browser.findElement(By.id("accountType")).getText());
            assertEquals(
                    "an.nguyen@citizen.example",
                    browser.findElement(By.id("accountEmail")).getText());
            assertEquals(
                    "Nguyễn Văn An", browser.findElement(By.id("signedInName")).getText());
            screenshot(browser, "portal-account");

            // The second relying party gets a code straight away: the citizen's single sign-on session.
            browser.get(provincialPortalAuthorization().toString());
            wait.until(ExpectedConditions.urlContains("code="));
            assertTrue(browser.getCurrentUrl().startsWith(base() + "portal/?"), browser.getCurrentUrl());
            assertTrue(query(URI.create(browser.getCurrentUrl())).containsKey("code"), browser.getCurrentUrl());

            browser.findElement(By.id("signOut")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signIn")));
            assertTrue(browser.getCurrentUrl().startsWith(base() + "portal/"), browser.getCurrentUrl());
            assertTrue(browser.findElements(By.id("signedInName")).isEmpty());

            // Signed out at the identity provider too: the second relying party now gets the login form.
            browser.get(provincialPortalAuthorization().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertTrue(browser.getCurrentUrl().startsWith(REALM + "/"), browser.getCurrentUrl());
            assertFalse(browser.getCurrentUrl().contains("code="), browser.getCurrentUrl());

            browser.get(base() + "portal/account/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        } catch (RuntimeException | AssertionError e) {
            screenshot(browser, "portal-failed");
            throw e;
        } finally {
            browser.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** An authorization request of the demo client provincial-portal (PKCE S256), returning to the portal's home. */
    private URI provincialPortalAuthorization() {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge;
        try {
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return URI.create(AUTHORIZE + "?response_type=code&scope=openid&client_id=provincial-portal"
                + "&redirect_uri=" + enc(base() + "portal/") + "&state=" + UUID.randomUUID()
                + "&code_challenge_method=S256&code_challenge=" + challenge);
    }

    private static void assertBadRequestPage(HttpResponse<String> response, String text) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains(text), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                response.headers().toString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * A client keeping cookies, as a browser does, without following redirects: to see the callback's address and
     * send it twice.
     */
    static final class Browserless {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(
                        request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Fills in Keycloak's login form; returns where it sends the browser back (the portal's callback). */
        URI signInAtTheIdentityProvider(URI login, String username, String password) {
            HttpResponse<String> form = get(login);
            assertEquals(200, form.statusCode(), form.body());
            Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                    .matcher(form.body());
            if (!action.find()) {
                action = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"")
                        .matcher(form.body());
                assertTrue(action.find(), form.body());
            }
            String target = action.group(1).replace("&amp;", "&");
            String body = Map.of("username", username, "password", password).entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(target))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(302, answer.statusCode(), answer.body());
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        }
    }

    /**
     * Cookies as a browser keeps them for localhost, a secure context even over plain HTTP: Keycloak's login cookies
     * are {@code Secure}, which {@link CookieManager} alone would never send over http.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            // Every cookie of the store: this client speaks to localhost only, and the store's own look-up by
            // address leaves out Secure cookies over http.
            String header = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getPath() == null || path.startsWith(c.getPath()))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    private static void screenshot(WebDriver browser, String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    dir.resolve(System.getProperty("it.database", "db") + "-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // A screenshot is a help for the reader of a failure, never a failure of its own.
        }
    }
}
