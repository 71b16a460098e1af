package vn.egov.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class DataValueStreamsTest {

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsJsonValuesStringsAndNumbersAndSkipsWhatItDoesNotKnow() {
        DataValueStreams.DataValueSet set = DataValueStreams.readJson(in("""
                {"dataSet":"BC-KTXH-THANG","completeDate":"2026-01-01","extra":{"a":[1,2]},
                 "dataValues":[
                   {"dataElement":"CPI","period":"2026-01","orgUnit":"000.00.00.H41","value":103.25,"comment":"x"},
                   {"dataElement":"POPULATION","period":"2026","orgUnit":"000.00.00.H41",
                    "categoryOptionCombo":"URBAN","value":"1200"}]}"""), 10);
        assertEquals("BC-KTXH-THANG", set.dataSet());
        assertEquals(2, set.values().size());
        assertEquals(
                new DataValueStreams.DataValue("CPI", "2026-01", "000.00.00.H41", null, "103.25"),
                set.values().get(0));
        assertEquals("URBAN", set.values().get(1).categoryOptionCombo());
    }

    @Test
    void readsCsvByItsHeaderInDhis2sNames() {
        DataValueStreams.DataValueSet set = DataValueStreams.readCsv(
                in("\uFEFFdataelement,period,orgunit,catoptcombo,value,storedby\n"
                        + "CPI,2026-01,000.00.00.H41,,103.25,me\n\n"
                        + "POPULATION,2026,000.00.00.H41,URBAN,1200,me\n"),
                10);
        assertNull(set.dataSet());
        assertEquals(2, set.values().size());
        assertNull(set.values().get(0).categoryOptionCombo());
        assertEquals("1200", set.values().get(1).value());
    }

    @Test
    void refusesMalformedOversizedAndControlCharacters() {
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(DomainException.class, () -> DataValueStreams.readJson(in("[1]"), 10))
                        .code());
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(DomainException.class, () -> DataValueStreams.readJson(in("{\"dataValues\":[1]}"), 10))
                        .code());
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(DomainException.class, () -> DataValueStreams.readJson(in("{\"dataValues\":["), 10))
                        .code());
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(
                                DomainException.class,
                                () -> DataValueStreams.readJson(
                                        in("{\"dataValues\":[{\"dataElement\":\"A\\u0007\"}]}"), 10))
                        .code());
        assertEquals(
                DataValueStreams.TOO_MANY,
                assertThrows(
                                DomainException.class,
                                () -> DataValueStreams.readJson(in("{\"dataValues\":[{},{},{}]}"), 2))
                        .code());
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(DomainException.class, () -> DataValueStreams.readCsv(in("period,value\n2026-01,1\n"), 10))
                        .code());
        assertEquals(
                DataValueStreams.TOO_MANY,
                assertThrows(
                                DomainException.class,
                                () -> DataValueStreams.readCsv(
                                        in("dataelement,period,orgunit,value\nA,2026-01,X,1\nB,2026-01,X,2\n"), 1))
                        .code());
        byte[] latin1 = "{\"dataSet\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                DataValueStreams.MALFORMED,
                assertThrows(
                                DomainException.class,
                                () -> DataValueStreams.readJson(new ByteArrayInputStream(latin1), 10))
                        .code());
    }
}
