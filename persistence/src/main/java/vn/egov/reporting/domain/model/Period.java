package vn.egov.reporting.domain.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.common.DomainException;

/**
 * Kỳ báo cáo — a reporting period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}), a half
 * year ({@code 2026-H2}) or a year ({@code 2026}). The text form is the one used in URLs, exports
 * and the database, so {@link #parse} and {@link #toString} are exact inverses and accept nothing
 * looser: one spelling per period keeps keys comparable as plain strings.
 *
 * <p>{@code index} is the month 1–12, the quarter 1–4, the half 1–2, or 1 for a year. Years are
 * limited to 2000–2100 so that a mistyped year is refused at the door rather than creating an empty
 * period nobody will ever report on; the limit holds for every period, including those reached by
 * {@link #previous()} or {@link #of}.
 */
public record Period(PeriodType type, int year, int index) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private static final Pattern TEXT = Pattern.compile("^(\\d{4})(?:-(?:(\\d{2})|Q(\\d)|H(\\d)))?$");

    /** Refuses a period that does not exist, so every {@code Period} in the system is a real one. */
    public Period {
        if (type == null || year < MIN_YEAR || year > MAX_YEAR || index < 1 || index > type.perYear()) {
            throw DomainException.invalid(
                    "reporting.period.invalid",
                    "no " + type + " period " + index + " in year " + year + " (years " + MIN_YEAR + "–" + MAX_YEAR
                            + ")");
        }
    }

    /**
     * Parses the canonical text: {@code 2026-11} (month, always two digits), {@code 2026-Q4},
     * {@code 2026-H2} or {@code 2026}; anything else is refused with {@code reporting.period.invalid}.
     */
    public static Period parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw invalid(text);
        }
        int year = Integer.parseInt(m.group(1));
        PeriodType type;
        int index;
        if (m.group(2) != null) {
            type = PeriodType.MONTH;
            index = Integer.parseInt(m.group(2));
        } else if (m.group(3) != null) {
            type = PeriodType.QUARTER;
            index = Integer.parseInt(m.group(3));
        } else if (m.group(4) != null) {
            type = PeriodType.HALF_YEAR;
            index = Integer.parseInt(m.group(4));
        } else {
            type = PeriodType.YEAR;
            index = 1;
        }
        if (year < MIN_YEAR || year > MAX_YEAR || index < 1 || index > type.perYear()) {
            throw invalid(text);
        }
        return new Period(type, year, index);
    }

    private static DomainException invalid(String text) {
        return DomainException.invalid(
                "reporting.period.invalid",
                "'" + text
                        + "' is not a reporting period of the form 2026-11, 2026-Q4, 2026-H2 or 2026 (years "
                        + MIN_YEAR + "–" + MAX_YEAR + ")");
    }

    /** The period of {@code type} that contains {@code date}, e.g. the quarter a report is filed in. */
    public static Period of(PeriodType type, LocalDate date) {
        Objects.requireNonNull(type, "type");
        return new Period(type, date.getYear(), (date.getMonthValue() - 1) / type.months() + 1);
    }

    private YearMonth firstMonth() {
        return YearMonth.of(year, (index - 1) * type.months() + 1);
    }

    private YearMonth lastMonth() {
        return firstMonth().plusMonths(type.months() - 1L);
    }

    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    public LocalDate lastDay() {
        return lastMonth().atEndOfMonth();
    }

    /** The months this period covers, in calendar order; a month covers only itself. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>(type.months());
        YearMonth first = firstMonth();
        for (int i = 0; i < type.months(); i++) {
            months.add(new Period(PeriodType.MONTH, year, first.getMonthValue() + i));
        }
        return List.copyOf(months);
    }

    /**
     * Whether every month of {@code other} lies in this period: a year contains its halves, quarters
     * and months, a quarter its months, and a period contains itself. Periods are aligned to the
     * calendar, so a quarter never straddles two halves and this is a plain range check.
     */
    public boolean contains(Period other) {
        return !other.firstMonth().isBefore(firstMonth()) && !other.lastMonth().isAfter(lastMonth());
    }

    /** The period of the same type just before this one, e.g. {@code 2026-Q1} → {@code 2025-Q4}. */
    public Period previous() {
        return of(type, firstMonth().minusMonths(type.months()).atDay(1));
    }

    /**
     * First day of data for this period (thời gian chốt số liệu, Art. 12 of Decree 09/2019/NĐ-CP, as
     * provinces apply it): the 15th of the month before the period. Figures are closed before the
     * period's calendar end so that units can compile and send the report by its deadline, and
     * consecutive periods of one type still cover every day exactly once.
     */
    public LocalDate cutOffStart() {
        return firstMonth().minusMonths(1).atDay(15);
    }

    /** Last day of data for this period: the 14th of its last month (see {@link #cutOffStart()}). */
    public LocalDate cutOffEnd() {
        return lastMonth().atDay(14);
    }

    /**
     * The submission deadline: {@code dayOfLastMonth} of the period's last month, or that month's
     * last day when it is shorter (31 in February is the 28th or 29th). The day is a parameter
     * because each reporting regime sets its own; it belongs in the indicator's metadata, not here.
     */
    public LocalDate deadline(int dayOfLastMonth) {
        if (dayOfLastMonth < 1 || dayOfLastMonth > 31) {
            throw new IllegalArgumentException("day of month must be 1–31, was " + dayOfLastMonth);
        }
        YearMonth last = lastMonth();
        return last.atDay(Math.min(dayOfLastMonth, last.lengthOfMonth()));
    }

    /** The canonical text, as accepted by {@link #parse}. */
    @Override
    public String toString() {
        return switch (type) {
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}
