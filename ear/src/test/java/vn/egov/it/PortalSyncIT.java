package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Status sync as agencies' one-stop systems use it: batches of dossiers and steps checked record by
 * record, repeats that change nothing, late steps that never roll a status back, the DVCQG adapter
 * shape an OpenCPS-style client speaks, agency scoping, code mappings and the batch bound.
 */
@ExtendWith(ArquillianExtension.class)
class PortalSyncIT extends PlatformIT {

    private static final String NGHE_AN_SYSTEM = "000.00.00.H41-motcua";
    private static final String THANH_HOA_SYSTEM = "000.00.00.H56-motcua";
    private static final DateTimeFormatter SYNC = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** A run's own dossier codes, so the class may run again on the same database. */
    private static final String RUN =
            UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private static String at(int days, int hour, int minute) {
        return SYNC.format(inVietnam(days, hour).plusMinutes(minute).atZoneSameInstant(VIETNAM));
    }

    private static String code(String prefix, int n) {
        return prefix + "-" + RUN + "-" + String.format("%04d", n);
    }

    private static JsonObjectBuilder dossier(String code, String status) {
        return Json.createObjectBuilder()
                .add("MaHoSo", code)
                .add("MaTTHC", "1.001234")
                .add("TenTTHC", "Đăng ký khai sinh")
                .add("MaLinhVuc", "HT")
                .add("TenLinhVuc", "Hộ tịch")
                .add("LoaiDoiTuong", "1")
                .add("ChuHoSo", "Nguyễn Văn An")
                .add("Email", "an.nguyen@example.vn")
                .add("SoDienThoai", "0912345678")
                .add("TrichYeuHoSo", "Đăng ký khai sinh cho con")
                .add("NgayTiepNhan", at(-2, 8, 0))
                .add("NgayHenTra", at(3, 17, 0))
                .add("TrangThaiHoSo", status)
                .add("HinhThuc", "0")
                .add("DonViXuLy", "UBND xã Hưng Lộc")
                .add("SoBienNhan", "BN-" + code)
                .add(
                        "DanhSachLePhi",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("TenPhiLePhi", "Lệ phí")
                                        .add("MucPhi", 8000)));
    }

    private static JsonObjectBuilder step(String code, String status, String when) {
        return Json.createObjectBuilder()
                .add("MaHoSo", code)
                .add("NguoiXuLy", "Trần Thị Bình")
                .add("ChucDanh", "Công chức tư pháp - hộ tịch")
                .add("ThoiDiemXuLy", when)
                .add("PhongBanXuLy", "Bộ phận một cửa")
                .add("NoiDungXuLy", "Xử lý hồ sơ")
                .add("TrangThai", status)
                .add("NgayBatDau", at(-2, 8, 0))
                .add("NgayKetThucTheoQuyDinh", at(3, 17, 0));
    }

    private JsonObject sync(String path, String client, JsonArray records) {
        HttpResponse<String> response = postJson("api/v1/portal/sync/" + path, token(client), records.toString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private JsonObject lookUp(String client, String code) {
        HttpResponse<String> response = get("api/v1/portal/sync/dossiers/" + code, token(client));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private static JsonObject result(JsonObject answer, int index) {
        JsonObject r = answer.getJsonArray("results").getJsonObject(index);
        assertEquals(index, r.getInt("index"));
        return r;
    }

    @Test
    void oneStopSystemSyncsAThousandDossiersAndTheirStepsInBatchesOfAHundred() {
        int accepted = 0;
        JsonArray firstBatch = null;
        JsonObject firstAnswer = null;
        for (int batch = 0; batch < 10; batch++) {
            JsonArrayBuilder records = Json.createArrayBuilder();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                JsonObjectBuilder record = dossier(code("BULK", n), "2");
                if (n == 310) {
                    record.remove("Email");
                } else if (n == 311) {
                    record.add("TrichYeuHoSo", "Khai sinh\u0000");
                } else if (n == 312) {
                    record.add("NgayHenTra", "20261332250000");
                } else if (n == 313) {
                    record.add("LoaiDoiTuong", "7");
                } else if (n == 314) {
                    record.add("TenTTHC", "x".repeat(1001));
                }
                records.add(record);
            }
            JsonArray sent = records.build();
            JsonObject answer = sync("dossiers", NGHE_AN_SYSTEM, sent);
            if (batch == 0) {
                firstBatch = sent;
                firstAnswer = answer;
            }
            assertEquals(100, answer.getInt("received"));
            if (batch == 3) {
                assertEquals(95, answer.getInt("accepted"), answer.toString());
                assertEquals(5, answer.getInt("refused"));
                JsonObject missing = result(answer, 10);
                assertFalse(missing.getBoolean("accepted"));
                assertEquals("portal.sync.field.missing", missing.getString("code"));
                assertEquals("Email", missing.getString("field"));
                assertEquals(code("BULK", 310), missing.getString("MaHoSo"));
                assertTrue(missing.getString("message").contains("bắt buộc"), missing.toString());
                assertEquals("request.text.invalid", result(answer, 11).getString("code"));
                assertEquals("TrichYeuHoSo", result(answer, 11).getString("field"));
                assertEquals("portal.sync.date.invalid", result(answer, 12).getString("code"));
                assertEquals("portal.sync.field.invalid", result(answer, 13).getString("code"));
                assertEquals("portal.sync.field.too-long", result(answer, 14).getString("code"));
                assertTrue(result(answer, 15).getBoolean("accepted"));
            } else {
                assertEquals(100, answer.getInt("accepted"), answer.toString());
            }
            assertEquals(answer.getInt("accepted"), answer.getInt("written"));
            assertEquals(answer.getInt("accepted"), answer.getInt("notices"), "one e-mail per new dossier");
            accepted += answer.getInt("accepted");
        }
        assertEquals(995, accepted);
        // The refused records were refused alone: nothing of them was stored, their neighbours were.
        assertProblem(
                get("api/v1/portal/sync/dossiers/" + code("BULK", 310), token(NGHE_AN_SYSTEM)),
                404,
                "portal.sync.dossier.unknown");
        JsonObject neighbour = lookUp(NGHE_AN_SYSTEM, code("BULK", 309));
        assertEquals("2", neighbour.getString("TrangThaiHoSo"));
        assertEquals("BN-" + code("BULK", 309), neighbour.getString("SoBienNhan"), "optional fields kept as sent");
        assertEquals(
                8000, neighbour.getJsonArray("DanhSachLePhi").getJsonObject(0).getInt("MucPhi"));
        assertEquals("000.00.00.H41", neighbour.getString("MaDonVi"));

        // Steps: processing, then finished, for every dossier, in batches of 100.
        for (String[] progress : List.of(new String[] {"4", at(-1, 9, 0)}, new String[] {"9", at(-1, 15, 0)})) {
            for (int batch = 0; batch < 10; batch++) {
                JsonArrayBuilder steps = Json.createArrayBuilder();
                for (int i = 0; i < 100; i++) {
                    steps.add(step(code("BULK", batch * 100 + i), progress[0], progress[1]));
                }
                JsonObject answer = sync("progress", NGHE_AN_SYSTEM, steps.build());
                int expected = batch == 3 ? 95 : 100;
                assertEquals(expected, answer.getInt("accepted"), answer.toString());
                assertEquals(expected, answer.getInt("written"));
                assertEquals(expected, answer.getInt("notices"), "one e-mail per status change");
                if (batch == 3) {
                    assertEquals(
                            "portal.sync.dossier.unknown", result(answer, 10).getString("code"));
                }
            }
        }
        JsonObject finished = lookUp(NGHE_AN_SYSTEM, code("BULK", 42));
        assertEquals("9", finished.getString("TrangThaiHoSo"));
        assertEquals(at(-1, 15, 0), finished.getString("NgayKetThucXuLy"));
        assertEquals(2, finished.getJsonArray("TienDo").size());
        long version = finished.getJsonNumber("PhienBan").longValue();

        // A repeated batch: the same answer, nothing written, no second e-mail.
        JsonObject again = sync("dossiers", NGHE_AN_SYSTEM, firstBatch);
        assertEquals(firstAnswer.getJsonArray("results"), again.getJsonArray("results"));
        assertEquals(0, again.getInt("written"), again.toString());
        assertEquals(0, again.getInt("notices"));
        JsonArrayBuilder repeatSteps = Json.createArrayBuilder();
        for (int i = 0; i < 100; i++) {
            repeatSteps.add(step(code("BULK", i), "9", at(-1, 15, 0)));
        }
        JsonObject repeated = sync("progress", NGHE_AN_SYSTEM, repeatSteps.build());
        assertEquals(100, repeated.getInt("accepted"));
        assertEquals(0, repeated.getInt("written"));
        assertEquals(0, repeated.getInt("notices"));
        assertEquals(
                version,
                lookUp(NGHE_AN_SYSTEM, code("BULK", 42))
                        .getJsonNumber("PhienBan")
                        .longValue());

        // A late, older step: kept in the timeline, the status stays the newer one, no e-mail.
        JsonObject late = sync(
                "progress",
                NGHE_AN_SYSTEM,
                Json.createArrayBuilder()
                        .add(step(code("BULK", 42), "5", at(-1, 11, 0)))
                        .build());
        assertTrue(result(late, 0).getBoolean("accepted"));
        assertEquals(1, late.getInt("written"));
        assertEquals(0, late.getInt("notices"));
        JsonObject after = lookUp(NGHE_AN_SYSTEM, code("BULK", 42));
        assertEquals("9", after.getString("TrangThaiHoSo"));
        JsonArray timeline = after.getJsonArray("TienDo");
        assertEquals(3, timeline.size());
        assertEquals(
                List.of("4", "5", "9"),
                timeline.getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("TrangThai"))
                        .toList(),
                "the timeline in the order things happened");
        // An older dossier record (status 2 as of the receipt) does not roll the status back either.
        JsonObject stale = sync(
                "dossiers",
                NGHE_AN_SYSTEM,
                Json.createArrayBuilder().add(dossier(code("BULK", 42), "2")).build());
        assertTrue(result(stale, 0).getBoolean("accepted"));
        assertEquals(0, stale.getInt("notices"));
        assertEquals("9", lookUp(NGHE_AN_SYSTEM, code("BULK", 42)).getString("TrangThaiHoSo"));
    }

    private HttpResponse<String> adapter(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(uri("api/v1/portal/dvcqg/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json")
                .header("dstcode", "000.00.00.H41"));
    }

    private JsonObject adapterJson(String path, JsonObject body) {
        HttpResponse<String> response = adapter(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return json(response).asJsonObject();
    }

    @Test
    void anOpenCpsStyleClientLogsInLooksUpSyncsAndReportsProgressThroughTheAdapter() {
        JsonObject login = adapterJson(
                "auth",
                Json.createObjectBuilder()
                        .add("username", NGHE_AN_SYSTEM)
                        .add("password", DEMO_SECRET)
                        .build());
        assertEquals(0, login.getInt("error_code"), login.toString());
        String session = login.getString("session");
        String code = code("ADAPTER", 1);

        JsonObject unknown = adapterJson(
                "share",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("madonvi", "000.00.00.H41")
                        .add("service", "TraCuuHoSo")
                        .add("mahoso", code)
                        .build());
        assertEquals(0, unknown.getInt("error_code"));
        assertEquals(0, unknown.getJsonArray("result").size(), "the portal does not know it yet");

        JsonObject synced = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("madonvi", "000.00.00.H41")
                        .add("service", "DongBoHoSoMC")
                        .add("isUpdating", "False")
                        .add("data", Json.createArrayBuilder().add(dossier(code, "2")))
                        .build());
        assertEquals(0, synced.getInt("error_code"), synced.toString());
        assertEquals(0, synced.getJsonArray("result").getJsonObject(0).getInt("error_code"));

        JsonObject progress = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("madonvi", "000.00.00.H41")
                        .add("service", "CapNhatTienDoHoSoMC")
                        .add("data", Json.createArrayBuilder().add(step(code, "4", at(-1, 10, 0))))
                        .build());
        assertEquals(0, progress.getInt("error_code"), progress.toString());

        JsonObject updated = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("madonvi", "000.00.00.H41")
                        .add("service", "DongBoHoSoMC")
                        .add("isUpdating", "True")
                        .add(
                                "data",
                                Json.createArrayBuilder()
                                        .add(dossier(code, "4").add("TrichYeuHoSo", "Khai sinh, bản sửa")))
                        .build());
        assertEquals(0, updated.getInt("error_code"), updated.toString());

        JsonObject found = adapterJson(
                "share",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("service", "TraCuuHoSo")
                        .add("mahoso", code)
                        .build());
        assertEquals(0, found.getInt("error_code"));
        JsonObject record = found.getJsonArray("result").getJsonObject(0);
        assertEquals(code, record.getString("MaHoSo"));
        assertEquals("4", record.getString("TrangThaiHoSo"));
        assertEquals("Khai sinh, bản sửa", record.getString("TrichYeuHoSo"));

        // One bad record: error_code non-zero, the record's own reason in result.
        JsonObject bad = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("service", "DongBoHoSoMC")
                        .add("isUpdating", "False")
                        .add(
                                "data",
                                Json.createArrayBuilder()
                                        .add(dossier(code("ADAPTER", 2), "2").add("NgayTiepNhan", "hôm qua")))
                        .build());
        assertEquals(1, bad.getInt("error_code"), bad.toString());
        assertEquals(
                "portal.sync.date.invalid",
                bad.getJsonArray("result").getJsonObject(0).getString("code"));

        JsonObject wrongUpdating = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("service", "DongBoHoSoMC")
                        .add("isUpdating", "Maybe")
                        .add("data", Json.createArrayBuilder())
                        .build());
        assertEquals(400, wrongUpdating.getInt("error_code"));

        JsonObject wrongSession = adapterJson(
                "integration",
                Json.createObjectBuilder()
                        .add("session", session.substring(0, session.length() - 4) + "AAAA")
                        .add("service", "DongBoHoSoMC")
                        .add("isUpdating", "False")
                        .add("data", Json.createArrayBuilder().add(dossier(code("ADAPTER", 3), "2")))
                        .build());
        assertNotEquals(0, wrongSession.getInt("error_code"));
        assertEquals("portal.dvcqg.session.invalid", wrongSession.getString("code"));
        assertTrue(wrongSession.containsKey("message"));
        assertEquals(
                0,
                adapterJson(
                                "share",
                                Json.createObjectBuilder()
                                        .add("session", session)
                                        .add("service", "TraCuuHoSo")
                                        .add("mahoso", code("ADAPTER", 3))
                                        .build())
                        .getJsonArray("result")
                        .size());

        JsonObject unknownService = adapterJson(
                "share",
                Json.createObjectBuilder()
                        .add("session", session)
                        .add("service", "DongBoHoSoMC")
                        .build());
        assertEquals("portal.dvcqg.service.unknown", unknownService.getString("code"));

        JsonObject wrongPassword = adapterJson(
                "auth",
                Json.createObjectBuilder()
                        .add("username", NGHE_AN_SYSTEM)
                        .add("password", "not-the-secret")
                        .build());
        assertEquals(401, wrongPassword.getInt("error_code"));
        assertFalse(wrongPassword.containsKey("session"));
        JsonObject notASystem = adapterJson(
                "auth",
                Json.createObjectBuilder()
                        .add("username", "000.00.00.H41")
                        .add("password", DEMO_SECRET)
                        .build());
        assertEquals(403, notASystem.getInt("error_code"), "a document system's client is no one-stop system");
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("api/v1/portal/dvcqg/integration"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\": "))
                .header("Content-Type", "application/json"));
        assertEquals(200, malformed.statusCode());
        assertEquals(400, json(malformed).asJsonObject().getInt("error_code"));
    }

    @Test
    void anotherAgencysSystemCannotTouchOrSeeADossier() {
        String code = code("SCOPE", 1);
        assertTrue(result(
                        sync(
                                "dossiers",
                                NGHE_AN_SYSTEM,
                                Json.createArrayBuilder()
                                        .add(dossier(code, "2"))
                                        .build()),
                        0)
                .getBoolean("accepted"));
        assertProblem(
                get("api/v1/portal/sync/dossiers/" + code, token(THANH_HOA_SYSTEM)),
                404,
                "portal.sync.dossier.unknown");
        JsonObject step = sync(
                "progress",
                THANH_HOA_SYSTEM,
                Json.createArrayBuilder().add(step(code, "3", at(-1, 9, 0))).build());
        assertEquals("portal.sync.dossier.unknown", result(step, 0).getString("code"));
        JsonObject overwrite = sync(
                "dossiers",
                THANH_HOA_SYSTEM,
                Json.createArrayBuilder().add(dossier(code, "3")).build());
        assertEquals("portal.sync.dossier.unknown", result(overwrite, 0).getString("code"));
        assertEquals("2", lookUp(NGHE_AN_SYSTEM, code).getString("TrangThaiHoSo"));
        assertEquals(0, lookUp(NGHE_AN_SYSTEM, code).getJsonArray("TienDo").size());
        // A district below the province is the province's system's to report for, another province is not.
        JsonObject district = json(postJson(
                        "api/v1/portal/sync/dossiers?madonvi=000.00.20.H41",
                        token(NGHE_AN_SYSTEM),
                        Json.createArrayBuilder()
                                .add(dossier(code("SCOPE", 2), "2"))
                                .build()
                                .toString()))
                .asJsonObject();
        assertTrue(result(district, 0).getBoolean("accepted"), district.toString());
        assertEquals("000.00.20.H41", lookUp(NGHE_AN_SYSTEM, code("SCOPE", 2)).getString("MaDonVi"));
        assertProblem(
                postJson(
                        "api/v1/portal/sync/dossiers?madonvi=000.00.00.H41",
                        token(THANH_HOA_SYSTEM),
                        Json.createArrayBuilder()
                                .add(dossier(code("SCOPE", 3), "2"))
                                .build()
                                .toString()),
                403,
                "portal.sync.agency.foreign");
        // A document system's client is no one-stop system.
        assertProblem(postJson("api/v1/portal/sync/dossiers", token("000.00.00.H41"), "[]"), 403, "auth.forbidden");
        assertProblem(postJson("api/v1/portal/sync/dossiers", null, "[]"), 401, "auth.unauthenticated");
    }

    @Test
    void mappingsTranslateALocalProcedureAndStatusCode() {
        String admin = person("admin.h41");
        HttpResponse<String> procedure = put(
                "api/v1/portal/mappings/procedure/NA-KS-01",
                admin,
                "{\"nationalCode\":\"1.001193\",\"nationalName\":\"Đăng ký khai sinh\"}");
        assertEquals(200, procedure.statusCode(), procedure.body());
        assertEquals("1.001193", json(procedure).asJsonObject().getString("nationalCode"));
        assertEquals(
                200,
                put("api/v1/portal/mappings/status/dang-xu-ly", admin, "{\"nationalCode\":\"4\"}")
                        .statusCode());
        assertProblem(
                put("api/v1/portal/mappings/status/lung-tung", admin, "{\"nationalCode\":\"11\"}"),
                400,
                "portal.mapping.invalid");
        assertProblem(
                put(
                        "api/v1/portal/mappings/procedure/NA-KS-01?agency=000.00.00.H56",
                        admin,
                        "{\"nationalCode\":\"1\"}"),
                404,
                "portal.mapping.not-found");
        assertProblem(get("api/v1/portal/mappings/colour/x", admin), 404, "portal.mapping.kind.unknown");
        assertProblem(get("api/v1/portal/mappings/procedure/NA-KS-01", token(NGHE_AN_SYSTEM)), 403, "auth.forbidden");

        // A district's dossier: the province's mapping holds for the agencies below it.
        String code = code("MAP", 1);
        JsonObject answer = json(postJson(
                        "api/v1/portal/sync/dossiers?madonvi=000.00.20.H41",
                        token(NGHE_AN_SYSTEM),
                        Json.createArrayBuilder()
                                .add(dossier(code, "dang-xu-ly").add("MaTTHC", "NA-KS-01"))
                                .add(dossier(code("MAP", 2), "chua-anh-xa"))
                                .build()
                                .toString()))
                .asJsonObject();
        assertTrue(result(answer, 0).getBoolean("accepted"), answer.toString());
        assertEquals("portal.sync.status.invalid", result(answer, 1).getString("code"));
        JsonObject mapped = lookUp(NGHE_AN_SYSTEM, code);
        assertEquals("1.001193", mapped.getString("MaTTHC"));
        assertEquals("4", mapped.getString("TrangThaiHoSo"));

        JsonArray listed = json(get("api/v1/portal/mappings/procedure", admin)).asJsonArray();
        assertTrue(listed.getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("localCode").equals("NA-KS-01")));
        assertEquals(
                204,
                send(HttpRequest.newBuilder(uri("api/v1/portal/mappings/procedure/NA-KS-01"))
                                .DELETE()
                                .header("Authorization", "Bearer " + admin))
                        .statusCode());
        assertProblem(get("api/v1/portal/mappings/procedure/NA-KS-01", admin), 404, "portal.mapping.not-found");
        // Without the mapping the code is taken as the national one.
        String unmapped = code("MAP", 3);
        sync(
                "dossiers",
                NGHE_AN_SYSTEM,
                Json.createArrayBuilder()
                        .add(dossier(unmapped, "2").add("MaTTHC", "NA-KS-01"))
                        .build());
        assertEquals("NA-KS-01", lookUp(NGHE_AN_SYSTEM, unmapped).getString("MaTTHC"));
    }

    @Test
    void anOversizedBatchIsRefusedWhole() {
        JsonArrayBuilder records = Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            records.add(dossier(code("BIG", i), "2"));
        }
        assertProblem(
                postJson(
                        "api/v1/portal/sync/dossiers",
                        token(NGHE_AN_SYSTEM),
                        records.build().toString()),
                413,
                "portal.sync.batch.too-large");
        assertProblem(
                get("api/v1/portal/sync/dossiers/" + code("BIG", 0), token(NGHE_AN_SYSTEM)),
                404,
                "portal.sync.dossier.unknown");
        assertProblem(
                postJson("api/v1/portal/sync/progress", token(NGHE_AN_SYSTEM), "{\"rows\":[]}"),
                400,
                "portal.sync.data.invalid");
    }
}
