package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SyncRecordsTest {

    private static JsonObjectBuilder dossier() {
        return Json.createObjectBuilder()
                .add("MaHoSo", "000.00.20.H41-261203-0001")
                .add("MaTTHC", "1.001193")
                .add("TenTTHC", "Đăng ký khai sinh")
                .add("MaLinhVuc", "HT")
                .add("TenLinhVuc", "Hộ tịch")
                .add("LoaiDoiTuong", 1)
                .add("Email", "an@example.vn")
                .add("SoDienThoai", "0912345678")
                .add("TrichYeuHoSo", "Đăng ký khai sinh\ncho con")
                .add("NgayTiepNhan", "20261201080000")
                .add("NgayHenTra", "20261205170000")
                .add("TrangThaiHoSo", "2")
                .add("HinhThuc", "0")
                .add("DonViXuLy", "UBND xã Hưng Lộc");
    }

    private static RecordFailure refusal(JsonObjectBuilder record) {
        SyncRecords.Checked<DossierReport> checked = SyncRecords.dossier(record.build());
        assertFalse(checked.ok(), "refused");
        return checked.failure();
    }

    @Test
    void aCompleteRecordIsAcceptedWithNumbersAsTextOrIntegers() {
        SyncRecords.Checked<DossierReport> checked =
                SyncRecords.dossier(dossier().build());
        assertTrue(checked.ok(), String.valueOf(checked.failure()));
        DossierReport r = checked.value();
        assertEquals(1, r.applicantType());
        assertEquals(0, r.delivery());
        assertEquals(1, r.channel(), "in person unless KenhThucHien says otherwise");
        assertEquals("2", r.statusCode());
        assertEquals(r.receivedAt(), r.statusAt());
        assertNull(r.extraJson(), "no optional field, nothing kept");
    }

    @Test
    void everyRequiredFieldIsRequired() {
        for (String field : SyncRecords.DOSSIER_REQUIRED) {
            RecordFailure missing = refusal(dossier().remove(field));
            assertEquals(SyncRecords.MISSING, missing.code(), field);
            assertEquals(field, missing.field());
            RecordFailure blank = refusal(dossier().add(field, "  "));
            assertEquals(SyncRecords.MISSING, blank.code(), field);
        }
    }

    @Test
    void optionalFieldsAreKeptAsSent() {
        JsonObject extra = Json.createObjectBuilder()
                .add("SoBienNhan", "BN-01")
                .add(
                        "DanhSachLePhi",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("MucPhi", 8000)))
                .build();
        JsonObjectBuilder record = dossier();
        extra.forEach(record::add);
        DossierReport r = SyncRecords.dossier(record.build()).value();
        assertEquals(extra, Json.createReader(new StringReader(r.extraJson())).readObject());
    }

    @Test
    void theStatusHoldsFromTheLatestDateTheRecordStates() {
        DossierReport r = SyncRecords.dossier(dossier()
                        .add("TrangThaiHoSo", "10")
                        .add("NgayKetThucXuLy", "20261203100000")
                        .add("NgayTra", "20261204090000")
                        .build())
                .value();
        assertEquals(SyncDates.parse("20261204090000"), r.statusAt());
    }

    @Test
    void badValuesAreRefusedWithTheirReason() {
        assertEquals(
                SyncRecords.BAD_VALUE,
                refusal(dossier().add("LoaiDoiTuong", "3")).code());
        assertEquals(
                SyncRecords.BAD_VALUE, refusal(dossier().add("HinhThuc", "2")).code());
        assertEquals(
                SyncRecords.BAD_VALUE,
                refusal(dossier().add("Email", "not-an-address")).code());
        assertEquals(
                SyncRecords.BAD_VALUE,
                refusal(dossier().add("KenhThucHien", "4")).code());
        assertEquals(
                SyncRecords.BAD_DATE,
                refusal(dossier().add("NgayHenTra", "20261232000000")).code());
        assertEquals(
                SyncRecords.BAD_DATE,
                refusal(dossier().add("NgayTra", "hôm nay")).code());
        assertEquals(
                SyncRecords.WRONG_TYPE, refusal(dossier().add("MaTTHC", 1.5)).code());
        assertEquals(
                SyncRecords.WRONG_TYPE,
                refusal(dossier().add("TenTTHC", Json.createArrayBuilder())).code());
        assertEquals(
                SyncRecords.TOO_LONG,
                refusal(dossier().add("MaHoSo", "x".repeat(51))).code());
        assertEquals(
                SyncRecords.TOO_LONG,
                refusal(dossier().add("SoDienThoai", "0".repeat(21))).code());
        assertEquals(
                SyncRecords.EXTRA_TOO_LONG,
                refusal(dossier().add("GhiChu", "x".repeat(20_001))).code());
    }

    @Test
    void controlCharactersAreRefusedInRequiredAndOptionalFieldsAlike() {
        RecordFailure nul = refusal(dossier().add("TrichYeuHoSo", "khai\u0000sinh"));
        assertEquals("request.text.invalid", nul.code());
        assertEquals("TrichYeuHoSo", nul.field());
        assertEquals(
                "request.text.invalid", refusal(dossier().add("MaHoSo", "A\nB")).code(), "codes are one line");
        RecordFailure nested = refusal(dossier()
                .add(
                        "DanhSachLePhi",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("Ten", "x\u0085"))));
        assertEquals("request.text.invalid", nested.code());
        assertEquals("DanhSachLePhi", nested.field());
        assertEquals(
                "request.text.invalid",
                refusal(dossier().add("Ghi\u0001Chu", "x")).code(),
                "member names too");
    }

    @Test
    void aRecordThatIsNoObjectIsRefusedAlone() {
        assertEquals(
                SyncRecords.NOT_AN_OBJECT,
                SyncRecords.dossier(Json.createValue("x")).failure().code());
        assertEquals(
                SyncRecords.NOT_AN_OBJECT,
                SyncRecords.step(Json.createArrayBuilder().build()).failure().code());
        assertNull(SyncRecords.codeOf(Json.createValue(3)));
    }

    @Test
    void aStepNeedsItsDossierTimeAndStatus() {
        JsonObject step = Json.createObjectBuilder()
                .add("MaHoSo", "H41-1")
                .add("NguoiXuLy", "Trần Thị Bình")
                .add("ThoiDiemXuLy", "20261202090000")
                .add("TrangThai", 4)
                .add("NoiDungXuLy", "Chuyển\nxử lý")
                .build();
        SyncRecords.Checked<StepReport> ok = SyncRecords.step(step);
        assertTrue(ok.ok(), String.valueOf(ok.failure()));
        assertEquals("4", ok.value().statusCode());
        assertNull(ok.value().startedAt());
        assertEquals(
                "ThoiDiemXuLy",
                SyncRecords.step(Json.createObjectBuilder(step)
                                .remove("ThoiDiemXuLy")
                                .build())
                        .failure()
                        .field());
        assertEquals(
                SyncRecords.TOO_LONG,
                SyncRecords.step(Json.createObjectBuilder()
                                .add("MaHoSo", "H41-1")
                                .add("ThoiDiemXuLy", "20261202090000")
                                .add("TrangThai", "4")
                                .add("NoiDungXuLy", "x".repeat(4001))
                                .build())
                        .failure()
                        .code());
    }
}
