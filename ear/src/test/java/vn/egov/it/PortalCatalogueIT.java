package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The procedure catalogue of the public portal, on the real EAR: citizens search and read it without
 * signing in (words without diacritics, fields, agencies, online levels, pages; one procedure as JSON
 * and as CPSV-AP JSON-LD; form templates), administrators maintain it (PUT, import with a dry run) and
 * nobody else can.
 */
@ExtendWith(ArquillianExtension.class)
class PortalCatalogueIT extends PlatformIT {

    private static final String PROCEDURES = "api/v1/portal/procedures";
    private static final String BIRTH = "1.001193";
    /** Published by Nghệ An and not yet published: a demo draft. */
    private static final String DRAFT = "1.009998";

    /** A fresh procedure code for this run, so the test can run against a database it ran on before. */
    private static String freshCode() {
        return "9." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    private HttpResponse<String> anonymous(String path) {
        return get(path, null);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }

    private static JsonArray items(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonObject().getJsonArray("items");
    }

    private static List<String> codes(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("code")).toList();
    }

    /** A national record as LayThuTuc gives it, published by the given agency. */
    private static String record(String code, String name, String publisher, boolean published) {
        return """
                {"MATTHC":"%s","TENTTHC":"%s","MACOQUANCONGBO":"%s","TRANGTHAI":"%s","MUCDO":"3","LOA":2,
                 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G12-HT","TENLINHVUC":"Hộ tịch"}],
                 "CACHTHUCTHUCHIEN":[
                   {"KENH":"1","THOIGIAN":[{"THOIGIANGIAIQUYET":"5","DONVITINH":"Ngày làm việc",
                      "PHILEPHI":[{"MAPHILEPHI":"LP","SOTIEN":"10.000","DONVI":"Đồng","MOTA":"Lệ phí"}]}]},
                   {"KENH":"2","THOIGIAN":[{"THOIGIANGIAIQUYET":"3","DONVITINH":"Ngày làm việc",
                      "PHILEPHI":[{"MAPHILEPHI":"LP","SOTIEN":"5000","DONVI":"Đồng","MOTA":"Lệ phí trực tuyến"}]}]}],
                 "THANHPHANHOSO":[{"GIAYTO":[{"MAGIAYTO":"TK","TENGIAYTO":"Tờ khai","TENMAUDON":"Mẫu tờ khai"}]}],
                 "KETQUATHUCHIEN":[{"MAKETQUA":"KQ","TENKETQUA":"Trích lục"}],
                 "CANCUPHAPLY":[{"SOVANBAN":"60/2014/QH13","TENVANBAN":"Luật Hộ tịch"}],
                 "COQUANTHUCHIEN":[{"MADONVI":"000.01.20.H41","TENDONVI":"Ủy ban nhân dân phường Hưng Dũng"}],
                 "MOTADOITUONGTHUCHIEN":"Công dân Việt Nam"}""".formatted(code, name, publisher, published ? "1" : "0");
    }

    @Test
    void aCitizenFindsProceduresByWordsWithoutDiacritics() {
        JsonArray found = items(anonymous(PROCEDURES + "?q=dang%20ky%20KHAI%20sinh"));
        List<String> codes = codes(found);
        assertTrue(codes.contains(BIRTH), codes::toString);
        assertTrue(codes.contains("1.004884"), "late birth registration too: " + codes);
        for (JsonValue v : found) {
            String name = fold(v.asJsonObject().getString("name"));
            String text = name + " " + v.asJsonObject().getJsonArray("fields");
            assertTrue(fold(text).contains("khai sinh"), name);
        }
        assertEquals(
                List.of(), codes(items(anonymous(PROCEDURES + "?q=khai%20sinh%20zzzzqq"))), "every word must occur");
        JsonArray byCode = items(anonymous(PROCEDURES + "?q=2.000505"));
        assertEquals(List.of("2.000505"), codes(byCode));
    }

