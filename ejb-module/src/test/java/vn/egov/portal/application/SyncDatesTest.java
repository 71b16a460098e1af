package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyncDatesTest {

    @Test
    void aSyncDateIsVietnamTime() {
        OffsetDateTime at = SyncDates.parse("20261203083015");
        assertEquals(
                OffsetDateTime.of(2026, 12, 3, 1, 30, 15, 0, ZoneOffset.UTC).toInstant(), at.toInstant());
        assertEquals(ZoneOffset.ofHours(7), at.getOffset());
    }

    @Test
    void formattingGivesBackTheSameTextWhateverTheOffset() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 12, 31, 20, 0, 0, 0, ZoneOffset.UTC);
        assertEquals("20270101030000", SyncDates.format(utc));
        assertEquals("20261203083015", SyncDates.format(SyncDates.parse("20261203083015")));
        assertNull(SyncDates.format(null));
    }

    @Test
    void impossibleOrMalformedDatesAreRefused() {
        for (String bad : new String[] {
            "20260231120000", // 31 February
            "20261301120000", // month 13
            "20261203246000", // hour 24
            "2026120308301", // 13 digits
            "202612030830150",
            "2026-12-03 08:3",
            "２０２６１２０３０８３０１５", // full-width digits
            ""
        }) {
            assertThrows(IllegalArgumentException.class, () -> SyncDates.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SyncDates.parse(null));
    }

    @Test
    void aLeapDayIsAccepted() {
        assertEquals(29, SyncDates.parse("20280229000000").getDayOfMonth());
    }
}
