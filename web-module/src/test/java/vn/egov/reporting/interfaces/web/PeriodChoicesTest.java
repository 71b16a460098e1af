package vn.egov.reporting.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;

class PeriodChoicesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aMonthlyRegimeOffersItsMonthsNewestFirstFromJanuaryThreeYearsBack() {
        List<Period> months = PeriodChoices.periods(PeriodType.MONTH, TODAY);
        assertEquals(Period.parse("2026-12"), months.get(0), "the month running today: a report may be prepared in it");
        assertEquals(Period.parse("2023-01"), months.get(months.size() - 1));
        assertEquals(12 * 3 + 12, months.size());
    }

    @Test
    void aQuarterlyOrYearlyRegimeOffersQuartersOrYears() {
        List<Period> quarters = PeriodChoices.periods(PeriodType.QUARTER, TODAY);
        assertEquals(List.of(Period.parse("2026-Q4"), Period.parse("2026-Q3")), quarters.subList(0, 2));
        assertEquals(Period.parse("2023-Q1"), quarters.get(quarters.size() - 1));
        assertEquals(
                List.of(Period.parse("2026"), Period.parse("2025"), Period.parse("2024"), Period.parse("2023")),
                PeriodChoices.periods(PeriodType.YEAR, TODAY));
    }

    @Test
    void aPeriodOfAnotherFrequencyIsNotTheRegimes() {
        assertTrue(PeriodChoices.isOf("2026-06", "MONTH"));
        assertFalse(PeriodChoices.isOf("2026-Q2", "MONTH"));
        assertFalse(PeriodChoices.isOf("2026-6", "MONTH"), "not a period code");
        assertFalse(PeriodChoices.isOf(null, "QUARTER"));
        assertTrue(PeriodChoices.isOf("2026", "YEAR"));
    }
}
