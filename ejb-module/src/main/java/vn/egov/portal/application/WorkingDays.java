package vn.egov.portal.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Ngày làm việc — the calendar a procedure's processing time is counted in: every day but
 * Saturdays, Sundays and the public holidays an admin keeps as data ({@code portal_holiday}).
 * Pure, so the rules are tested without a server.
 *
 * <p>Counting starts the working day after receipt (the day of receipt is not a day of
 * processing), whatever day the dossier arrived: a dossier received on Saturday with a time of two
 * working days is due on Tuesday.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The day {@code days} working days after {@code received}; for zero days (a procedure settled
     * on the spot), the day of receipt itself when it is a working day, else the next working day.
     */
    public LocalDate addTo(LocalDate received, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a processing time is never negative: " + days);
        }
        LocalDate day = received;
        if (days == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** How many working days lie after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
