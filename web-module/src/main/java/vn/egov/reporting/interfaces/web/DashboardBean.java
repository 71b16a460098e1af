package vn.egov.reporting.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.reporting.application.ReportingAnalytics;
import vn.egov.reporting.application.ReportingDefinitions;
import vn.egov.reporting.application.ReportingViews;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;

/**
 * A dashboard for an agency (or the nation) and a period: the overview of every indicator against
 * its target, then one indicator in detail — the agencies below compared (bars) and the trend over
 * the period's months.
 * Read at query time from the approved reports, so an approved figure shows at once.
 */
@Named
@ViewScoped
public class DashboardBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One bar: a label, its value and its length in percent of the largest. */
    public record Bar(String code, String label, BigDecimal value, int percent) implements Serializable {}

    @Inject
    private ReportingAnalytics analyticsService;

    @Inject
    private ReportingDefinitions definitions;

    private String indicator = "RETAIL_TOTAL";
    private String agency;
    private String period =
            String.valueOf(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    private ReportingViews.Analytics analytics;
    private List<Bar> comparison = List.of();
    private List<Bar> trend = List.of();
    private List<ReportingViews.Analytics> overview = List.of();
    private List<ReportingViews.IndicatorView> indicators;

    public void load() {
        try {
            analytics = analyticsService.analytics(indicator, agency, period, null);
            comparison = bars(analytics.parts().stream()
                    .sorted(Comparator.comparing(ReportingViews.Part::value).reversed())
                    .map(p -> new Bar(p.agency(), p.name(), p.value(), 0))
                    .toList());
            List<Bar> months = new ArrayList<>();
            Period chosen = Period.parse(period);
            if (chosen.type() != PeriodType.MONTH) {
                for (Period month : chosen.months()) {
                    months.add(new Bar(
                            month.toString(),
                            month.toString(),
                            analyticsService
                                    .analytics(indicator, agency, month.toString(), null)
                                    .value(),
                            0));
                }
            }
            trend = bars(months);
            List<ReportingViews.Analytics> all = new ArrayList<>();
            for (ReportingViews.IndicatorView i : getIndicators()) {
                try {
                    all.add(analyticsService.analytics(i.code(), agency, period, null));
                } catch (DomainException notMine) {
                    // A ministry sees its own indicators for a province, not the others: they are left out.
                }
            }
            overview = all;
        } catch (DomainException e) {
            analytics = null;
            comparison = List.of();
            trend = List.of();
            overview = List.of();
            FacesMessages.refusal(e);
        }
    }

    private static List<Bar> bars(List<Bar> raw) {
        BigDecimal max = raw.stream()
                .map(Bar::value)
                .filter(v -> v != null)
                .map(BigDecimal::abs)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        return raw.stream()
                .map(b -> new Bar(
                        b.code(),
                        b.label(),
                        b.value(),
                        b.value() == null || max.signum() == 0
                                ? 0
                                : b.value()
                                        .abs()
                                        .multiply(BigDecimal.valueOf(100))
                                        .divide(max, 0, RoundingMode.HALF_UP)
                                        .intValue()))
                .toList();
    }

    /** The indicators the caller may chart, read once per view (page getters run several times a request). */
    public List<ReportingViews.IndicatorView> getIndicators() {
        if (indicators == null) {
            indicators = definitions.indicators();
        }
        return indicators;
    }

    public String getIndicator() {
        return indicator;
    }

    public void setIndicator(String indicator) {
        this.indicator = indicator;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency == null || agency.isBlank() ? null : agency.strip();
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public ReportingViews.Analytics getAnalytics() {
        return analytics;
    }

    public List<Bar> getComparison() {
        return comparison;
    }

    /** Every indicator for the same agency and period, with its target status: the overview. */
    public List<ReportingViews.Analytics> getOverview() {
        return overview;
    }

    public List<Bar> getTrend() {
        return trend;
    }
}
