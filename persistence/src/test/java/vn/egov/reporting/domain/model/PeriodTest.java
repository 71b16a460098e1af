package vn.egov.reporting.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.common.DomainException;

class PeriodTest {

    private static Period p(String text) {
        return Period.parse(text);
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11, MONTH, 11",
        "2026-01, MONTH, 1",
        "2026-Q4, QUARTER, 4",
        "2026-H2, HALF_YEAR, 2",
        "2026, YEAR, 1",
        "2000-01, MONTH, 1",
        "2100-Q1, QUARTER, 1"
    })
    void everyFormReadsBackAsTheSameText(String text, PeriodType type, int index) {
        Period period = Period.parse(text);
        assertEquals(type, period.type());
        assertEquals(Integer.parseInt(text.substring(0, 4)), period.year());
        assertEquals(index, period.index());
        assertEquals(text, period.toString());
        assertEquals(period, Period.parse(period.toString()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-13",
                "2026-00",
                "2026-Q5",
                "2026-Q0",
                "2026-1",
                "26-11",
                "",
                "2026-H3",
                "2026-H0",
                "1999",
                "2101",
                "2026-q4",
                "2026-M11",
                "2026-11 ",
                " 2026",
                "2026/11",
                "2026-011",
                "2026-Y"
            })
    void anythingButTheCanonicalFormIsRefusedWithAStableCode(String text) {
        DomainException refused = assertThrows(DomainException.class, () -> Period.parse(text));
        assertEquals("reporting.period.invalid", refused.code());
        assertEquals(DomainException.Kind.INVALID, refused.kind());
    }

    @Test
    void nullIsRefusedLikeAnyMalformedPeriod() {
        assertEquals(
                "reporting.period.invalid",
                assertThrows(DomainException.class, () -> Period.parse(null)).code());
    }

    @Test
    void aPeriodThatDoesNotExistCannotBeBuiltDirectlyEither() {
        assertThrows(DomainException.class, () -> new Period(PeriodType.QUARTER, 2026, 5));
        assertThrows(DomainException.class, () -> new Period(PeriodType.YEAR, 2026, 2));
        assertThrows(DomainException.class, () -> new Period(null, 2026, 1));
        assertThrows(DomainException.class, () -> new Period(PeriodType.MONTH, 1999, 12));
    }

    @Test
    void calendarBoundsFollowTheMonthsCovered() {
        assertEquals(d("2026-02-01"), p("2026-02").firstDay());
        assertEquals(d("2026-02-28"), p("2026-02").lastDay());
        assertEquals(d("2028-02-29"), p("2028-02").lastDay());
        assertEquals(d("2028-03-31"), p("2028-Q1").lastDay());
        assertEquals(d("2026-07-01"), p("2026-H2").firstDay());
        assertEquals(d("2026-12-31"), p("2026-H2").lastDay());
        assertEquals(d("2026-01-01"), p("2026").firstDay());
        assertEquals(d("2026-12-31"), p("2026").lastDay());
    }

    @Test
    void eachPeriodListsTheMonthsItCoversInOrder() {
        assertEquals(List.of(p("2026-11")), p("2026-11").months());
        assertEquals(
                List.of(p("2026-10"), p("2026-11"), p("2026-12")), p("2026-Q4").months());
        assertEquals(
                List.of(p("2026-01"), p("2026-02"), p("2026-03"), p("2026-04"), p("2026-05"), p("2026-06")),
                p("2026-H1").months());
        List<Period> year = p("2026").months();
        assertEquals(12, year.size());
        assertEquals(p("2026-01"), year.get(0));
        assertEquals(p("2026-12"), year.get(11));
    }

    @Test
    void aYearContainsItsHalvesQuartersAndMonths() {
        Period year = p("2026");
        assertTrue(year.contains(p("2026-H2")));
        assertTrue(year.contains(p("2026-Q1")));
        assertTrue(year.contains(p("2026-12")));
        assertTrue(year.contains(year));
        assertFalse(year.contains(p("2025-12")));
        assertFalse(year.contains(p("2027")));
    }

    @Test
    void smallerPeriodsContainOnlyWhatLiesWhollyInside() {
        assertTrue(p("2026-Q2").contains(p("2026-05")));
        assertFalse(p("2026-Q2").contains(p("2026-07")));
        assertTrue(p("2026-H1").contains(p("2026-Q2")));
        assertFalse(p("2026-H1").contains(p("2026-Q3")));
        assertFalse(p("2026-Q2").contains(p("2026-H1")), "a quarter does not contain its half");
        assertFalse(p("2026-05").contains(p("2026-Q2")), "a month does not contain its quarter");
        assertFalse(p("2026-Q2").contains(p("2026")));
        assertTrue(p("2026-05").contains(p("2026-05")));
        assertFalse(p("2026-05").contains(p("2025-05")), "same month of another year");
    }

    @Test
    void previousStaysInTheSameTypeAndCrossesTheYear() {
        assertEquals(p("2025-12"), p("2026-01").previous());
        assertEquals(p("2026-10"), p("2026-11").previous());
        assertEquals(p("2025-Q4"), p("2026-Q1").previous());
        assertEquals(p("2026-Q3"), p("2026-Q4").previous());
        assertEquals(p("2025-H2"), p("2026-H1").previous());
        assertEquals(p("2026-H1"), p("2026-H2").previous());
        assertEquals(p("2025"), p("2026").previous());
    }

    @Test
    void nothingComesBeforeTheFirstSupportedYear() {
        assertThrows(DomainException.class, () -> p("2000-01").previous());
    }

    @Test
    void ofFindsThePeriodContainingADate() {
        LocalDate date = d("2026-08-17");
        assertEquals(p("2026-08"), Period.of(PeriodType.MONTH, date));
        assertEquals(p("2026-Q3"), Period.of(PeriodType.QUARTER, date));
        assertEquals(p("2026-H2"), Period.of(PeriodType.HALF_YEAR, date));
        assertEquals(p("2026"), Period.of(PeriodType.YEAR, date));
        assertEquals(p("2026-Q1"), Period.of(PeriodType.QUARTER, d("2026-03-31")));
        assertEquals(p("2026-Q2"), Period.of(PeriodType.QUARTER, d("2026-04-01")));
        assertEquals(p("2026-H1"), Period.of(PeriodType.HALF_YEAR, d("2026-06-30")));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03, 2026-02-15, 2026-03-14",
        "2026-01, 2025-12-15, 2026-01-14",
        "2026-Q1, 2025-12-15, 2026-03-14",
        "2026-Q3, 2026-06-15, 2026-09-14",
        "2026-H1, 2025-12-15, 2026-06-14",
        "2026-H2, 2026-06-15, 2026-12-14",
        "2026,    2025-12-15, 2026-12-14"
    })
    void dataIsClosedFromThe15thBeforeToThe14thOfTheLastMonth(String period, LocalDate start, LocalDate end) {
        assertEquals(start, p(period).cutOffStart());
        assertEquals(end, p(period).cutOffEnd());
    }

    @Test
    void consecutiveMonthlyCutOffsLeaveNoGapAndNoOverlap() {
        Period month = p("2026-03");
        assertEquals(month.previous().cutOffEnd().plusDays(1), month.cutOffStart());
    }

    @Test
    void theDeadlineFallsOnTheGivenDayOfTheLastMonth() {
        assertEquals(d("2026-03-20"), p("2026-03").deadline(20));
        assertEquals(d("2026-12-20"), p("2026-Q4").deadline(20));
        assertEquals(d("2026-06-15"), p("2026-H1").deadline(15));
        assertEquals(d("2026-12-01"), p("2026").deadline(1));
    }

    @Test
    void aDeadlineBeyondTheEndOfAShortMonthFallsOnItsLastDay() {
        assertEquals(d("2026-02-28"), p("2026-02").deadline(31));
        assertEquals(d("2028-02-29"), p("2028-02").deadline(30));
        assertEquals(d("2026-06-30"), p("2026-Q2").deadline(31));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 32})
    void aDeadlineDayOutsideAnyMonthIsAProgrammingError(int day) {
        assertThrows(IllegalArgumentException.class, () -> p("2026-03").deadline(day));
    }
}