    @Test
    void aCitizenFiltersByFieldAgencyAndOnlineLevel() {
        JsonArray criminal = items(anonymous(PROCEDURES + "?field=G12-LLTP"));
        assertEquals(List.of("2.000505"), codes(criminal));
        assertEquals(
                "Lý lịch tư pháp",
                criminal.getJsonObject(0)
                        .getJsonArray("fields")
                        .getJsonObject(0)
                        .getString("name"));

        JsonArray planning = items(anonymous(PROCEDURES + "?agency=000.00.03.H41&limit=100"));
        assertTrue(
                planning.size() >= 6,
                "business and investment registration at Nghệ An's planning department: " + planning);
        assertTrue(codes(planning).contains("2.002039"));
        for (JsonValue v : planning) {
            assertTrue(v.toString().contains("000.00.03.H41"), v.toString());
        }

        JsonArray information = items(anonymous(PROCEDURES + "?level=2&limit=100"));
        assertFalse(information.isEmpty());
        information.forEach(v -> assertEquals(2, v.asJsonObject().getInt("onlineLevel")));
        List<String> full = codes(items(anonymous(PROCEDURES + "?level=4&field=G12-HT&q=khai%20sinh")));
        assertTrue(full.contains(BIRTH) && full.contains("1.013029"), full::toString);
        assertFalse(full.contains("1.004884"), "late birth registration is level 3");

        assertProblem(anonymous(PROCEDURES + "?level=5"), 400, "portal.procedure.level-invalid");
        assertProblem(anonymous(PROCEDURES + "?level=three"), 400, "request.parameter.invalid");
        assertProblem(anonymous(PROCEDURES + "?q=khai%01sinh"), 400, "request.text.invalid");
        assertProblem(anonymous(PROCEDURES + "?field=" + "X".repeat(60)), 400, "portal.procedure.code-invalid");
    }

    @Test
    void pagesDoNotOverlapAndCountEveryPublishedProcedure() {
        JsonObject first = json(anonymous(PROCEDURES + "?limit=10&offset=0")).asJsonObject();
        JsonObject second = json(anonymous(PROCEDURES + "?limit=10&offset=10")).asJsonObject();
        long total = first.getJsonNumber("total").longValue();
        assertTrue(total >= 30, "at least 30 demo procedures: " + total);
        assertEquals(total, second.getJsonNumber("total").longValue());
        assertEquals(10, first.getJsonArray("items").size());
        assertEquals(10, second.getJsonArray("items").size());
        Set<String> seen = new HashSet<>(codes(first.getJsonArray("items")));
        codes(second.getJsonArray("items")).forEach(c -> assertTrue(seen.add(c), "twice: " + c));
        assertFalse(seen.contains(DRAFT), "an unpublished procedure is not listed to anonymous callers");
        List<String> all = codes(items(anonymous(PROCEDURES + "?limit=100")));
        assertEquals(total, all.size());
        assertFalse(all.contains(DRAFT));
    }

    @Test
    void aCitizenReadsAProcedureWithItsChannelsFeesAndForms() {
        HttpResponse<String> response = anonymous(PROCEDURES + "/" + BIRTH);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject p = json(response).asJsonObject();
        assertEquals("Thủ tục đăng ký khai sinh", p.getString("name"));
        assertEquals(4, p.getInt("onlineLevel"));
        assertEquals(1, p.getInt("assuranceLevel"));
        JsonArray channels = p.getJsonArray("channels");
        assertEquals(
                List.of("IN_PERSON", "ONLINE", "POSTAL"),
                channels.stream().map(c -> c.asJsonObject().getString("kind")).toList());
        JsonObject time = channels.getJsonObject(1).getJsonArray("timings").getJsonObject(0);
        assertEquals("WORKING_DAY", time.getString("unit"));
        assertEquals(1, time.getJsonNumber("amount").intValue());
        JsonObject fee = time.getJsonArray("fees").getJsonObject(0);
        assertEquals(0, fee.getJsonNumber("amount").intValue(), "on-time birth registration: 0 đ");
        assertEquals("CHARGE", fee.getString("kind"));
        JsonObject form = p.getJsonArray("components")
                .getJsonObject(0)
                .getJsonArray("documents")
                .getJsonObject(0);
        assertEquals("TK-KS", form.getString("code"));
        assertEquals("/api/v1/portal/procedures/1.001193/forms/TK-KS", form.getString("formDownload"));

        JsonObject criminal = json(anonymous(PROCEDURES + "/2.000505")).asJsonObject();
        JsonObject tenDays = criminal.getJsonArray("channels")
                .getJsonObject(0)
                .getJsonArray("timings")
                .getJsonObject(0);
        assertEquals(
                200000,
                tenDays.getJsonArray("fees")
                        .getJsonObject(0)
                        .getJsonNumber("amount")
                        .intValue());
        assertEquals(2, criminal.getInt("assuranceLevel"));

        assertProblem(anonymous(PROCEDURES + "/9.404404404"), 404, "portal.procedure.not-found");
        assertProblem(anonymous(PROCEDURES + "/bad%20code"), 400, "portal.procedure.code-invalid");
    }

