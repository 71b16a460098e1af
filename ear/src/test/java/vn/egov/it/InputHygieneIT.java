package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile or careless client sends is refused at the boundary with a clear problem, on the
 * real EAR: text that is not text, bytes that are not UTF-8, JSON of the wrong types, loose
 * parameters, oversized bodies, codes with spaces, header-breaking content types; and the same for
 * the intranet's forms. Nothing here is ever answered 500.
 */
@ExtendWith(ArquillianExtension.class)
class InputHygieneIT extends PlatformIT {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String GOV_OFFICE = "000.00.00.G22";

    private static String indicator(String name) {
        return """
                {"name":%s,"nameEn":"Exports","unit":"triệu USD","valueType":"NUMBER","aggregation":"SUM"}""".formatted(name);
    }

    private HttpResponse<String> putIndicator(String code, String body) {
        return put("api/v1/reporting/indicators/" + code, token("sysadmin-client"), body);
    }

    private HttpResponse<String> postBytes(String path, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    @Test
    void controlCharactersInAnIndicatorNameAreRefusedNamingTheField() {
        JsonObject problem = assertProblem(
                putIndicator("HYGIENE_NUL", indicator("\"Kim ngạch\\u0000xuất khẩu\"")), 400, "request.text.invalid");
        assertEquals("name", problem.getString("field"));
        assertProblem(putIndicator("HYGIENE_BEL", indicator("\"Kim ngạch\\u0007\"")), 400, "request.text.invalid");
        assertProblem(putIndicator("HYGIENE_C1", indicator("\"Kim ngạch\\u0085\"")), 400, "request.text.invalid");
        assertProblem(putIndicator("HYGIENE_NONCHAR", indicator("\"Kim ngạch\\uffff\"")), 400, "request.text.invalid");
        String indicators =
                get("api/v1/reporting/indicators", token("sysadmin-client")).body();
        for (String refused : new String[] {"HYGIENE_NUL", "HYGIENE_BEL", "HYGIENE_C1", "HYGIENE_NONCHAR"}) {
            assertFalse(indicators.contains(refused), "nothing refused was stored: " + refused);
        }
    }

    @Test
    void unpairedSurrogatesAreRefusedInEveryArea() {
        assertProblem(
                putIndicator("HYGIENE_SURROGATE", indicator("\"Kim ngạch \\ud800\"")), 400, "request.text.invalid");
        assertProblem(
                postJson("api/v1/directory/agencies", token("sysadmin-client"), """
                {"code":"000.99.00.H41","name":"Sở \\udc00 mới","level":"DEPARTMENT","parentCode":"000.00.00.H41"}"""), 400, "request.text.invalid");
    }

    @Test
    void bodiesThatAreNotUtf8AreRefusedNotReplaced() {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"Kim ngạch caf".getBytes(StandardCharsets.UTF_8));
        body.write(0xe9); // "é" as one Latin-1 byte inside UTF-8 text
        body.writeBytes("\",\"nameEn\":\"Exports\",\"unit\":\"USD\",\"valueType\":\"NUMBER\",\"aggregation\":\"SUM\"}"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/v1/reporting/indicators/HYGIENE_LATIN1"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token("sysadmin-client")));
        assertProblem(response, 400, "request.encoding.invalid");
        assertProblem(get("api/v1/directory/agencies?q=ngh%E9", token(NGHE_AN)), 400, "request.encoding.invalid");
    }

    @Test
    void jsonOfTheWrongTypeIsRefusedNotCoerced() {
        JsonObject problem =
                assertProblem(putIndicator("HYGIENE_NUMBER", indicator("12345")), 400, "request.json.type");
        assertEquals("name", problem.getString("field"));
        assertProblem(
                postJson(
                        "api/v1/reporting/reports",
                        token(NGHE_AN),
                        "{\"regime\":\"BC-KTXH-THANG\",\"period\":\"2026-01\",\"submit\":\"yes\",\"values\":[]}"),
                400,
                "request.json.type");
        assertProblem(
                postJson(
                        "api/v1/reporting/reports",
                        token(NGHE_AN),
                        "{\"regime\":\"BC-KTXH-THANG\",\"period\":\"2026-01\",\"values\":[{\"indicator\":\"CPI\",\"value\":\"1\"}]}"),
                400,
                "request.json.type");
    }

    @Test
    void pagingParametersMustBeInRange() {
        assertProblem(get("api/v1/directory/agencies?limit=-1", token(NGHE_AN)), 400, "request.parameter.invalid");
        assertProblem(get("api/v1/directory/agencies?offset=-5", token(NGHE_AN)), 400, "request.parameter.invalid");
        assertProblem(get("api/v1/directory/agencies?limit=ten", token(NGHE_AN)), 400, "request.parameter.invalid");
        assertProblem(
                get("api/v1/directory/agencies?limit=99999999999", token(NGHE_AN)), 400, "request.parameter.invalid");
        assertProblem(get("api/v1/exchange/inbox?limit=0", token(NGHE_AN)), 400, "request.parameter.invalid");
        assertEquals(
                200,
                get("api/v1/directory/agencies?limit=5&offset=0", token(NGHE_AN))
                        .statusCode());
    }

    @Test
    void aDryRunMustSayTrueOrFalse() {
        byte[] sheet = "not a sheet".getBytes(StandardCharsets.UTF_8);
        JsonObject problem = assertProblem(
                postBytes(
                        "api/v1/reporting/uploads?regime=BC-KTXH-THANG&period=2026-01" + "&dryRun=yes",
                        token(NGHE_AN),
                        "text/csv",
                        sheet),
                400,
                "request.parameter.invalid");
        assertEquals("dryRun", problem.getString("field"));
        assertProblem(
                postBytes(
                        "api/v1/reporting/uploads?regime=BC-KTXH-THANG&period=2026-01&dryRun=TRUE",
                        token(NGHE_AN),
                        "text/csv",
                        sheet),
                400,
                "request.parameter.invalid");
    }

    @Test
    void aStatusCodeWithASpaceIsNotThatStatus() {
        assertProblem(
                postJson("api/v1/exchange/documents/999999999/status", token(GOV_OFFICE), "{\"status\":\"04 \"}"),
                400,
                "exchange.status.unknown");
    }

    @Test
    void aUsernameWithANulDoesNotSignIn() {
        JsonObject problem = assertProblem(
                postForm(
                        "api/v1/auth/token",
                        Map.of("grant_type", "password", "username", "citizen\u0000", "password", DEMO_SECRET)),
                400,
                "request.text.invalid");
        assertEquals("username", problem.getString("field"));
        assertProblem(
                send(HttpRequest.newBuilder(uri("api/v1/auth/token"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&username=citizen%FF&password=demo"))
                        .header("Content-Type", "application/x-www-form-urlencoded")),
                400,
                "request.encoding.invalid");
    }

    @Test
    void bodiesBeyondTheirBoundAreRefusedWith413() {
        String huge = "\"" + "x".repeat(12 * 1024 * 1024) + "\"";
        assertProblem(putIndicator("HYGIENE_HUGE", indicator(huge)), 413, "request.too-large");
        assertProblem(
                postForm(
                        "api/v1/auth/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "username",
                                "citizen",
                                "password",
                                "x".repeat(2 * 1024 * 1024))),
                413,
                "request.too-large");
        // Without a declared length the bound holds while the body streams.
        HttpResponse<String> streamed = send(HttpRequest.newBuilder(uri("api/v1/reporting/indicators/HYGIENE_STREAM"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(indicator(huge).getBytes(StandardCharsets.UTF_8))))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token("sysadmin-client")));
        assertProblem(streamed, 413, "request.too-large");
    }

    @Test
    void namesLongerThanTheirColumnAreRefusedNot500() {
        assertProblem(
                putIndicator("HYGIENE_LONG", indicator("\"" + "Kim ngạch ".repeat(40) + "\"")),
                400,
                "request.text.too-long");
        assertProblem(
                putIndicator("HYGIENE_MARKS", indicator("\"a" + "\\u0301".repeat(1000) + "\"")),
                400,
                "request.text.too-long");
        assertProblem(
                putIndicator("HYGIENE_MEGA", indicator("\"" + "Kim ngạch ".repeat(110_000) + "\"")),
                413,
                "request.too-large");
        HttpResponse<String> marks = putIndicator(
                "COMBINING_MARKS", indicator("\"Kim ngạch xuất khẩu " + "\\u0301\\u0323".repeat(100) + "\""));
        assertEquals(200, marks.statusCode(), marks.body());
    }

    @Test
    void anAttachmentContentTypeThatBreaksHeadersIsRefusedAtSend() {
        String document = """
                {"documentId":"%1$s,2026/11/21,77/UBND-VX","codeNumber":"77","codeNotation":"UBND-VX",
                 "typeName":"Kế hoạch","subject":"Kế hoạch","promulgationDate":"2026-11-21","to":["%2$s"],
                 "attachments":[{"contentId":"cid:kh","name":"kehoach.txt",
                   "contentType":"text/plain\\r\\nX-Injected: yes","content":"%3$s"}]}""".formatted(
                NGHE_AN, GOV_OFFICE, Base64.getEncoder().encodeToString("kế hoạch".getBytes(StandardCharsets.UTF_8)));
        JsonObject problem = assertProblem(
                postJson("api/v1/exchange/documents", token(NGHE_AN), document),
                400,
                "exchange.attachment.content-type");
        assertEquals("attachments.contentType", problem.getString("field"));
    }

    // ------------------------------------------------------------------ intranet

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theSignInFormRefusesAUsernameWithANulInVietnamese() {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(uri("login.xhtml")).GET());
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form = "login=login&login%3Ausername=citizen%00&login%3Apassword=demo&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie));
        assertEquals(200, answer.statusCode(), "stays on the sign-in page, not redirected as signed in");
        assertFalse(answer.headers().firstValue("Location").isPresent());
        assertTrue(answer.body().contains("Nội dung có ký tự không hợp lệ"), answer.body());
    }

    @Test
    void aHugeSignInFormIsRefusedWith413NotA500() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "login=login&login%3Ausername=" + "x".repeat(12 * 1024 * 1024)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(413, answer.statusCode());
    }
}
