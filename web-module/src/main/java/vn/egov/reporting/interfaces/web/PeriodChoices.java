package vn.egov.reporting.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;

/**
 * The periods a person picks from instead of typing a code (issue 14): for a regime, the periods of
 * its frequency ("Tháng 1/2026" … for a monthly report, "Quý 2/2026" for a quarterly one); for the
 * dashboard, every kind of period, grouped by year. Newest first, from January {@value #YEARS_BACK}
 * years ago up to the period running today: reports are filed for periods that have begun, late
 * ones included. The labels come from {@link PeriodNames}; the values are the canonical codes.
 */
@Named
@ApplicationScoped
public class PeriodChoices {

    static final int YEARS_BACK = 3;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    private PeriodNames names;

    /**
     * The periods of one frequency ({@code MONTH}, {@code QUARTER}, {@code HALF_YEAR}, {@code YEAR}),
     * newest first, with {@code current} among them even when it lies outside the usual range (a link
     * to an older report keeps its period).
     */
    public List<SelectItem> of(String periodType, String current) {
        PeriodType type = type(periodType);
        List<SelectItem> items = new ArrayList<>();
        for (Period p : periods(type, today())) {
            items.add(new SelectItem(p.toString(), names.of(p.toString())));
        }
        addMissing(items, current, type);
        return items;
    }

    /** Every period, grouped by year, the year first and then its halves, quarters and months. */
    public List<SelectItem> all(String current) {
        LocalDate today = today();
        List<SelectItem> groups = new ArrayList<>();
        for (int year = today.getYear(); year >= today.getYear() - YEARS_BACK; year--) {
            List<SelectItem> inYear = new ArrayList<>();
            for (PeriodType type :
                    List.of(PeriodType.YEAR, PeriodType.HALF_YEAR, PeriodType.QUARTER, PeriodType.MONTH)) {
                for (int index = 1; index <= type.perYear(); index++) {
                    Period p = new Period(type, year, index);
                    if (!p.firstDay().isAfter(today)) {
                        inYear.add(new SelectItem(p.toString(), names.of(p.toString())));
                    }
                }
            }
            SelectItemGroup group = new SelectItemGroup(Integer.toString(year));
            group.setSelectItems(inYear.toArray(SelectItem[]::new));
            groups.add(group);
        }
        if (current != null
                && groups.stream()
                        .flatMap(g -> java.util.Arrays.stream(((SelectItemGroup) g).getSelectItems()))
                        .noneMatch(i -> current.equals(i.getValue()))) {
            addMissing(groups, current, null);
        }
        return groups;
    }

    /** The period a new report of this frequency is most likely for: the last one that has ended. */
    public static String lastEnded(String periodType) {
        PeriodType type = type(periodType);
        return Period.of(type, today()).previous().toString();
    }

    /** Whether {@code code} is a period of the frequency (false for anything else, null included). */
    public static boolean isOf(String code, String periodType) {
        try {
            return code != null && Period.parse(code).type() == type(periodType);
        } catch (DomainException | IllegalArgumentException notAPeriod) {
            return false;
        }
    }

    static List<Period> periods(PeriodType type, LocalDate today) {
        List<Period> out = new ArrayList<>();
        LocalDate first = LocalDate.of(today.getYear() - YEARS_BACK, 1, 1);
        for (Period p = Period.of(type, today); !p.lastDay().isBefore(first); p = p.previous()) {
            out.add(p);
        }
        return out;
    }

    private void addMissing(List<SelectItem> items, String current, PeriodType type) {
        if (current == null || items.stream().anyMatch(i -> current.equals(i.getValue()))) {
            return;
        }
        try {
            Period p = Period.parse(current);
            if (type == null || p.type() == type) {
                items.add(0, new SelectItem(p.toString(), names.of(p.toString())));
            }
        } catch (DomainException notAPeriod) {
            // a code that is no period is not offered; the page's own check refuses it
        }
    }

    private static PeriodType type(String periodType) {
        return periodType == null ? PeriodType.MONTH : PeriodType.valueOf(periodType);
    }

    private static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
