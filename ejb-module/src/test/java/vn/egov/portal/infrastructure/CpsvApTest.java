package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureRecord.TimeUnit;
import vn.egov.portal.application.ProcedureRecord.Timing;

class CpsvApTest {

    private static ProcedureRecord demo(String code) {
        return LayThuTucTest.demo().stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("MATTHC").equals(code))
                .map(o -> LayThuTuc.read(o).procedure())
                .findFirst()
                .orElseThrow();
    }

    private static Timing time(String amount, TimeUnit unit) {
        return new Timing(null, new BigDecimal(amount), unit, null, List.of());
    }

    @Test
    void processingTimesAreIso8601Durations() {
        assertEquals(Optional.of("P5D"), CpsvAp.duration(time("5", TimeUnit.WORKING_DAY)));
        assertEquals(Optional.of("P15D"), CpsvAp.duration(time("15", TimeUnit.DAY)));
        assertEquals(Optional.of("PT4H"), CpsvAp.duration(time("0.5", TimeUnit.WORKING_DAY)), "half a working day");
        assertEquals(Optional.of("PT12H"), CpsvAp.duration(time("0.5", TimeUnit.DAY)));
        assertEquals(Optional.of("PT8H"), CpsvAp.duration(time("8", TimeUnit.HOUR)));
        assertEquals(Optional.of("P1M"), CpsvAp.duration(time("1", TimeUnit.MONTH)));
        assertEquals(Optional.empty(), CpsvAp.duration(new Timing(null, null, null, "Theo lịch sát hạch", List.of())));
    }

    @Test
    void criminalRecordCertificateIsAPublicServiceWithChannelsCostsEvidenceOutputsAndLegalResources() {
        JsonObject s = CpsvAp.publicService(demo("2.000505"), "https://portal.example/procedures/2.000505");
        assertEquals("PublicService", s.getString("@type"));
        assertEquals("cpsv:PublicService", s.getJsonObject("@context").getString("PublicService"));
        assertEquals("http://data.europa.eu/m8g/", s.getJsonObject("@context").getString("cv"));
        assertEquals("2.000505", s.getString("identifier"));
        assertEquals(3, s.getJsonArray("hasChannel").size());
        JsonObject online = s.getJsonArray("hasChannel").getJsonObject(1);
        assertEquals("Channel", online.getString("@type"));
        assertEquals("http://publications.europa.eu/resource/authority/channel/ONLINE", online.getString("type"));
        assertEquals("P10D", online.getString("processingTime"));
        assertEquals("P10D", s.getString("processingTime"), "the shortest time of the service");
        JsonObject cost = s.getJsonArray("hasCost").getJsonObject(0);
        assertEquals("Cost", cost.getString("@type"));
        assertEquals(0, cost.getJsonNumber("value").bigDecimalValue().compareTo(new BigDecimal("200000")));
        assertTrue(cost.getString("currency").endsWith("/VND"));
        assertEquals(s.getString("@id") + "#channel-1", cost.getString("ifAccessedThrough"));
        JsonObject evidence = s.getJsonArray("hasInput").getJsonObject(0);
        assertEquals("Evidence", evidence.getString("@type"));
        assertEquals("TK-LLTP", evidence.getString("identifier"));
        assertEquals("Output", s.getJsonArray("produces").getJsonObject(0).getString("@type"));
        JsonObject law = s.getJsonArray("hasLegalResource").getJsonObject(0);
        assertEquals("LegalResource", law.getString("@type"));
        assertEquals("28/2009/QH12", law.getString("identifier"));
        assertEquals(
                "PublicOrganisation",
                s.getJsonArray("hasCompetentAuthority").getJsonObject(0).getString("@type"));
    }
}
