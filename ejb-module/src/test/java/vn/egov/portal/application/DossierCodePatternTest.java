package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodePatternTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void theDefaultIsAgencyDateAndRunningNumber() {
        DossierCodePattern pattern = new DossierCodePattern(DossierCodePattern.DEFAULT);
        assertEquals("000.00.00.G22-2612030001", pattern.format("000.00.00.G22", DAY, 1));
        assertEquals("000.00.00.G22-2612030042", pattern.format("000.00.00.G22", DAY, 42));
    }

    @Test
    void aNumberBeyondTheDigitsStillGivesAUniqueCode() {
        assertEquals("H41-26120312345", new DossierCodePattern(DossierCodePattern.DEFAULT).format("H41", DAY, 12345));
    }

    @Test
    void theAgencyIsEverythingBeforeTheLastDash() {
        String code = new DossierCodePattern("{agency}-{yyyyMMdd}.{seq:5}").format("000.00-01.H22", DAY, 7);
        assertEquals("000.00-01.H22-20261203.00007", code);
        assertEquals("000.00-01.H22", DossierCodePattern.agencyOf(code));
    }

    @Test
    void patternsThatCouldNotBeSplitOrLackAPartAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{yyMMdd}-{seq:4}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{yyMMdd}{seq:4}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{yyMMdd}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{seq:4}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{yyMMdd}{seq:4}{who}"));
        assertThrows(IllegalArgumentException.class, () -> new DossierCodePattern("{agency}-{yyMMdd} {seq:4}"));
    }

    @Test
    void aCodeIsAtMostFiftyCharacters() {
        DossierCodePattern pattern = new DossierCodePattern(DossierCodePattern.DEFAULT);
        String agency = "A".repeat(39);
        assertTrue(pattern.format(agency, DAY, 1).length() == 50);
        assertThrows(IllegalStateException.class, () -> pattern.format(agency + "B", DAY, 1));
    }
}
