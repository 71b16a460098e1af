package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class VietnamTimeConverterTest {

    @Test
    void showsTheMomentOnVietnameseClocks() {
        VietnamTimeConverter converter = new VietnamTimeConverter();
        assertEquals(
                "28/11/2026 08:00", converter.getAsString(null, null, OffsetDateTime.parse("2026-11-28T01:00:00Z")));
        assertEquals(
                "01/01/2027 06:30",
                converter.getAsString(null, null, OffsetDateTime.parse("2026-12-31T19:30:00-04:00")));
        assertEquals("", converter.getAsString(null, null, null));
    }
}
