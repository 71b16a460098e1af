package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.common.InvalidValuesException.Failure;
import vn.egov.common.SearchText;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureRecord.ChannelKind;
import vn.egov.portal.application.ProcedureRecord.FeeKind;
import vn.egov.portal.application.ProcedureRecord.TimeUnit;

class LayThuTucTest {

    static JsonArray demo() {
        try (JsonReader r = Json.createReader(new InputStreamReader(
                LayThuTucTest.class.getResourceAsStream("/vn/egov/portal/demo/procedures.json"),
                StandardCharsets.UTF_8))) {
            return r.readArray();
        }
    }

    static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    static JsonObject birthRegistration() {
        return demo().stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("MATTHC").equals("1.001193"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyDemoProcedureReadsAndThereAreAtLeastThirtyAcrossFieldsAndLevels() {
        JsonArray all = demo();
        assertTrue(all.size() >= 30, "demo procedures: " + all.size());
        Set<String> fields = new HashSet<>();
        Set<Integer> levels = new HashSet<>();
        for (JsonValue v : all) {
            LayThuTuc.Read read = LayThuTuc.read(v);
            assertTrue(read.ok(), () -> read.code() + ": " + read.failures());
            read.procedure().fields().forEach(f -> fields.add(f.code()));
            levels.add(read.procedure().onlineLevel());
            assertFalse(read.procedure().channels().isEmpty());
            assertFalse(read.procedure().implementingAgencies().isEmpty());
        }
        assertTrue(fields.size() >= 10, "fields: " + fields);
        assertEquals(Set.of(2, 3, 4), levels);
    }

    @Test
    void birthRegistrationMapsChannelsTimesFeesAndComponentsPerCase() {
        ProcedureRecord p = LayThuTuc.read(birthRegistration()).procedure();
        assertEquals("Thủ tục đăng ký khai sinh", p.name());
        assertEquals("000.00.00.G12", p.publishingAgency());
        assertEquals(4, p.onlineLevel());
        assertEquals(1, p.assuranceLevel());
        assertTrue(p.published());
        assertEquals(
                List.of(ChannelKind.IN_PERSON, ChannelKind.ONLINE, ChannelKind.POSTAL),
                p.channels().stream().map(ProcedureRecord.Channel::kind).toList());
        ProcedureRecord.Timing online =
                p.channel(ChannelKind.ONLINE).orElseThrow().timing(null).orElseThrow();
        assertEquals(0, online.amount().compareTo(BigDecimal.ONE));
        assertEquals(TimeUnit.WORKING_DAY, online.unit());
        assertEquals(0, online.fees().get(0).amount().signum(), "on-time birth registration is free");
        assertEquals(FeeKind.CHARGE, online.fees().get(0).kind());
        assertEquals(2, p.documents(null).size(), "documents of every case");
        assertEquals(3, p.documents("Trường hợp không có giấy chứng sinh").size());
        assertEquals(
                "Tờ khai đăng ký khai sinh (Mẫu TT04/2020)",
                p.documents(null).get(0).formName());
    }

    @Test
    void criminalRecordCertificateCostsTwoHundredThousandAndTimesDifferByCase() {
        JsonObject lltp = demo().stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("MATTHC").equals("2.000505"))
                .findFirst()
                .orElseThrow();
        ProcedureRecord p = LayThuTuc.read(lltp).procedure();
        ProcedureRecord.Channel inPerson = p.channel(ChannelKind.IN_PERSON).orElseThrow();
        ProcedureRecord.Timing one =
                inPerson.timing("Công dân cư trú ở một tỉnh").orElseThrow();
        assertEquals(0, one.amount().compareTo(BigDecimal.TEN));
        assertEquals(0, one.fees().get(0).amount().compareTo(new BigDecimal("200000")));
        assertEquals(FeeKind.FEE, one.fees().get(0).kind());
        assertEquals(
                0,
                inPerson.timing("Đã cư trú ở nhiều nơi hoặc ở nước ngoài")
                        .orElseThrow()
                        .amount()
                        .compareTo(new BigDecimal("15")));
        assertEquals(2, p.assuranceLevel());
    }

    @Test
    void writingAndReadingAgainGivesTheSameRecordAndTheSameCanonicalText() {
        for (JsonValue v : demo()) {
            ProcedureRecord p = LayThuTuc.read(v).procedure();
            JsonObject written = LayThuTuc.write(p);
            LayThuTuc.Read again = LayThuTuc.read(written);
            assertTrue(again.ok(), () -> again.failures().toString());
            assertEquals(p, again.procedure(), p.code());
            assertEquals(written.toString(), LayThuTuc.write(again.procedure()).toString());
        }
    }

    @Test
    void numbersMayComeAsTextWithThousandSeparatorsAsTheNationalFeedSendsThem() {
        JsonObject o = json("""
                {"MATTHC":"1.000001","TENTTHC":"Thủ tục thử","MACOQUANCONGBO":"000.00.00.G12","TRANGTHAI":1,
                 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G12-HT","TENLINHVUC":"Hộ tịch"}],
                 "CACHTHUCTHUCHIEN":[{"KENH":1,"THOIGIAN":[{"THOIGIANGIAIQUYET":"0,5","DONVITINH":"ngày làm việc",
                   "PHILEPHI":[{"SOTIEN":"200.000","MOTA":"Phí cung cấp thông tin"}]}]}],
                 "COQUANTHUCHIEN":[{"MADONVI":"000.01.20.H41","TENDONVI":"UBND phường Hưng Dũng"}]}""");
        LayThuTuc.Read read = LayThuTuc.read(o);
        assertTrue(read.ok(), () -> read.failures().toString());
        ProcedureRecord.Timing t = read.procedure().channels().get(0).timings().get(0);
        assertEquals(0, t.amount().compareTo(new BigDecimal("0.5")));
        assertEquals(0, t.fees().get(0).amount().compareTo(new BigDecimal("200000")));
        assertEquals(FeeKind.FEE, t.fees().get(0).kind(), "a description starting with Phí is a fee");
        assertEquals(2, read.procedure().onlineLevel(), "no MUCDO: information only");
        assertEquals(1, read.procedure().assuranceLevel(), "no LOA: 1");
    }

    @Test
    void aBadRecordIsAnsweredWithEveryReasonAndItsPath() {
        JsonObject o = json("""
                {"MATTHC":"1 001193","TENTTHC":"","MACOQUANCONGBO":"000.00.00.G12","MUCDO":"5",
                 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G12-HT","TENLINHVUC":"Hộ\\u0000tịch"}],
                 "CACHTHUCTHUCHIEN":[{"KENH":"9","THOIGIAN":[{"THOIGIANGIAIQUYET":"ba","DONVITINH":"tuần"}]},
                                     {"KENH":1,"THOIGIAN":[{"THOIGIANGIAIQUYET":3,"DONVITINH":"Tuần"}]}],
                 "THANHPHANHOSO":[{"GIAYTO":[{"TENGIAYTO":"Tờ khai","URL":"javascript:alert(1)"}]}]}""");
        LayThuTuc.Read read = LayThuTuc.read(o);
        assertFalse(read.ok());
        assertNull(read.procedure());
        List<String> at =
                read.failures().stream().map(f -> f.field() + " " + f.code()).toList();
        assertTrue(at.contains("MATTHC portal.procedure.code-invalid"), at::toString);
        assertTrue(at.contains("TENTTHC portal.procedure.value-required"), at::toString);
        assertTrue(at.contains("MUCDO portal.procedure.value-range"), at::toString);
        assertTrue(at.contains("LINHVUCTHUCHIEN[0].TENLINHVUC request.text.invalid"), at::toString);
        assertTrue(at.contains("CACHTHUCTHUCHIEN[0].KENH portal.procedure.value-range"), at::toString);
        assertTrue(
                at.contains("CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET portal.procedure.value-type"),
                at::toString);
        assertTrue(
                at.contains("CACHTHUCTHUCHIEN[1].THOIGIAN[0].DONVITINH portal.procedure.unit-unknown"), at::toString);
        assertTrue(at.contains("THANHPHANHOSO[0].GIAYTO[0].URL portal.procedure.url-invalid"), at::toString);
        assertTrue(at.contains("COQUANTHUCHIEN portal.procedure.value-required"), at::toString);
        assertEquals("1 001193", read.code());
    }

    @Test
    void aChannelGivenTwiceIsRefused() {
        JsonObject o = json("""
                {"MATTHC":"1.000002","TENTTHC":"Thủ tục","MACOQUANCONGBO":"000.00.00.G12",
                 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G12-HT","TENLINHVUC":"Hộ tịch"}],
                 "CACHTHUCTHUCHIEN":[{"KENH":"1","THOIGIAN":[]},{"KENH":"1","THOIGIAN":[]}],
                 "COQUANTHUCHIEN":[{"MADONVI":"000.01.20.H41","TENDONVI":"UBND"}]}""");
        List<Failure> failures = LayThuTuc.read(o).failures();
        assertTrue(
                failures.stream().anyMatch(f -> f.code().equals("portal.procedure.channel-duplicate")),
                failures::toString);
    }

    @Test
    void aRecordIsFoundByItsWordsWithoutDiacritics() {
        ProcedureRecord p = LayThuTuc.read(birthRegistration()).procedure();
        String text = LayThuTuc.searchText(p);
        for (String word : SearchText.words("dang ky KHAI sinh ho tich", 8)) {
            assertTrue(text.contains(word.replace("%", "")), word + " in " + text);
        }
        assertTrue(text.contains("1.001193"));
        assertTrue(text.contains("uy ban nhan dan phuong hung dung"));
    }

    @Test
    void notAnObjectIsRefused() {
        LayThuTuc.Read read = LayThuTuc.read(Json.createValue("1.001193"));
        assertEquals(
                "portal.procedure.record-not-object", read.failures().get(0).code());
        assertNotNull(read.failures());
    }
}