    @Test
    void aProcedureIsACpsvApPublicServiceInJsonLd() {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri(PROCEDURES + "/2.000505")).GET().header("Accept", "application/ld+json"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonObject s = json(response).asJsonObject();
        assertEquals("PublicService", s.getString("@type"));
        assertEquals("cpsv:PublicService", s.getJsonObject("@context").getString("PublicService"));
        assertEquals("urn:vn:tthc:2.000505", s.getString("@id"));
        assertEquals(3, s.getJsonArray("hasChannel").size());
        assertEquals("P10D", s.getString("processingTime"));
        JsonObject cost = s.getJsonArray("hasCost").getJsonObject(0);
        assertEquals("Cost", cost.getString("@type"));
        assertEquals(200000, cost.getJsonNumber("value").intValue());
        assertEquals("urn:vn:tthc:2.000505#channel-1", cost.getString("ifAccessedThrough"));
        assertEquals("Evidence", s.getJsonArray("hasInput").getJsonObject(0).getString("@type"));
        assertEquals("Output", s.getJsonArray("produces").getJsonObject(0).getString("@type"));
        assertEquals(
                "LegalResource",
                s.getJsonArray("hasLegalResource").getJsonObject(0).getString("@type"));
    }

    @Test
    void anUnpublishedProcedureIsHiddenFromEveryoneButItsAdministrators() {
        assertProblem(anonymous(PROCEDURES + "/" + DRAFT), 404, "portal.procedure.not-found");
        assertProblem(get(PROCEDURES + "/" + DRAFT, token("000.00.00.H41")), 404, "portal.procedure.not-found");
        assertProblem(get(PROCEDURES + "/" + DRAFT, person("admin.g22")), 404, "portal.procedure.not-found");
        HttpResponse<String> own = get(PROCEDURES + "/" + DRAFT, person("admin.h41"));
        assertEquals(200, own.statusCode(), own.body());
        assertFalse(json(own).asJsonObject().getBoolean("published"));
        assertTrue(
                codes(items(get(PROCEDURES + "?limit=100", person("sysadmin")))).contains(DRAFT));
    }

    @Test
    void nobodyChangesTheCatalogueWithoutBeingItsAdministrator() {
        String code = freshCode();
        HttpResponse<String> anonymousPut = send(HttpRequest.newBuilder(uri(PROCEDURES + "/" + code))
                .PUT(HttpRequest.BodyPublishers.ofString(record(code, "Thủ tục thử", "000.00.00.G12", true)))
                .header("Content-Type", "application/json"));
        assertEquals(401, anonymousPut.statusCode(), anonymousPut.body());
        HttpResponse<String> anonymousImport = send(HttpRequest.newBuilder(uri(PROCEDURES + "/import?dryRun=true"))
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .header("Content-Type", "application/json"));
        assertEquals(401, anonymousImport.statusCode(), anonymousImport.body());
        assertProblem(
                put(
                        PROCEDURES + "/" + code,
                        token("000.00.00.H41"),
                        record(code, "Thủ tục thử", "000.00.00.G12", true)),
                403,
                "auth.forbidden");
        // Nghệ An's administrator may not maintain what the Ministry of Justice publishes.
        assertProblem(
                put(PROCEDURES + "/" + code, person("admin.h41"), record(code, "Thủ tục thử", "000.00.00.G12", true)),
                403,
                "portal.procedure.forbidden");
        assertProblem(
                put(
                        PROCEDURES + "/" + BIRTH,
                        person("admin.h41"),
                        record(BIRTH, "Thủ tục đăng ký khai sinh", "000.00.00.H41", true)),
                403,
                "portal.procedure.forbidden");
        assertProblem(anonymous(PROCEDURES + "/" + code), 404, "portal.procedure.not-found");
    }

