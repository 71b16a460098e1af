package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform as a browser, an attacker's page and an operator meet it, on the real EAR and the real Payara
 * domain: sessions travel by cookie only (HttpOnly, SameSite=Lax, Secure on HTTPS), redirects never name the
 * Host a client chose, state changes need the platform's own origin, every answer carries the security headers
 * and no listener advertises the server, the administration side listens on loopback only, refusals on intranet
 * pages are 403/404/400 pages and never 500, and the API description is served as JSON too.
 */
@ExtendWith(ArquillianExtension.class)
class WebHardeningIT extends PlatformIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final String EVIL = "https://evil.example";
    private static final String FORBIDDEN_PAGE = "Bạn không có quyền truy cập trang này.";

    // ------------------------------------------------------------------ helpers

    private String ownOrigin() {
        URI base = URI.create(base());
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static int portBase() {
        return Integer.parseInt(System.getProperty("it.admin.port", "28048")) - 48;
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookie(response).map(header -> header.split(";", 2)[0]);
    }

    private static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
    }

    private static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page's text with the character references a Faces writer may use for non-ASCII letters decoded. */
    private static String text(String html) {
        return java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);")
                .matcher(html)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(Character.toString(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    }

    private HttpResponse<String> page(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private HttpResponse<String> postLoginForm(String cookie, String viewState, String username, String origin) {
        String form = "login=login&login%3Ausername=" + enc(username) + "&login%3Apassword=" + DEMO_SECRET
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + enc(viewState);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** Signs a person in through the login form, from the platform's own page; returns the session cookie. */
    private String signIn(String username) {
        HttpResponse<String> login = page("login.xhtml", null);
        assertEquals(200, login.statusCode());
        String cookie = sessionCookie(login).orElseThrow();
        HttpResponse<String> answer = postLoginForm(cookie, viewState(login.body()), username, ownOrigin());
        assertEquals(302, answer.statusCode(), "signed in and sent on: " + answer.body());
        return sessionCookie(answer).orElse(cookie);
    }

    /** One raw HTTP/1.1 exchange, for what HttpClient will not send (a Host header of our choosing); the head. */
    private String raw(String request) throws IOException {
        URI base = URI.create(base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** HTTPS on the domain's second listener (port base + 81), trusting its self-signed certificate: test only. */
    private static HttpsURLConnection https(String path) throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, null);
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://localhost:" + (portBase() + 81) + path)
                .toURL()
                .openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        return connection;
    }

    private static void assertNoBanner(String where, Map<String, List<String>> headers) {
        for (String name : headers.keySet()) {
            if (name != null) {
                assertFalse(
                        name.equalsIgnoreCase("Server") || name.equalsIgnoreCase("X-Powered-By"),
                        where + " advertises " + name + ": " + headers.get(name));
            }
        }
    }

    // ------------------------------------------------------------------ sessions and cookies

    @Test
    void aSessionIdInTheAddressDoesNotOpenTheSignedInPage() {
        String cookie = signIn("clerk.g22");
        HttpResponse<String> withCookie = page("index.xhtml", cookie);
        assertEquals(200, withCookie.statusCode());
        assertTrue(withCookie.body().contains("id=\"signedInName\""), "signed in with the cookie");

        String id = cookie.substring("JSESSIONID=".length());
        HttpResponse<String> fromUrl = page("index.xhtml;jsessionid=" + id, null);
        assertNotEquals(200, fromUrl.statusCode(), fromUrl.body());
        assertFalse(fromUrl.body().contains("signedInName"), "no signed-in page from a session id in the URL");
        String location = fromUrl.headers().firstValue("Location").orElse("");
        assertFalse(location.toLowerCase().contains("jsessionid"), location);
        assertTrue(
                fromUrl.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains(id)),
                "the session is not handed over as a cookie either");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyOverHttps() throws Exception {
        String plain = setCookie(page("login.xhtml", null)).orElseThrow();
        assertTrue(plain.contains("HttpOnly"), plain);
        assertTrue(plain.contains("SameSite=Lax"), plain);
        assertFalse(plain.contains("Secure"), "plain HTTP without a TLS proxy: " + plain);

        HttpsURLConnection tls = https("/login.xhtml");
        assertEquals(200, tls.getResponseCode());
        String overTls = tls.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertTrue(
                overTls.contains("Secure") && overTls.contains("HttpOnly") && overTls.contains("SameSite=Lax"),
                overTls);
        tls.disconnect();

        // The test domains run with EGOV_BEHIND_PROXY=true: a TLS proxy's X-Forwarded-Proto makes the request HTTPS.
        HttpResponse<String> proxied =
                send(HttpRequest.newBuilder(uri("login.xhtml")).GET().header("X-Forwarded-Proto", "https"));
        String behindProxy = setCookie(proxied).orElseThrow();
        assertTrue(behindProxy.contains("Secure"), behindProxy);
    }

    // ------------------------------------------------------------------ redirects

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws IOException {
        String toLogin = raw("GET /exchange/inbox.xhtml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(toLogin.startsWith("HTTP/1.1 302"), toLogin);
        assertFalse(toLogin.toLowerCase().contains("evil.example"), toLogin);
        assertTrue(toLogin.contains("Location: /login.xhtml"), toLogin);

        String withoutSession = raw(
                "GET /index.xhtml;jsessionid=ABCDEF HTTP/1.1\r\nHost: evil.example\r\n" + "Connection: close\r\n\r\n");
        assertFalse(withoutSession.toLowerCase().contains("evil.example"), withoutSession);
    }

    // ------------------------------------------------------------------ same origin

    @Test
    void aFormPostedFromAnotherSiteWithTheSessionCookieIsRefused() {
        String cookie = signIn("clerk.g22");
        HttpResponse<String> inbox = page("exchange/inbox.xhtml", cookie);
        assertEquals(200, inbox.statusCode());
        String form =
                "shell=shell&shell%3AsignOut=shell%3AsignOut&jakarta.faces.ViewState=" + enc(viewState(inbox.body()));
        for (HttpRequest.Builder post : List.of(
                HttpRequest.newBuilder(uri("exchange/inbox.xhtml")).header("Origin", EVIL),
                HttpRequest.newBuilder(uri("exchange/inbox.xhtml")).header("Referer", EVIL + "/trap.html"),
                HttpRequest.newBuilder(uri("exchange/inbox.xhtml")).header("Origin", "null"))) {
            HttpResponse<String> refused = send(post.POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookie));
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains(FORBIDDEN_PAGE), refused.body());
        }
        assertEquals(200, page("index.xhtml", cookie).statusCode(), "the refused sign-out did not sign out");
    }

    @Test
    void anApiCallWithTheSessionCookieFromAnotherSiteIsRefusedButBearerCallsAreNot() {
        HttpResponse<String> withCookie = send(HttpRequest.newBuilder(uri("api/v1/directory/agencies"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token("sysadmin-client"))
                .header("Cookie", "JSESSIONID=planted")
                .header("Origin", EVIL));
        assertProblem(withCookie, 403, "request.cross-origin");

        HttpResponse<String> bearerOnly = send(HttpRequest.newBuilder(uri("api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=000.00.00.H41&client_secret=" + DEMO_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", EVIL));
        assertEquals(200, bearerOnly.statusCode(), bearerOnly.body());
    }

    // ------------------------------------------------------------------ headers and banners

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        HttpResponse<String> login = page("login.xhtml", null);
        String pagePolicy = login.headers().allValues("Content-Security-Policy").toString();
        assertEquals(1, login.headers().allValues("Content-Security-Policy").size(), pagePolicy);
        assertTrue(pagePolicy.contains("script-src 'self' 'nonce-"), pagePolicy);
        assertTrue(
                pagePolicy.contains("object-src 'none'") && pagePolicy.contains("frame-ancestors 'none'"), pagePolicy);
        assertFalse(login.body().contains(" onclick=\""), "no inline handler under the policy");
        assertEquals(
                "nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(
                "same-origin", login.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(null));

        String cookie = signIn("clerk.g22");
        HttpResponse<String> signedIn = page("exchange/inbox.xhtml", cookie);
        assertEquals("no-store", signedIn.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(signedIn.headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("'nonce-"));

        HttpResponse<String> api = get("api/v1/directory/agencies?limit=1", token("000.00.00.H41"));
        assertEquals(200, api.statusCode());
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(
                "nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(
                api.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));

        HttpResponse<String> unauthorized = get("api/v1/directory/agencies", null);
        assertEquals(401, unauthorized.statusCode());
        assertEquals(
                "nosniff",
                unauthorized.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(
                "no-store", unauthorized.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void noListenerAdvertisesTheServer() throws Exception {
        assertNoBanner("HTTP", page("login.xhtml", null).headers().map());
        assertNoBanner("HTTP 404", page("no-such-page", null).headers().map());
        HttpsURLConnection tls = https("/login.xhtml");
        assertEquals(200, tls.getResponseCode());
        assertNoBanner("HTTPS", tls.getHeaderFields());
        tls.disconnect();
        HttpURLConnection admin =
                (HttpURLConnection) URI.create("http://localhost:" + (portBase() + 48) + "/management/domain/version")
                        .toURL()
                        .openConnection();
        admin.setInstanceFollowRedirects(false);
        admin.getResponseCode();
        assertNoBanner("admin", admin.getHeaderFields());
        admin.disconnect();
    }

    // ------------------------------------------------------------------ administration ports

    @Test
    void theAdministrationPortsListenOnLoopbackOnly() throws IOException {
        int base = portBase();
        List<String> listening = listeningSockets();
        // admin console, JMX, JMS broker, IIOP (plain, SSL, mutual SSL)
        int[] ports = {base + 48, base + 86, base + 76, base + 37, base + 38, base + 39};
        for (int port : ports) {
            for (String socket : listening) {
                if (socket.endsWith(":" + String.format("%04X", port))) {
                    String address = socket.substring(0, socket.indexOf(':'));
                    assertTrue(
                            address.equals("0100007F")
                                    || address.equals("00000000000000000000000001000000")
                                    || address.equals("0000000000000000FFFF00000100007F"),
                            "port " + port + " listens beyond loopback: " + socket);
                }
            }
        }
        assertTrue(
                listening.stream().anyMatch(s -> s.endsWith(":" + String.format("%04X", base + 48))),
                "the admin port listens: " + listening);
        assertTrue(
                listening.stream()
                        .anyMatch(s -> s.endsWith(":" + String.format("%04X", base + 80))
                                && (s.startsWith("00000000:") || s.startsWith("00000000000000000000000000000000:"))),
                "the HTTP listener still listens on every interface");
    }

    /** Local addresses ("HEXADDR:HEXPORT") of every listening TCP socket of this machine (Linux). */
    private static List<String> listeningSockets() throws IOException {
        List<String> sockets = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals("0A")) {
                    sockets.add(fields[1]);
                }
            }
        }
        return sockets;
    }

    // ------------------------------------------------------------------ refusals on pages

    @Test
    void aCabinetMemberIsRefusedTheExchangePagesWithTheForbiddenPageNeverA500() {
        String cookie = signIn("member.g01");
        for (String path : List.of(
                "exchange/inbox.xhtml",
                "exchange/outbox.xhtml",
                "exchange/statistics.xhtml",
                "exchange/document.xhtml?id=1",
                "exchange/attachment?id=1&cid=kh")) {
            HttpResponse<String> answer = page(path, cookie);
            assertEquals(403, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.body().contains(FORBIDDEN_PAGE), path + ": " + answer.body());
        }
    }

    @Test
    void aClerkAskingForADocumentOrAttachmentThatIsNotTheirsIsToldItDoesNotExist() {
        String cookie = signIn("clerk.h41");
        HttpResponse<String> attachment = page("exchange/attachment?id=999999999&cid=kh", cookie);
        assertEquals(404, attachment.statusCode(), attachment.body());
        HttpResponse<String> document = page("exchange/document.xhtml?id=999999999", cookie);
        assertEquals(404, document.statusCode(), document.body());
        // Faces writes Latin-1 letters (ô, ì) as named references: look for a part of the text without them.
        String body = text(document.body());
        assertTrue(
                body.contains("thấy văn bản"),
                "the page says so, in Vietnamese: " + body.substring(Math.max(0, body.indexOf("<main"))));
        assertFalse(document.body().contains("Đã xảy ra lỗi"), document.body());
    }

    @Test
    void aFormPostedWithAnotherSessionsViewStateIsABadRequestNotA500() {
        HttpResponse<String> first = page("login.xhtml", null);
        String otherSessionsViewState = viewState(first.body());
        HttpResponse<String> second = page("login.xhtml", null);
        String cookie = sessionCookie(second).orElseThrow();
        assertNotEquals(sessionCookie(first).orElseThrow(), cookie);
        HttpResponse<String> answer = postLoginForm(cookie, otherSessionsViewState, "clerk.g22", ownOrigin());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Trang đã hết hạn"), answer.body());
        assertFalse(answer.headers().firstValue("Location").isPresent(), "not signed in");
    }

    @Test
    void anAjaxPostWithAnotherSessionsViewStateIsSentToTheErrorPageNotAnswered500() {
        String otherSessionsViewState = viewState(page("login.xhtml", null).body());
        String cookie = sessionCookie(page("login.xhtml", null)).orElseThrow();
        String form =
                "jakarta.faces.partial.ajax=true&jakarta.faces.source=login%3Asubmit&jakarta.faces.partial.execute=%40all"
                        + "&login=login&login%3Ausername=clerk.g22&login%3Apassword=" + DEMO_SECRET
                        + "&jakarta.faces.ViewState=" + enc(otherSessionsViewState);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .header("Cookie", cookie)
                .header("Origin", ownOrigin()));
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher redirect = Pattern.compile("<redirect url=\"([^\"]+)\"").matcher(answer.body());
        assertTrue(redirect.find(), "a partial response that navigates: " + answer.body());
        String target = redirect.group(1).replace("&amp;", "&");
        assertTrue(target.startsWith("/error-handler?status=400"), target);
        HttpResponse<String> errorPage = page(target.substring(1), cookie);
        assertEquals(400, errorPage.statusCode());
        assertTrue(errorPage.body().contains("Trang đã hết hạn"), errorPage.body());
    }

    @Test
    void aHugeSignInFormIsRefusedWith413() {
        HttpResponse<String> login = page("login.xhtml", null);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "login=login&login%3Ausername=" + "x".repeat(12 * 1024 * 1024)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", sessionCookie(login).orElseThrow())
                .header("Origin", ownOrigin()));
        assertEquals(413, answer.statusCode());
    }

    // ------------------------------------------------------------------ API description

    @Test
    void theApiDescriptionIsServedAsJsonWhenAskedFor() {
        HttpResponse<String> json = get("openapi", null);
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject document = json(json).asJsonObject();
        assertTrue(document.getString("openapi").startsWith("3."));
        assertTrue(document.getJsonObject("paths").containsKey("/exchange/documents"));

        HttpResponse<String> yaml = send(HttpRequest.newBuilder(uri("openapi")).GET());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(yaml.body().startsWith("openapi:"), yaml.body().substring(0, 40));
    }
}
