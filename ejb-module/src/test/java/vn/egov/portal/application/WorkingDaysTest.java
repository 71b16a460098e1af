package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** Tết 2026 (Mon 16 – Fri 20 February) and the National Day (Tue 1, Wed 2 September). */
    private final WorkingDays calendar = new WorkingDays(Set.of(
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 2)));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 5)), "Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 6)), "Sunday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 9, 2)), "National Day");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 3)), "an ordinary Thursday");
    }

    @Test
    void countingSkipsTheWeekend() {
        // Thursday 3 December 2026 + 3 working days: Fri 4, Mon 7, Tue 8.
        assertEquals(LocalDate.of(2026, 12, 8), calendar.addTo(LocalDate.of(2026, 12, 3), 3));
    }

    @Test
    void aDossierReceivedOnSaturdayCountsFromMonday() {
        assertEquals(LocalDate.of(2026, 12, 8), calendar.addTo(LocalDate.of(2026, 12, 5), 2));
    }

    @Test
    void tetMovesTheDueDateByAWholeWeek() {
        // Friday 13 February 2026 + 5 working days: Tết takes 16–20, weekends 14–15 and 21–22.
        assertEquals(LocalDate.of(2026, 2, 27), calendar.addTo(LocalDate.of(2026, 2, 13), 5));
        // Without Tết as data, the same count ends a week earlier: holidays are the calendar's data.
        assertEquals(LocalDate.of(2026, 2, 20), new WorkingDays(Set.of()).addTo(LocalDate.of(2026, 2, 13), 5));
    }

    @Test
    void nationalDayAndTheWeekendTogether() {
        // Monday 31 August 2026 + 2: 1–2 September are holidays, so Thu 3 and Fri 4.
        assertEquals(LocalDate.of(2026, 9, 4), calendar.addTo(LocalDate.of(2026, 8, 31), 2));
    }

    @Test
    void zeroDaysIsTheSameWorkingDayOrTheNextOne() {
        assertEquals(LocalDate.of(2026, 12, 3), calendar.addTo(LocalDate.of(2026, 12, 3), 0));
        assertEquals(LocalDate.of(2026, 12, 7), calendar.addTo(LocalDate.of(2026, 12, 5), 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.addTo(LocalDate.of(2026, 12, 3), -1));
    }

    @Test
    void betweenCountsTheSameDaysAddToAdds() {
        LocalDate from = LocalDate.of(2026, 2, 10);
        for (int days = 0; days < 30; days++) {
            LocalDate due = calendar.addTo(from, days);
            assertEquals(days, calendar.between(from, due), "days " + days);
        }
    }
}
