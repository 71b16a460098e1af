package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Online payment of a dossier's fees through the sandbox payment platform ({@code /pp-sandbox}, the
 * payment-sandbox WAR deployed beside the EAR by configure-domain.sh): the ward's officer asks for
 * payment (status 6), the citizen pays in a real browser on the sandbox's page, the dossier moves to
 * 4 and the e-receipt downloads; the confirm endpoint refuses a wrong checksum or amount and changes
 * nothing, and a repeated confirm changes nothing; a confirm the sandbox loses on purpose is settled
 * by the reconciliation job (persistent timer, every 2 s here, for payments older than 3 s); a
 * pending payment stays pending across checks until the platform says it is paid. The test signs
 * confirm calls itself with the secret the suite gave both sides ({@code it.payment.secret}).
 */
@ExtendWith(ArquillianExtension.class)
class PortalPaymentIT extends PlatformIT {

    private static final String PROCEDURE = "1.004873"; // cấp bản sao trích lục hộ tịch: phí 8.000 đồng online
    private static final String WARD = "000.01.20.H41";
    private static final String SECRET = System.getProperty("it.payment.secret", "");

    private WebDriver browser;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    dir.resolve(System.getProperty("it.database", "db") + "-failed-"
                            + context.getRequiredTestMethod().getName() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    };

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void theCitizenPaysThroughTheSandboxInABrowserAndTheDossierMovesOnWithItsReceipt() throws IOException {
        String code = dossierAwaitingPayment();
        profile = Files.createTempDirectory("egov-chromium");
        browser = Browsers.chromium(profile, 1400, 1000);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get(base() + "portal/dossiers/dossier.xhtml?code=" + code);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("citizen.an");
        browser.findElement(By.id("password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code"), code));
        assertEquals(
                "Yêu cầu thực hiện nghĩa vụ tài chính",
                browser.findElement(By.id("status")).getText());
        assertEquals("8.000 đ", browser.findElement(By.id("total")).getText());
        assertTrue(browser.findElement(By.id("lines")).getText().contains("Phí cấp bản sao trích lục hộ tịch"));

