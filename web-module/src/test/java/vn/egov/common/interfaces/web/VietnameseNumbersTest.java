package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VietnameseNumbersTest {

    private static BigDecimal read(String text) {
        return VietnameseNumbers.parse(text).orElseThrow(() -> new AssertionError("refused: " + text));
    }

    @Test
    void readsTheVietnameseWayAndThePointDecimalWay() {
        assertEquals(0, new BigDecimal("1250.5").compareTo(read("1.250,5")));
        assertEquals(0, new BigDecimal("1250.5").compareTo(read("1250,5")));
        assertEquals(0, new BigDecimal("1250.5").compareTo(read("1250.5")));
        assertEquals(0, new BigDecimal("1250").compareTo(read("1250")));
        assertEquals(0, new BigDecimal("1234567.25").compareTo(read("1.234.567,25")));
        assertEquals(0, new BigDecimal("-3.5").compareTo(read("-3,5")));
        assertEquals(0, new BigDecimal("0.75").compareTo(read(" 0.75 ")));
    }

    @Test
    void dotsInGroupsOfThreeAreThousandsAsAVietnameseReaderMeansThem() {
        assertEquals(0, new BigDecimal("1250").compareTo(read("1.250")));
        assertEquals(0, new BigDecimal("2000000").compareTo(read("2.000.000")));
        assertEquals(0, new BigDecimal("12.5").compareTo(read("12.5")), "one decimal digit is no thousands group");
    }

    @Test
    void refusesWhatCouldMeanTwoNumbersOrNone() {
        for (String refused : new String[] {
            "1,250.5",
            "12.50.3",
            "1.25,0.5",
            "1 250",
            "1.2345,6",
            "abc",
            "1,2,3",
            ",5",
            "5,",
            "--1",
            "1e5",
            "",
            "1".repeat(VietnameseNumbers.MAX_LENGTH + 1)
        }) {
            assertTrue(VietnameseNumbers.parse(refused).isEmpty(), refused);
        }
    }

    @Test
    void writesDotsBetweenThousandsAndACommaBeforeTheDecimals() {
        assertEquals("1.250,5", VietnameseNumbers.format(new BigDecimal("1250.500000"), 6));
        assertEquals("1.000", VietnameseNumbers.format(new BigDecimal("1000"), 6));
        assertEquals("33,33", VietnameseNumbers.format(new BigDecimal("33.333333"), 2));
        assertEquals("-1.234.567,89", VietnameseNumbers.format(new BigDecimal("-1234567.891"), 2));
        assertEquals("", VietnameseNumbers.format(null, 2));
    }

    @Test
    void whatIsWrittenIsReadBackAsTheSameNumber() {
        for (String n : new String[] {"1250.5", "0.000001", "-42", "987654321.123456"}) {
            BigDecimal value = new BigDecimal(n);
            assertEquals(0, value.compareTo(read(VietnameseNumbers.format(value, 6))), n);
        }
    }

    @Test
    void theConverterShowsAnyNumberTheSameWay() {
        VietnameseNumberConverter converter = new VietnameseNumberConverter();
        assertEquals("1.250,5", converter.getAsString(null, null, new BigDecimal("1250.5")));
        assertEquals("12.000", converter.getAsString(null, null, 12000L));
        assertEquals("", converter.getAsString(null, null, null));
        assertEquals(0, new BigDecimal("1250.5").compareTo(converter.getAsObject(null, null, "1250.5")));
        assertEquals(null, converter.getAsObject(null, null, "  "));
    }

    @Test
    void fileSizesAreWrittenInTheirUnitWithADecimalComma() {
        assertEquals("28 B", VietnameseNumbers.size(28));
        assertEquals("12,5 KB", VietnameseNumbers.size(12800));
        assertEquals("3 MB", VietnameseNumbers.size(3L * 1024 * 1024));
        assertEquals("1,5 GB", VietnameseNumbers.size(1536L * 1024 * 1024));
    }
}
