package vn.egov.portal.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;
import vn.egov.portal.application.RecordFailure;
import vn.egov.portal.application.SyncAnswer;
import vn.egov.portal.application.SyncDates;
import vn.egov.portal.application.SyncedDossier;

class SyncJsonTest {

    private static final SyncAnswer ONE_REFUSED = new SyncAnswer(
            2,
            1,
            1,
            1,
            1,
            List.of(
                    new SyncAnswer.RecordResult(0, "H41-1", null),
                    new SyncAnswer.RecordResult(
                            1, "H41-2", new RecordFailure("portal.sync.field.missing", "Email is required", "Email"))));

    @Test
    void ourAnswerListsEveryRecordWithItsReason() {
        JsonObject answer = SyncJson.answer(ONE_REFUSED);
        assertEquals(2, answer.getInt("received"));
        assertEquals(1, answer.getInt("refused"));
        JsonObject refused = answer.getJsonArray("results").getJsonObject(1);
        assertEquals(1, refused.getInt("index"));
        assertEquals("H41-2", refused.getString("MaHoSo"));
        assertFalse(refused.getBoolean("accepted"));
        assertEquals("portal.sync.field.missing", refused.getString("code"));
        assertEquals("Thiếu trường bắt buộc.", refused.getString("message"), "the Vietnamese text of the code");
        assertEquals("Email", refused.getString("field"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("index", 0)
                        .add("MaHoSo", "H41-1")
                        .add("accepted", true)
                        .build(),
                answer.getJsonArray("results").getJsonObject(0),
                "an accepted record says only that");
    }

    @Test
    void theAdapterAnswersEachRecordWithAnErrorCode() {
        JsonArray results = SyncJson.adapterResults(ONE_REFUSED);
        assertEquals(0, results.getJsonObject(0).getInt("error_code"));
        assertEquals(1, results.getJsonObject(1).getInt("error_code"));
        assertEquals("portal.sync.field.missing", results.getJsonObject(1).getString("code"));
    }

    @Test
    void aLookUpUsesTheNationalFieldNamesAndKeepsTheOptionalOnes() {
        OffsetDateTime received = SyncDates.parse("20261201080000");
        SyncedDossier dossier = new SyncedDossier(
                "H41-1",
                "1.001193",
                "Đăng ký khai sinh",
                "HT",
                "Hộ tịch",
                1,
                null,
                "an@example.vn",
                "0912345678",
                "Khai sinh",
                "000.00.00.H41",
                "UBND xã",
                0,
                4,
                received.plusDays(1),
                received,
                received.plusDays(4),
                null,
                null,
                "{\"SoBienNhan\":\"BN-1\"}",
                3,
                List.of(new SyncedDossier.Step(4, received.plusDays(1), "Bình", null, null, "Chuyển", null, null)));
        JsonObject o = SyncJson.dossier(dossier);
        assertEquals("4", o.getString("TrangThaiHoSo"));
        assertEquals("20261201080000", o.getString("NgayTiepNhan"));
        assertEquals("BN-1", o.getString("SoBienNhan"));
        assertFalse(o.containsKey("ChuHoSo"));
        JsonObject step = o.getJsonArray("TienDo").getJsonObject(0);
        assertEquals("20261202080000", step.getString("ThoiDiemXuLy"));
        assertEquals("H41-1", step.getString("MaHoSo"));
    }

    @Test
    void bodiesAreStrictUtf8AndWellFormedJson() {
        DomainException encoding =
                assertThrows(DomainException.class, () -> SyncJson.read(new byte[] {'[', '"', (byte) 0xC3, '"', ']'}));
        assertEquals("request.encoding.invalid", encoding.code());
        assertEquals(
                "request.malformed",
                assertThrows(DomainException.class, () -> SyncJson.read("[{".getBytes(StandardCharsets.UTF_8)))
                        .code());
        assertEquals(2, SyncJson.records(Json.createValue("[{},{}]")).size(), "data as a JSON string, as some send it");
        assertEquals(
                "portal.sync.data.invalid",
                assertThrows(DomainException.class, () -> SyncJson.records(Json.createValue(3)))
                        .code());
    }
}