        browser.findElement(By.id("payForm:pay")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("toPlatform"))).click();
        wait.until(ExpectedConditions.urlContains("/pp-sandbox/pay"));
        assertEquals("8000", browser.findElement(By.id("amount")).getText());
        assertTrue(browser.findElement(By.id("ref")).getText().startsWith(code));
        browser.findElement(By.id("doPay")).click();

        wait.until(ExpectedConditions.urlContains("/portal/dossiers/dossier.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đang xử lý"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), "Đã thanh toán, có biên lai"));
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("Đã thanh toán trực tuyến 8000 đồng"));

        // The e-receipt downloads through the page's link, in the citizen's session.
        String href = browser.findElement(By.cssSelector("a.payment-receipt")).getAttribute("href");
        String cookies = browser.manage().getCookies().stream()
                .filter(c -> "/portal".equals(c.getPath()) || "/".equals(c.getPath()))
                .map(Cookie::toString)
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = bytes(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies)
                .GET());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("bien-lai-BL"));

        // One status change, on the officer's side too.
        JsonObject dossier = json(get("api/v1/portal/dossiers/" + code, person("onestop.hungdung")))
                .asJsonObject();
        assertEquals(4, dossier.getInt("status"));
        long paidSteps = dossier.getJsonArray("steps").stream()
                .map(s -> s.asJsonObject().getString("content", ""))
                .filter(c -> c.startsWith("Đã thanh toán trực tuyến"))
                .count();
        assertEquals(1, paidSteps);

        // The ward's officer sees the payment and its receipt on the dossier's intranet page, and records a refund:
        // refused without a reason, then recorded with one.
        browser.get(base() + "onestop/dossier.xhtml?code=" + code);
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys("onestop.hungdung");
        browser.findElement(By.id("login:password")).sendKeys(DEMO_SECRET);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("dossier:payments"), "Đã thanh toán, có biên lai"));
        String receipt = browser.findElement(By.cssSelector("#dossier\\:payments .payment-receipt"))
                .getText();
        assertTrue(receipt.startsWith("BL"), receipt);
        assertEquals("8.000 đ", browser.findElement(By.id("dossier:total")).getText());
        assertTrue(browser.findElement(By.id("dossier:lines")).getText().contains("Phí cấp bản sao trích lục hộ tịch"));
        By refund = By.cssSelector("#dossier\\:payments button[id$=':refund']");
        browser.findElement(refund).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("dossier:messages"), "Cần ghi lý do hoàn tiền"));
        browser.findElement(By.id("dossier:refundReason")).sendKeys("Nộp trùng, đã hoàn lại qua ngân hàng");
        browser.findElement(refund).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier:payments"), "Đã hoàn tiền"));
        assertTrue(browser.findElement(By.id("dossier:payments")).getText().contains("Nộp trùng"));
        assertTrue(browser.findElements(refund).isEmpty(), "a refunded payment offers no refund");
        JsonObject bill = json(get("api/v1/portal/payments/dossiers/" + code, person("onestop.hungdung")))
                .asJsonObject();
        assertEquals("REFUNDED", bill.getJsonArray("payments").getJsonObject(0).getString("state"));
    }

    @Test
    void aWrongChecksumOrAmountIsRefusedAndChangesNothingAndARepeatedConfirmChangesNothing() {
        String code = dossierAwaitingPayment();
        JsonObject started = start(code);
        String reference = started.getString("reference");
        assertTrue(reference.matches(java.util.regex.Pattern.quote(code) + "\\d{14}"), reference);
        assertTrue(started.getString("paymentUrl").contains("/pp-sandbox/pay?ref="), started.toString());

        Map<String, String> paid = confirm(reference, "00", "8000", "PPIT-1");
        Map<String, String> forged = new java.util.LinkedHashMap<>(paid);
        forged.put("MaXacThuc", checksum(List.copyOf(paid.values()).subList(0, 10), "not-the-secret"));
        assertProblem(
                postJson("api/v1/portal/payments/confirm", null, body(forged)), 403, "portal.payment.checksum-invalid");
        assertUnpaid(code, reference);

        assertProblem(
                postJson("api/v1/portal/payments/confirm", null, body(confirm(reference, "00", "1000", "PPIT-1"))),
                400,
                "portal.payment.amount-mismatch");
        assertProblem(
                postJson(
                        "api/v1/portal/payments/confirm",
                        null,
                        body(confirm(code + "19990101000000", "00", "8000", "PPIT-1"))),
                404,
                "portal.payment.not-found");
        assertProblem(postJson("api/v1/portal/payments/confirm", null, "[1,2"), 400, "portal.payment.message-invalid");
        assertUnpaid(code, reference);

        HttpResponse<String> ok = postJson("api/v1/portal/payments/confirm", null, body(paid));
        assertEquals(200, ok.statusCode(), ok.body());
        JsonObject answer = json(ok).asJsonObject();
        assertEquals("00", answer.getString("MaLoi"));
        assertEquals(reference, answer.getString("MaThamChieu"));
        assertEquals(
                checksum(List.of("00", "000.00.00.H41", reference, answer.getString("ThoiGianGD")), SECRET),
                answer.getString("MaXacThuc"),
                "our answer is signed too");
        JsonObject afterFirst = bill(code);
        JsonObject payment = payment(afterFirst, reference);
        assertEquals("RECEIPTED", payment.getString("state"));
        assertEquals(4, afterFirst.getInt("dossierStatus"));
        assertFalse(afterFirst.getBoolean("owed"));
        int steps = steps(code);

        // The platform sends it again: the same answer, nothing changes.
        HttpResponse<String> again = postJson("api/v1/portal/payments/confirm", null, body(paid));
        assertEquals(200, again.statusCode(), again.body());
        JsonObject afterSecond = bill(code);
        assertEquals(payment, payment(afterSecond, reference));
        assertEquals(1, afterSecond.getJsonArray("payments").size());
        assertEquals(steps, steps(code));
        // A confirm that contradicts it is refused.
        assertProblem(
                postJson("api/v1/portal/payments/confirm", null, body(confirm(reference, "01", "8000", ""))),
                409,
                "portal.payment.already-settled");
        assertEquals(payment, payment(bill(code), reference));

        HttpResponse<byte[]> pdf =
                bytes(HttpRequest.newBuilder(uri("api/v1/portal/me/payments/" + code + "/" + reference + "/receipt"))
                        .header("Authorization", "Bearer " + KeycloakCitizens.an())
                        .GET());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        // Another citizen sees neither the bill nor the receipt.
        assertProblem(
                get("api/v1/portal/me/payments/" + code, KeycloakCitizens.binh()), 404, "portal.dossier.not-found");
    }

    @Test
    void aConfirmTheSandboxLosesIsSettledByTheReconciliationJob() {
        String code = dossierAwaitingPayment();
        JsonObject started = start(code);
        String reference = started.getString("reference");
        HttpResponse<String> paid = sandbox(reference, "pay", true);
        assertEquals(302, paid.statusCode(), paid.body());

        // Waited for together: the shared cache may answer the dossier a moment after the payment.
        JsonObject settled = await(
                "the reconciliation job to settle " + reference,
                () -> bill(code),
                b -> "RECEIPTED".equals(payment(b, reference).getString("state")) && b.getInt("dossierStatus") == 4);
        assertEquals(4, settled.getInt("dossierStatus"));
        assertTrue(payment(settled, reference).getString("transaction").startsWith("PP"));
        assertTrue(payment(settled, reference).getInt("checks") >= 1);
    }

    @Test
    void aPendingPaymentStaysPendingUntilTheCheckSaysItIsPaid() {
        String code = dossierAwaitingPayment();
        String reference = start(code).getString("reference");
        HttpResponse<String> pending = sandbox(reference, "pending", false);
        assertEquals(200, pending.statusCode(), pending.body());
        assertTrue(pending.body().contains("PENDING"), pending.body());

        // Checked again and again, it stays pending, and the dossier waits.
        JsonObject checked = await(
                "three checks of " + reference,
                () -> bill(code),
                b -> payment(b, reference).getInt("checks") >= 3);
        assertEquals("PENDING", payment(checked, reference).getString("state"));
        assertEquals(6, checked.getInt("dossierStatus"));
        assertProblem(
                postJson("api/v1/portal/me/payments/" + code, KeycloakCitizens.an(), "{}"),
                409,
                "portal.payment.pending");

        // The bank answers at last; the platform's confirm is lost, the next check settles it.
        assertEquals(302, sandbox(reference, "pay", true).statusCode());
        JsonObject settled = await(
                "the check to find " + reference + " paid",
                () -> bill(code),
                b -> "RECEIPTED".equals(payment(b, reference).getString("state")) && b.getInt("dossierStatus") == 4);
        assertEquals(4, settled.getInt("dossierStatus"));
    }

    @Test
    void theBillLookUpAnswersUnknownNothingOwedOrTheBill() {
        String officer = person("onestop.hungdung");
        JsonObject unknown = lookUp("000.01.20.H41-0000000000", officer);
        assertEquals(-1, unknown.getInt("error_code"));

        String code = dossierAwaitingPayment();
        JsonObject bill = lookUp(code, officer);
        assertEquals(1, bill.getInt("error_code"), bill.toString());
        JsonObject message = bill.getJsonObject("message");
        assertTrue(message.getString("MaTraCuuTT").matches(java.util.regex.Pattern.quote(code) + "\\d{14}"));
        assertEquals(code, message.getString("MaHoSo"));
        assertEquals("2", message.getString("MaDichVu"));
        assertEquals(8000, message.getInt("SoTien"));
        assertEquals("8000", message.getJsonArray("PhiLePhi").getJsonObject(0).getString("SoTien"));
        assertEquals("1", message.getJsonArray("PhiLePhi").getJsonObject(0).getString("LoaiPhiLePhi"));
        // Another agency's officer: as if it did not exist.
        assertEquals(-1, lookUp(code, person("onestop.benthuy")).getInt("error_code"));

        String reference = start(code).getString("reference");
        assertEquals(
                200,
                postJson("api/v1/portal/payments/confirm", null, body(confirm(reference, "00", "8000", "PPIT-L")))
                        .statusCode());
        JsonObject nothing = lookUp(code, officer);
        assertEquals(0, nothing.getInt("error_code"));
        assertEquals(0, nothing.getJsonArray("message").size());

        assertEquals(
                401,
                postJson("api/v1/portal/kpdvcqg/dptracuuthanhtoanhs", null, "{\"MaHoSo\":\"" + code + "\"}")
                        .statusCode());
    }

    @Test
    void theDaysSettlementReportAddsUpPerPayeeAccountAndServiceType() {
        String sysadmin = person("sysadmin");
        List<List<String>> before = settlement(sysadmin);
        String code = dossierAwaitingPayment();
        String reference = start(code).getString("reference");
        assertEquals(
                200,
                postJson("api/v1/portal/payments/confirm", null, body(confirm(reference, "00", "8000", "PPIT-S")))
                        .statusCode());
        List<List<String>> after = settlement(sysadmin);

        assertEquals(
                List.of(
                        "Ngay",
                        "TKThuHuong",
                        "MaNHThuHuong",
                        "TenTKThuHuong",
                        "MaDichVu",
                        "LoaiDichVu",
                        "SoGiaoDich",
                        "TongTien"),
                after.get(0));
        List<String> total = after.get(after.size() - 1);
        assertEquals("TONG", total.get(1));
        List<List<String>> rows = after.subList(1, after.size() - 1);
        assertEquals(rows.stream().mapToLong(r -> Long.parseLong(r.get(7))).sum(), Long.parseLong(total.get(7)));
        assertEquals(rows.stream().mapToLong(r -> Long.parseLong(r.get(6))).sum(), Long.parseLong(total.get(6)));
        List<String> before2 = before.get(before.size() - 1);
        assertEquals(Long.parseLong(before2.get(7)) + 8000, Long.parseLong(total.get(7)));
        assertEquals(Long.parseLong(before2.get(6)) + 1, Long.parseLong(total.get(6)));
        assertTrue(
                rows.stream().anyMatch(r -> "0000000000001".equals(r.get(1)) && "2".equals(r.get(4))), rows.toString());

        // The ward's officer sees the ward's; another ward's officer sees none of it.
        List<List<String>> ward = settlement(person("onestop.hungdung"));
        assertEquals(total.get(7), ward.get(ward.size() - 1).get(7));
        List<List<String>> other = settlement(person("onestop.benthuy"));
        assertEquals("0", other.get(other.size() - 1).get(7));
        assertProblem(
                send(HttpRequest.newBuilder(uri("api/v1/portal/payments/settlement?day=04-12-2026"))
                        .header("Authorization", "Bearer " + sysadmin)
                        .GET()),
                400,
                "portal.payment.day-invalid");

        // The same report as Excel, for the accountants: the same total, as a number cell.
        HttpResponse<byte[]> excel =
                bytes(HttpRequest.newBuilder(uri("api/v1/portal/payments/settlement?day=" + todayInVietnam()))
                        .header("Authorization", "Bearer " + sysadmin)
                        .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .GET());
        assertEquals(200, excel.statusCode());
        assertTrue(excel.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
        try (var book =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(excel.body()))) {
            var sheet = book.getSheetAt(0);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertEquals("TONG", last.getCell(1).getStringCellValue());
            assertEquals(Long.parseLong(total.get(7)), (long) last.getCell(7).getNumericCellValue());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertProblem(
                send(HttpRequest.newBuilder(uri("api/v1/portal/payments/settlement?format=pdf"))
                        .header("Authorization", "Bearer " + sysadmin)
                        .GET()),
                400,
                "portal.payment.format-invalid");
    }

    // ------------------------------------------------------------------ helpers

    /** A dossier of the ward's copy-of-extract procedure, accepted, processed and asked for payment (status 6). */
    private String dossierAwaitingPayment() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        String body = Json.createObjectBuilder()
                .add("procedureCode", PROCEDURE)
                .add("agencyCode", WARD)
                .add("delivery", 0)
                .add(
                        "files",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("componentCode", "TK-TL")
                                        .add("fileName", "to-khai.pdf")
                                        .add("contentType", "application/pdf")
                                        .add("content", pdf)))
                .build()
                .toString();
        HttpResponse<String> created = postJson("api/v1/portal/me/dossiers", KeycloakCitizens.an(), body);
        assertEquals(201, created.statusCode(), created.body());
        String code = json(created).asJsonObject().getString("code");
        String officer = person("onestop.hungdung");
        for (String[] step : new String[][] {
            {"accept", "{\"content\":\"Tiếp nhận\"}"},
            {"process", "{}"},
            {"steps", "{\"status\":6,\"content\":\"Đề nghị nộp phí cấp bản sao\"}"}
        }) {
            HttpResponse<String> moved = postJson("api/v1/portal/dossiers/" + code + "/" + step[0], officer, step[1]);
            assertEquals(200, moved.statusCode(), moved.body());
        }
        JsonObject owed = bill(code);
        assertTrue(owed.getBoolean("owed"), owed.toString());
        assertEquals(8000, owed.getInt("total"));
        return code;
    }

    private JsonObject start(String code) {
        HttpResponse<String> started = postJson("api/v1/portal/me/payments/" + code, KeycloakCitizens.an(), "{}");
        assertEquals(201, started.statusCode(), started.body());
        return json(started).asJsonObject();
    }

    private JsonObject bill(String code) {
        HttpResponse<String> bill = get("api/v1/portal/me/payments/" + code, KeycloakCitizens.an());
        assertEquals(200, bill.statusCode(), bill.body());
        return json(bill).asJsonObject();
    }

    private static JsonObject payment(JsonObject bill, String reference) {
        return bill.getJsonArray("payments").stream()
                .map(p -> p.asJsonObject())
                .filter(p -> reference.equals(p.getString("reference")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no payment " + reference + " in " + bill));
    }

    private void assertUnpaid(String code, String reference) {
        JsonObject bill = bill(code);
        assertEquals(6, bill.getInt("dossierStatus"));
        assertTrue(bill.getBoolean("owed"));
        String state = payment(bill, reference).getString("state");
        assertTrue(state.equals("INITIATED") || state.equals("PENDING"), state);
        assertFalse(payment(bill, reference).containsKey("receiptNumber"), bill.toString());
    }

    private int steps(String code) {
        return json(get("api/v1/portal/dossiers/" + code, person("onestop.hungdung")))
                .asJsonObject()
                .getJsonArray("steps")
                .size();
    }

    private JsonObject lookUp(String code, String token) {
        HttpResponse<String> answer =
                postJson("api/v1/portal/kpdvcqg/dptracuuthanhtoanhs", token, "{\"MaHoSo\":\"" + code + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).asJsonObject();
    }

    /** Today's settlement report, parsed as CSV. */
    private List<List<String>> settlement(String token) {
        HttpResponse<String> csv =
                send(HttpRequest.newBuilder(uri("api/v1/portal/payments/settlement?day=" + todayInVietnam()))
                        .header("Authorization", "Bearer " + token)
                        .GET());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        try {
            return org.apache.commons.csv.CSVFormat.DEFAULT
                    .parse(new java.io.StringReader(csv.body()))
                    .getRecords()
                    .stream()
                    .map(org.apache.commons.csv.CSVRecord::toList)
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The citizen's (or the tester's) decision on the sandbox's payment page, as its form posts it. */
    private HttpResponse<String> sandbox(String reference, String action, boolean loseConfirm) {
        String form = "ref=" + java.net.URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&bank=VCB&action="
                + action + (loseConfirm ? "&lose=on" : "");
        return send(HttpRequest.newBuilder(uri("pp-sandbox/pay"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** A confirm as the platform signs it: its fields in the contract's order, then MaXacThuc. */
    private static Map<String, String> confirm(String reference, String error, String amount, String transaction) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("LoaiBanTin", "CONFIRM");
        m.put("MaLoi", error);
        m.put("MaDoiTac", "000.00.00.H41");
        m.put("MaThamChieu", reference);
        m.put("SoTien", amount);
        m.put("MaTienTe", "VND");
        m.put("MaGiaoDich", transaction);
        m.put("MaNganHang", "VCB");
        m.put("ThoiGianGD", "20261204090000");
        m.put("ThongTinGiaoDich", "Thanh toán phí, lệ phí hồ sơ");
        m.put("MaXacThuc", checksum(List.copyOf(m.values()), SECRET));
        return m;
    }

    private static String body(Map<String, String> fields) {
        var b = Json.createObjectBuilder();
        fields.forEach(b::add);
        return b.build().toString();
    }

    private static String checksum(List<String> fields, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((String.join("|", fields) + "|" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        assertNotNull(SECRET);
    }
}