    @Test
    void anAdministratorPublishesAndCorrectsAProcedure() {
        String code = freshCode();
        HttpResponse<String> created = put(
                PROCEDURES + "/" + code,
                person("sysadmin"),
                record(code, "Thủ tục cấp trích lục thử nghiệm", "000.00.00.G12", true));
        assertEquals(200, created.statusCode(), created.body());
        JsonObject p = json(created).asJsonObject();
        assertEquals(3, p.getInt("onlineLevel"));
        assertEquals(2, p.getInt("assuranceLevel"));
        assertEquals(
                10000,
                p.getJsonArray("channels")
                        .getJsonObject(0)
                        .getJsonArray("timings")
                        .getJsonObject(0)
                        .getJsonArray("fees")
                        .getJsonObject(0)
                        .getJsonNumber("amount")
                        .intValue());
        assertEquals(List.of(code), codes(items(anonymous(PROCEDURES + "?q=trich%20luc%20thu%20nghiem"))));

        // Nghệ An's administrator maintains what Nghệ An publishes.
        HttpResponse<String> local = put(
                PROCEDURES + "/" + code,
                person("admin.h41"),
                record(code, "Thủ tục cấp trích lục thử nghiệm", "000.00.00.H41", false));
        assertEquals(403, local.statusCode(), "still the Ministry's procedure: " + local.body());
        String nghean = freshCode();
        assertEquals(
                200,
                put(
                                PROCEDURES + "/" + nghean,
                                person("admin.h41"),
                                record(nghean, "Thủ tục riêng của tỉnh Nghệ An", "000.00.00.H41", false))
                        .statusCode());
        assertProblem(anonymous(PROCEDURES + "/" + nghean), 404, "portal.procedure.not-found");

        JsonObject invalid =
                assertProblem(put(PROCEDURES + "/" + code, person("sysadmin"), """
                {"TENTTHC":"","MACOQUANCONGBO":"000.00.00.G12","MUCDO":"7",
                 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G12-HT","TENLINHVUC":"Hộ tịch"}],
                 "CACHTHUCTHUCHIEN":[{"KENH":"1","THOIGIAN":[{"THOIGIANGIAIQUYET":"5","DONVITINH":"tuần"}]}],
                 "COQUANTHUCHIEN":[{"MADONVI":"000.01.20.H41","TENDONVI":"UBND"}]}"""), 400, "portal.procedure.invalid");
        List<String> fields = invalid.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(
                fields.containsAll(List.of("TENTTHC", "MUCDO", "CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH")),
                fields::toString);
        assertProblem(
                put(PROCEDURES + "/" + code, person("sysadmin"), record("1.000001", "Khác", "000.00.00.G12", true)),
                400,
                "portal.procedure.code-mismatch");
        JsonObject control = assertProblem(
                put(
                        PROCEDURES + "/" + code,
                        person("sysadmin"),
                        record(code, "Tên\\u0007có ký tự điều khiển", "000.00.00.G12", true)),
                400,
                "portal.procedure.invalid");
        assertEquals(
                "request.text.invalid",
                control.getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals("TENTTHC", control.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(put(PROCEDURES + "/" + code, person("sysadmin"), "{\"MATTHC\":"), 400, "request.malformed");
        assertEquals(
                "Thủ tục cấp trích lục thử nghiệm",
                json(anonymous(PROCEDURES + "/" + code)).asJsonObject().getString("name"),
                "refusals changed nothing");
    }

    @Test
    void anImportIsTriedWithADryRunThenWrittenWithABadRecordRefusedAlone() {
        String a = freshCode();
        String b = freshCode();
        String bad = freshCode();
        String body = "[" + record(a, "Thủ tục nhập thử A", "000.00.00.G12", true) + ","
                + record(b, "Thủ tục nhập thử B", "000.00.00.G12", true) + ","
                + record(bad, "Thủ tục nhập thử lỗi", "000.00.00.G12", true)
                        .replace("\"DONVITINH\":\"Ngày làm việc\"", "\"DONVITINH\":\"tuần\"")
                + "]";
        String token = token("sysadmin-client");
        HttpResponse<String> dry = postJson(PROCEDURES + "/import?dryRun=true", token, body);
        assertEquals(200, dry.statusCode(), dry.body());
        JsonObject report = json(dry).asJsonObject();
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(2, report.getInt("created"));
        assertEquals(1, report.getInt("refused"));
        JsonObject refused = report.getJsonArray("records").getJsonObject(2);
        assertEquals("REFUSED", refused.getString("outcome"));
        assertEquals(bad, refused.getString("code"));
        assertEquals(
                "portal.procedure.unit-unknown",
                refused.getJsonArray("reasons").getJsonObject(0).getString("code"));
        assertProblem(anonymous(PROCEDURES + "/" + a), 404, "portal.procedure.not-found");

        JsonObject written =
                json(postJson(PROCEDURES + "/import?dryRun=false", token, body)).asJsonObject();
        assertFalse(written.getBoolean("dryRun"));
        assertEquals(
                List.of("CREATED", "CREATED", "REFUSED"),
                written.getJsonArray("records").stream()
                        .map(r -> r.asJsonObject().getString("outcome"))
                        .toList());
        assertEquals(200, anonymous(PROCEDURES + "/" + a).statusCode());
        assertEquals(200, anonymous(PROCEDURES + "/" + b).statusCode());
        assertProblem(anonymous(PROCEDURES + "/" + bad), 404, "portal.procedure.not-found");

        String again = "[" + record(a, "Thủ tục nhập thử A (sửa đổi)", "000.00.00.G12", true) + ","
                + record(b, "Thủ tục nhập thử B", "000.00.00.G12", true) + "]";
        JsonObject second = json(postJson(PROCEDURES + "/import?dryRun=false", token, again))
                .asJsonObject();
        assertEquals(
                List.of("UPDATED", "UNCHANGED"),
                second.getJsonArray("records").stream()
                        .map(r -> r.asJsonObject().getString("outcome"))
                        .toList());
        assertEquals(
                "Thủ tục nhập thử A (sửa đổi)",
                json(anonymous(PROCEDURES + "/" + a)).asJsonObject().getString("name"));

        // Nghệ An's administrator imports: its own record goes in, the Ministry's is refused alone.
        String own = freshCode();
        JsonObject mixed = json(postJson(
                        PROCEDURES + "/import?dryRun=false",
                        person("admin.h41"),
                        "["
                                + record(own, "Thủ tục của tỉnh", "000.00.00.H41", true) + ","
                                + record(freshCode(), "Thủ tục của Bộ", "000.00.00.G12", true) + "]"))
                .asJsonObject();
        assertEquals(1, mixed.getInt("created"));
        assertEquals(
                "portal.procedure.forbidden",
                mixed.getJsonArray("records")
                        .getJsonObject(1)
                        .getJsonArray("reasons")
                        .getJsonObject(0)
                        .getString("code"));
        assertProblem(postJson(PROCEDURES + "/import?dryRun=maybe", token, body), 400, "request.parameter.invalid");
        assertProblem(postJson(PROCEDURES + "/import", token, "\"1.001193\""), 400, "portal.procedure.import-invalid");
    }

    @Test
    void aCitizenDownloadsAFormTemplateAndOnlyRealDocumentsAreStored() {
        HttpResponse<byte[]> pdf = bytes(HttpRequest.newBuilder(uri(PROCEDURES + "/" + BIRTH + "/forms/TK-KS"))
                .GET());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(pdf.body().length < 100_000, "a small file");
        assertProblem(anonymous(PROCEDURES + "/" + BIRTH + "/forms/GCS"), 404, "portal.procedure.form-not-found");

        String code = freshCode();
        assertEquals(
                200,
                put(
                                PROCEDURES + "/" + code,
                                person("sysadmin"),
                                record(code, "Thủ tục có mẫu đơn", "000.00.00.G12", true))
                        .statusCode());
        String form = PROCEDURES + "/" + code + "/forms/TK?name=to-khai.pdf";
        HttpResponse<String> html = send(HttpRequest.newBuilder(uri(form))
                .PUT(HttpRequest.BodyPublishers.ofString("<html><script>alert(1)</script></html>"))
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + person("sysadmin")));
        assertProblem(html, 400, "portal.procedure.form-type");
        HttpResponse<String> notAComponent =
                send(HttpRequest.newBuilder(uri(PROCEDURES + "/" + code + "/forms/KHAC?name=a.pdf"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf.body()))
                        .header("Content-Type", "application/pdf")
                        .header("Authorization", "Bearer " + person("sysadmin")));
        assertProblem(notAComponent, 404, "portal.procedure.form-not-found");
        HttpResponse<String> stored = send(HttpRequest.newBuilder(uri(form))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf.body()))
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + person("sysadmin")));
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(pdf.body().length, json(stored).asJsonObject().getInt("sizeBytes"));
        HttpResponse<byte[]> back = bytes(HttpRequest.newBuilder(uri(PROCEDURES + "/" + code + "/forms/TK"))
                .GET());
        assertEquals(200, back.statusCode());
        assertArrayEquals(pdf.body(), back.body());
        assertEquals(
                "/api/v1/portal/procedures/" + code + "/forms/TK",
                json(anonymous(PROCEDURES + "/" + code))
                        .asJsonObject()
                        .getJsonArray("components")
                        .getJsonObject(0)
                        .getJsonArray("documents")
                        .getJsonObject(0)
                        .getString("formDownload"));
    }

    @Test
    void thePortalsPagesAnswerForAProcedureAndRefuseWhatIsNotThere() {
        HttpResponse<String> search =
                send(HttpRequest.newBuilder(uri("portal/procedures.xhtml?q=dang%20ky%20khai%20sinh"))
                        .GET());
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("Thủ tục đăng ký khai sinh"), search.body());
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("portal/procedure.xhtml?code=" + BIRTH))
                .GET());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("dossiers/new.xhtml?procedure=1.001193"), page.body());
        assertEquals(
                404,
                send(HttpRequest.newBuilder(uri("portal/procedure.xhtml?code=9.404404404"))
                                .GET())
                        .statusCode());
        assertEquals(
                404,
                send(HttpRequest.newBuilder(uri("portal/procedure.xhtml?code=" + DRAFT))
                                .GET())
                        .statusCode());
        assertEquals(
                400,
                send(HttpRequest.newBuilder(uri("portal/procedure.xhtml?code=a%20b"))
                                .GET())
                        .statusCode());
        HttpResponse<String> level = send(
                HttpRequest.newBuilder(uri("portal/procedures.xhtml?level=9")).GET());
        assertEquals(200, level.statusCode());
        assertTrue(level.body().contains("Điều kiện tìm kiếm không hợp lệ."), level.body());
    }

    @Test
    void fieldsAndAgenciesAreListedForTheSearch() {
        HttpResponse<String> fields = anonymous("api/v1/portal/fields");
        assertEquals(200, fields.statusCode(), fields.body());
        List<String> fieldCodes = json(fields).asJsonArray().stream()
                .map(f -> f.asJsonObject().getString("code"))
                .toList();
        assertTrue(
                fieldCodes.containsAll(List.of("G12-HT", "G05-DN", "G15-XD", "G13-DD", "G23-BHYT")),
                fieldCodes::toString);
        JsonArray agencies = json(anonymous("api/v1/portal/agencies")).asJsonArray();
        assertTrue(agencies.stream()
                .anyMatch(a -> a.asJsonObject().getString("name").equals("Ủy ban nhân dân phường Hưng Dũng")));
    }
}
