package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Online dossiers end to end on the deployed platform: a citizen submits (the citizens' API, with
 * an access token of the citizens' identity provider), the ward's one-stop officer handles it,
 * anyone looks it up, and the applicant's e-mails arrive at a real SMTP server.
 *
 * <p>The citizens' tokens come from the suite's real Keycloak ({@link KeycloakCitizens}, as a partner app gets
 * them); a real SMTP server (GreenMail) lives in this JVM, on a port derived from the domain's portbase
 * (ear/pom.xml), and the domain's {@code mail/egov} session points at it.
 */
@ExtendWith(ArquillianExtension.class)
class PortalDossierIT extends PlatformIT {

    /** Birth registration (1.001193): online, 1 working day, components TK-KS and GCS; wards Hưng Dũng and Bến Thủy. */
    private static final String BIRTH = "1.001193";

    private static final String WARD = "000.01.20.H41";
    private static final String OTHER_WARD = "000.02.20.H41";
    /** Judicial record certificate (2.000505): needs assurance level 2. */
    private static final String JUDICIAL_RECORD = "2.000505";

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };

    private static GreenMail smtp;

    @BeforeAll
    static void startMailServer() throws Exception {
        smtp = new GreenMail(
                new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Nguyễn Văn An's access token from the suite's Keycloak. */
    private static String an() {
        return KeycloakCitizens.an();
    }

    /** Trần Thị Bình's. */
    private static String binh() {
        return KeycloakCitizens.binh();
    }

    private static JsonObject file(String component, String name, String type, byte[] content) {
        return Json.createObjectBuilder()
                .add("componentCode", component)
                .add("fileName", name)
                .add("contentType", type)
                .add("content", Base64.getEncoder().encodeToString(content))
                .build();
    }

    private static String birthDossier(String agency, int delivery, JsonObject... files) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        Arrays.stream(files).forEach(list::add);
        return Json.createObjectBuilder()
                .add("procedureCode", BIRTH)
                .add("agencyCode", agency)
                .add("summary", "Đăng ký khai sinh cho con Nguyễn Minh Khôi")
                .add("delivery", delivery)
                .add("files", list)
                .build()
                .toString();
    }

    private JsonObject submitBirth(String token) {
        HttpResponse<String> created = postJson(
                "api/v1/portal/me/dossiers",
                token,
                birthDossier(
                        WARD,
                        1,
                        file("TK-KS", "to-khai-khai-sinh.pdf", "application/pdf", PDF),
                        file("GCS", "giay-chung-sinh.png", "image/png", PNG)));
        assertEquals(201, created.statusCode(), created.body());
        return json(created).asJsonObject();
    }

    private JsonObject officer(String path, String username, String body) {
        HttpResponse<String> response = postJson(path, person(username), body);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json(response).asJsonObject();
    }

    /** The working-day calendar as the platform holds it: the holidays of this year and the next. */
    private Set<LocalDate> holidays() {
        Set<LocalDate> days = new HashSet<>();
        int year = todayInVietnam().getYear();
        for (int y = year; y <= year + 1; y++) {
            HttpResponse<String> list = get("api/v1/portal/holidays?year=" + y, person("sysadmin"));
            assertEquals(200, list.statusCode(), list.body());
            json(list)
                    .asJsonArray()
                    .forEach(h -> days.add(LocalDate.parse(h.asJsonObject().getString("day"))));
        }
        return days;
    }

    private static LocalDate nextWorkingDay(LocalDate from, Set<LocalDate> holidays) {
        LocalDate day = from.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aCitizensBirthRegistrationGoesFromSubmissionToResultWithReceiptTimelineAndEmails() throws Exception {
        String sysadmin = person("sysadmin");
        // Tomorrow's working day becomes a holiday: a one-working-day procedure is then due the day after.
        LocalDate today = todayInVietnam();
        LocalDate holiday = nextWorkingDay(today, holidays());
        HttpResponse<String> added =
                put("api/v1/portal/holidays/" + holiday, sysadmin, "{\"name\":\"Ngày nghỉ bù (kiểm thử)\"}");
        assertEquals(201, added.statusCode(), added.body());
        JsonObject dossier;
        try {
            dossier = submitBirth(an());
        } finally {
            assertEquals(
                    204,
                    send(HttpRequest.newBuilder(uri("api/v1/portal/holidays/" + holiday))
                                    .DELETE()
                                    .header("Authorization", "Bearer " + sysadmin))
                            .statusCode());
        }
        String code = dossier.getString("code");
        assertTrue(code.matches("000\\.01\\.20\\.H41-\\d{6}\\d{4}"), code);
        assertEquals(
                today.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")),
                code.substring(WARD.length() + 1, WARD.length() + 7));
        assertEquals(1, dossier.getInt("status"));
        assertEquals("Mới đăng ký", dossier.getString("statusLabel"));
        assertEquals(2, dossier.getJsonArray("components").size());
        assertEquals("Nguyễn Văn An", dossier.getString("applicantName"));
        assertEquals(1, dossier.getInt("delivery"));
        Set<LocalDate> withHoliday = holidays();
        withHoliday.add(holiday);
        LocalDate due = nextWorkingDay(today, withHoliday);
        assertNotEquals(holiday, due);
        OffsetDateTime dueAt = OffsetDateTime.parse(dossier.getString("dueAt"));
        assertEquals(due, dueAt.atZoneSameInstant(VIETNAM).toLocalDate(), dossier.toString());
        assertEquals(17, dueAt.atZoneSameInstant(VIETNAM).getHour());

        // The receipt: a PDF naming the code and the due date, in Vietnamese.
        HttpResponse<byte[]> receipt = HTTP.send(
                HttpRequest.newBuilder(uri("api/v1/portal/me/dossiers/" + code + "/receipt"))
                        .header("Authorization", "Bearer " + an())
                        .header("Accept", "application/pdf")
                        .timeout(PATIENCE)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, receipt.statusCode());
        assertTrue(receipt.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(code), text);
            assertTrue(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), text);
            assertTrue(text.contains(due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))), text);
        }

        // The citizen's list has it.
        HttpResponse<String> mine = get("api/v1/portal/me/dossiers", an());
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(json(mine).asJsonArray().stream()
                .anyMatch(d -> code.equals(d.asJsonObject().getString("code"))));

        // The ward's officer sees it, accepts it, passes it on and asks for a corrected component.
        String ward = "onestop.hungdung";
        HttpResponse<String> queue = get("api/v1/portal/dossiers?status=1", person(ward));
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(json(queue).asJsonArray().stream()
                .anyMatch(d -> code.equals(d.asJsonObject().getString("code"))));
        assertEquals(
                2,
                officer("api/v1/portal/dossiers/" + code + "/accept", ward, "{\"content\":\"Hồ sơ hợp lệ\"}")
                        .getInt("status"));
        assertEquals(
                4,
                officer("api/v1/portal/dossiers/" + code + "/process", ward, "{}")
                        .getInt("status"));
        JsonObject asked = officer(
                "api/v1/portal/dossiers/" + code + "/supplements",
                ward,
                "{\"content\":\"Đề nghị bổ sung bản chụp rõ nét của Giấy chứng sinh\"}");
        assertEquals(5, asked.getInt("status"));
        long supplement = asked.getJsonArray("supplements")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        // A move the national transitions do not allow: 409 problem+json.
        assertProblem(
                postJson("api/v1/portal/dossiers/" + code + "/finish", person(ward), "{}"),
                409,
                "portal.dossier.transition-illegal");

        // The citizen uploads the missing component: back to processing.
        HttpResponse<String> answered = postJson(
                "api/v1/portal/me/dossiers/" + code + "/supplements/" + supplement + "/components",
                an(),
                Json.createObjectBuilder()
                        .add(
                                "files",
                                Json.createArrayBuilder().add(file("GCS", "giay-chung-sinh-ro.png", "image/png", PNG)))
                        .build()
                        .toString());
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject afterSupplement = json(answered).asJsonObject();
        assertEquals(4, afterSupplement.getInt("status"));
        assertEquals(3, afterSupplement.getJsonArray("components").size());
        assertTrue(present(afterSupplement.getJsonArray("supplements").getJsonObject(0), "answeredAt"));

        // Processing finished, result returned.
        assertEquals(
                9,
                officer("api/v1/portal/dossiers/" + code + "/finish", ward, "{\"content\":\"Đã ký Giấy khai sinh\"}")
                        .getInt("status"));
        JsonObject returned =
                officer("api/v1/portal/dossiers/" + code + "/return", ward, "{\"content\":\"Đã gửi qua bưu chính\"}");
        assertEquals(10, returned.getInt("status"));
        assertTrue(present(returned, "returnedAt"));

        // The citizen's page data: the timeline, each step with time, unit, title and content.
        HttpResponse<String> seen = get("api/v1/portal/me/dossiers/" + code, an());
        assertEquals(200, seen.statusCode(), seen.body());
        JsonArray steps = json(seen).asJsonObject().getJsonArray("steps");
        assertEquals(
                List.of(1, 2, 4, 5, 4, 9, 10),
                steps.stream().map(s -> s.asJsonObject().getInt("status")).toList(),
                steps.toString());
        for (JsonValue step : steps) {
            JsonObject s = step.asJsonObject();
            assertTrue(present(s, "handledAt") && present(s, "unit") && present(s, "content"), s.toString());
        }
        JsonObject accepted = steps.getJsonObject(1);
        assertEquals("Cán bộ một cửa", accepted.getString("handlerTitle"));
        assertEquals("Trần Thị Một Cửa", accepted.getString("handler"));
        assertEquals("Hồ sơ hợp lệ", accepted.getString("content"));

        // Every status change was mailed to the applicant, in Vietnamese, through the real SMTP server.
        MimeMessage[] mails = await(
                "seven e-mails about " + code,
                () -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> subject(m).contains(code))
                        .toArray(MimeMessage[]::new),
                found -> found.length >= 7);
        MimeMessage last = Arrays.stream(mails)
                .filter(m -> subject(m).contains("Đã trả kết quả"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail about the returned result"));
        assertEquals("an.nguyen@citizen.example", last.getAllRecipients()[0].toString());
        String body = String.valueOf(last.getContent());
        assertTrue(body.contains("Kính gửi Nguyễn Văn An"), body);
        assertTrue(body.contains("đã chuyển sang trạng thái: Đã trả kết quả"), body);
        assertTrue(Arrays.stream(mails).anyMatch(m -> subject(m).contains("Yêu cầu bổ sung giấy tờ")));
    }

    private static boolean present(JsonObject object, String key) {
        return object.containsKey(key) && !object.isNull(key);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherCitizenAndAnotherAgencysOfficerCannotSeeTheDossier() {
        String code = submitBirth(an()).getString("code");
        assertProblem(get("api/v1/portal/me/dossiers/" + code, binh()), 404, "portal.dossier.not-found");
        assertProblem(
                postJson("api/v1/portal/me/dossiers/" + code + "/withdraw", binh(), "{}"),
                404,
                "portal.dossier.not-found");
        assertProblem(
                get("api/v1/portal/dossiers/" + code, person("onestop.benthuy")), 404, "portal.dossier.not-found");
        assertProblem(
                postJson("api/v1/portal/dossiers/" + code + "/accept", person("onestop.benthuy"), "{}"),
                404,
                "portal.dossier.not-found");
        HttpResponse<String> theirs = get("api/v1/portal/dossiers", person("onestop.benthuy"));
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertFalse(theirs.body().contains(code));
        // Staff of other roles are refused the officers' API altogether.
        assertEquals(
                403, get("api/v1/portal/dossiers/" + code, person("clerk.h41")).statusCode());
        // The applicant withdraws it; a second withdrawal is an illegal move.
        JsonObject withdrawn = json(postJson(
                        "api/v1/portal/me/dossiers/" + code + "/withdraw", an(), "{\"content\":\"Nộp nhầm\"}"))
                .asJsonObject();
        assertEquals(7, withdrawn.getInt("status"));
        assertProblem(
                postJson("api/v1/portal/me/dossiers/" + code + "/withdraw", an(), "{}"),
                409,
                "portal.dossier.transition-illegal");
    }

    @Test
    void anyoneLooksADossierUpByCodeAndPhoneWithoutSeeingPersonalData() {
        JsonObject dossier = submitBirth(an());
        String code = dossier.getString("code");
        HttpResponse<String> found = get("api/v1/portal/dossiers/lookup?code=" + code + "&phone=0912345678", null);
        assertEquals(200, found.statusCode(), found.headers().map() + " " + found.body());
        JsonObject view = json(found).asJsonObject();
        assertEquals(code, view.getString("code"));
        assertEquals(BIRTH, view.getString("procedureCode"));
        assertEquals(1, view.getInt("status"));
        assertEquals("Ủy ban nhân dân phường Hưng Dũng", view.getString("handlingUnit"));
        for (String personal : List.of(
                "Nguyễn Văn An", "0912345678", "345 678", "001088001234", "an.nguyen", "applicant", "phone", "email")) {
            assertFalse(found.body().contains(personal), personal + " in " + found.body());
        }
        assertEquals(
                200,
                get("api/v1/portal/dossiers/lookup?code=" + code + "&personalId=001088001234", null)
                        .statusCode());
        JsonObject wrong = assertProblem(
                get("api/v1/portal/dossiers/lookup?code=" + code + "&phone=0900000000", null),
                404,
                "portal.dossier.not-found");
        JsonObject unknown = assertProblem(
                get("api/v1/portal/dossiers/lookup?code=" + WARD + "-0000000000&phone=0912345678", null),
                404,
                "portal.dossier.not-found");
        assertEquals(unknown.getString("detail"), wrong.getString("detail"));
    }

    @Test
    void filesMustBeWhatTheySayAndProceduresTheirAssuranceLevel() {
        HttpResponse<String> disguised = postJson(
                "api/v1/portal/me/dossiers",
                an(),
                birthDossier(
                        WARD,
                        0,
                        file(
                                "TK-KS",
                                "to-khai.pdf",
                                "application/pdf",
                                "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1)),
                        file("GCS", "giay-chung-sinh.png", "image/png", PNG)));
        assertProblem(disguised, 400, "portal.component.content-mismatch");
        assertProblem(
                postJson(
                        "api/v1/portal/me/dossiers",
                        an(),
                        birthDossier(WARD, 0, file("TK-KS", "to-khai.pdf", "application/pdf", PDF))),
                400,
                "portal.component.missing");
        assertProblem(
                postJson(
                        "api/v1/portal/me/dossiers",
                        an(),
                        birthDossier(
                                "000.00.03.H41",
                                0,
                                file("TK-KS", "to-khai.pdf", "application/pdf", PDF),
                                file("GCS", "gcs.pdf", "application/pdf", PDF))),
                400,
                "portal.dossier.agency-invalid");
        String judicial = Json.createObjectBuilder()
                .add("procedureCode", JUDICIAL_RECORD)
                .add("agencyCode", "000.00.00.H41")
                .add("delivery", 0)
                .add("files", Json.createArrayBuilder())
                .build()
                .toString();
        assertProblem(postJson("api/v1/portal/me/dossiers", an(), judicial), 403, "portal.assurance.insufficient");
        // A token the citizens' realm did not sign is no citizen at all.
        String forged = an();
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        assertEquals(401, get("api/v1/portal/me/dossiers", tampered).statusCode());
        // Nor may an officer submit as a citizen.
        assertEquals(
                403,
                postJson("api/v1/portal/me/dossiers", person("onestop.hungdung"), judicial)
                        .statusCode());
    }

    @Test
    void dossiersSubmittedAtTheSameMomentGetDistinctConsecutiveCodes() throws Exception {
        String token = an();
        List<java.util.concurrent.CompletableFuture<String>> submissions = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submissions.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> submitBirth(token).getString("code")));
        }
        List<String> codes = new java.util.ArrayList<>();
        for (var submission : submissions) {
            codes.add(submission.get());
        }
        assertEquals(6, new HashSet<>(codes).size(), codes.toString());
        List<Integer> numbers = codes.stream()
                .map(c -> Integer.parseInt(c.substring(c.length() - 4)))
                .sorted()
                .toList();
        assertEquals(numbers.get(0) + 5, (int) numbers.get(5), "consecutive: " + numbers);
    }

    @Test
    void holidaysAreMaintainedBySystemAdministratorsOnly() {
        String day = "2099-01-02";
        assertEquals(
                403,
                put("api/v1/portal/holidays/" + day, person("onestop.hungdung"), "{\"name\":\"x\"}")
                        .statusCode());
        HttpResponse<String> created =
                put("api/v1/portal/holidays/" + day, person("sysadmin"), "{\"name\":\"Ngày thử nghiệm\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(get("api/v1/portal/holidays?year=2099", person("sysadmin"))
                .body()
                .contains("Ngày thử nghiệm"));
        assertEquals(
                200,
                put("api/v1/portal/holidays/" + day, person("sysadmin"), "{\"name\":\"Đổi tên\"}")
                        .statusCode());
        HttpRequest.Builder delete = HttpRequest.newBuilder(uri("api/v1/portal/holidays/" + day))
                .DELETE()
                .header("Authorization", "Bearer " + person("sysadmin"));
        assertEquals(204, send(delete).statusCode());
        assertProblem(send(delete), 404, "portal.holiday.not-found");
        assertProblem(
                put("api/v1/portal/holidays/2099-13-01", person("sysadmin"), "{\"name\":\"x\"}"),
                400,
                "portal.holiday.day-invalid");
    }
}
