package vn.egov.reporting.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.PrimeFaces;
import vn.egov.common.DomainException;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.reporting.application.ReportSubmissions;
import vn.egov.reporting.application.ReportingAnalytics;
import vn.egov.reporting.application.ReportingDefinitions;
import vn.egov.reporting.application.ReportingViews;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;

/**
 * The direction centre (Trung tâm thông tin, chỉ đạo, điều hành): for the nation or one province,
 * the key indicators ({@code egov.reporting.centre.indicators}) with their latest month, the change
 * against the same month last year, a 24-month trend (PrimeFaces' Chart.js chart) and the target
 * status of the year so far; a tile map of the provinces coloured by the chosen indicator or its
 * target status; the districts and reports of a province; and alerts. Every figure comes from
 * {@link ReportingAnalytics}, so the reporting scope rules apply ({@code FigureScope}): what the
 * caller may not see is left out (grey on the map). The page follows the server-sent events of {@code LiveFigures} and reads the
 * figures again only when a report was reviewed since.
 */
@Named
@ViewScoped
public class CentreBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int TREND_MONTHS = 24;

    /** One key indicator. */
    public record Kpi(
            String code,
            String name,
            String unit,
            BigDecimal value,
            BigDecimal lastYear,
            BigDecimal changePercent,
            BigDecimal target,
            String targetStatus,
            String trend)
            implements Serializable {}

    /** One province on the tile map: its cell, its value of the chosen indicator, the colour class. */
    public record Tile(String agency, String label, int row, int column, BigDecimal value, String status, String colour)
            implements Serializable {}

    /** One alert line: an indicator turned red, or reports overdue. */
    public record Alert(String kind, String text) implements Serializable {}

    /** A part of the drilled-down province (a district, a city) and its value. */
    public record District(String agency, String name, BigDecimal value) implements Serializable {}

    @Inject
    private ReportingAnalytics analytics;

    @Inject
    private ReportingDefinitions definitions;

    @Inject
    private ReportSubmissions submissions;

    @Inject
    private DirectoryService directory;

    @Inject
    private PeriodNames periodNames;

    /** Read from configuration at construction (a view-scoped bean keeps no config producer). */
    private String indicatorList;

    private String agency;
    private String indicator;
    private String colourBy = "status";
    private String mark;
    private Period month;
    private List<Kpi> kpis = List.of();
    private List<Tile> tiles = List.of();
    private List<Alert> alerts = List.of();
    private List<District> districts = List.of();
    private List<ReportingViews.ReportView> reports = List.of();
    private String agencyName;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        indicatorList = config.getOptionalValue("egov.reporting.centre.indicators", String.class)
                .orElse("RETAIL_TOTAL,BUDGET_REVENUE,NEW_BUSINESSES,CPI,ONLINE_DOSSIER_RATE,"
                        + "DISBURSEMENT_RATE,DOSSIERS_TOTAL,INVEST_DISBURSED");
    }

    private boolean english() {
        // The person's language (LocaleBean), not the locale Faces guessed before the template set it.
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return false;
        }
        Locale wanted = faces.getApplication().evaluateExpressionGet(faces, "#{localeBean.locale}", Locale.class);
        return wanted != null && "en".equals(wanted.getLanguage());
    }

    private List<String> codes() {
        return Arrays.stream(indicatorList.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Reads every figure of the page. */
    public void load() {
        mark = analytics.changeMark();
        month = Period.of(PeriodType.MONTH, LocalDate.now(VIETNAM)).previous();
        List<String> codes = codes();
        if (indicator == null || !codes.contains(indicator)) {
            indicator = codes.isEmpty() ? null : codes.get(0);
        }
        AgencyTree tree = directory.tree();
        if (agency != null && !tree.contains(agency)) {
            agency = null;
        }
        agencyName = agency == null ? null : tree.name(agency);
        boolean en = english();
        Map<String, ReportingViews.IndicatorView> byCode = new HashMap<>();
        definitions.indicators().forEach(i -> byCode.put(i.code(), i));
        List<Kpi> all = new ArrayList<>();
        List<Alert> warnings = new ArrayList<>();
        for (String code : codes) {
            ReportingViews.IndicatorView view = byCode.get(code);
            if (view == null) {
                continue;
            }
            try {
                all.add(kpi(view, en));
            } catch (DomainException notForCaller) {
                // FigureScope: an indicator the caller may not see here is left out.
            }
        }
        kpis = all;
        for (Kpi k : kpis) {
            if ("RED".equals(k.targetStatus())) {
                warnings.add(new Alert("RED", k.name() + " · " + (agencyName == null ? nation(en) : agencyName)));
            }
        }
        tiles = tiles(tree, warnings, en);
        districts = districts(tree);
        reports = agency == null ? List.of() : provinceReports(tree);
        warnings.addAll(overdue(en));
        alerts = warnings;
    }

    private static String nation(boolean en) {
        return en ? "Nationwide" : "Toàn quốc";
    }

    private Kpi kpi(ReportingViews.IndicatorView view, boolean en) {
        ReportingViews.Analytics latest = analytics.analytics(view.code(), agency, month.toString(), null);
        Period sameLastYear = new Period(PeriodType.MONTH, month.year() - 1, month.index());
        BigDecimal lastYear = analytics
                .analytics(view.code(), agency, sameLastYear.toString(), null)
                .value();
        ReportingViews.Analytics year = analytics.analytics(view.code(), agency, Integer.toString(month.year()), null);
        BigDecimal change = latest.value() == null || lastYear == null || lastYear.signum() == 0
                ? null
                : latest.value()
                        .subtract(lastYear)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(lastYear.abs(), MathContext.DECIMAL64)
                        .setScale(1, RoundingMode.HALF_UP);
        return new Kpi(
                view.code(),
                en && view.nameEn() != null ? view.nameEn() : view.name(),
                view.unit(),
                latest.value(),
                lastYear,
                change,
                year.target(),
                year.targetStatus(),
                trend(view.code(), en && view.nameEn() != null ? view.nameEn() : view.name()));
    }

    /** A Chart.js line over the last 24 months, as PrimeFaces' p:chart takes it. */
    private String trend(String code, String label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        Period p = month;
        List<Period> months = new ArrayList<>();
        for (int i = 0; i < TREND_MONTHS; i++) {
            months.add(0, p);
            p = p.previous();
        }
        for (Period m : months) {
            labels.add(periodNames.of(m.toString()));
            BigDecimal v = analytics.analytics(code, agency, m.toString(), null).value();
            if (v == null) {
                data.addNull();
            } else {
                data.add(v);
            }
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", label)
                                                        .add("data", data)
                                                        .add("borderColor", "#1d4ed8")
                                                        .add("backgroundColor", "rgba(29,78,216,0.15)")
                                                        .add("fill", true)
                                                        .add("spanGaps", true)
                                                        .add("pointRadius", 0)
                                                        .add("tension", 0.25))))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "plugins",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        Json.createObjectBuilder()
                                                                .add("display", false)))
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "x",
                                                        Json.createObjectBuilder()
                                                                .add("display", false))))
                .build()
                .toString();
    }

    private List<Tile> tiles(AgencyTree tree, List<Alert> warnings, boolean en) {
        if (indicator == null) {
            return List.of();
        }
        Map<String, BigDecimal> values = new HashMap<>();
        try {
            analytics
                    .analytics(indicator, null, month.toString(), null)
                    .parts()
                    .forEach(p -> values.put(p.agency(), p.value()));
        } catch (DomainException notForCaller) {
            // nothing to colour
        }
        List<BigDecimal> sorted = values.values().stream().sorted().toList();
        List<Tile> out = new ArrayList<>();
        String year = Integer.toString(month.year());
        for (var a : tree.all()) {
            if (a.level() != AgencyLevel.PROVINCE) {
                continue;
            }
            var cell = ProvinceTiles.of(a.name()).orElse(null);
            if (cell == null) {
                continue;
            }
            BigDecimal value = values.get(a.code());
            String status = null;
            if (value != null) {
                try {
                    status =
                            analytics.analytics(indicator, a.code(), year, null).targetStatus();
                } catch (DomainException notForCaller) {
                    status = null;
                }
            }
            if ("RED".equals(status) && agency == null) {
                warnings.add(new Alert("RED", indicatorName(en) + " · " + cell.label()));
            }
            String colour;
            if (value == null) {
                colour = "egov-tile-none";
            } else if ("status".equals(colourBy)) {
                colour = status == null ? "egov-tile-notarget" : "egov-tile-" + status;
            } else {
                int rank = sorted.indexOf(value);
                colour = "egov-tile-q" + (1 + (rank * 5) / Math.max(1, sorted.size()));
            }
            out.add(new Tile(a.code(), cell.label(), cell.row(), cell.column(), value, status, colour));
        }
        out.sort(Comparator.comparingInt(Tile::row).thenComparingInt(Tile::column));
        return out;
    }

    private String indicatorName(boolean en) {
        return kpis.stream()
                .filter(k -> k.code().equals(indicator))
                .map(Kpi::name)
                .findFirst()
                .orElse(indicator);
    }

    /** The districts (and cities) of the province, each with its figure of the map's indicator, or none yet. */
    private List<District> districts(AgencyTree tree) {
        if (agency == null || indicator == null) {
            return List.of();
        }
        Map<String, BigDecimal> values = new HashMap<>();
        try {
            analytics
                    .analytics(indicator, agency, month.toString(), null)
                    .parts()
                    .forEach(p -> values.put(p.agency(), p.value()));
        } catch (DomainException notForCaller) {
            return List.of();
        }
        return tree.children(agency).stream()
                .map(tree::agency)
                .filter(a -> a.level() == AgencyLevel.DISTRICT || values.containsKey(a.code()))
                .map(a -> new District(a.code(), a.name(), values.get(a.code())))
                .toList();
    }

    private List<ReportingViews.ReportView> provinceReports(AgencyTree tree) {
        return submissions.reports(null, 500).stream()
                .filter(r -> tree.within(r.agency(), agency))
                .limit(20)
                .toList();
    }

    /** Reports of the monthly regimes past their deadline and not submitted, for the reference month. */
    private List<Alert> overdue(boolean en) {
        List<Alert> out = new ArrayList<>();
        LocalDate today = LocalDate.now(VIETNAM);
        for (ReportingViews.RegimeView regime : definitions.regimes()) {
            if (!"MONTH".equals(regime.periodType()) || !today.isAfter(month.deadline(regime.deadlineDay()))) {
                continue;
            }
            try {
                ReportingViews.Completeness c = analytics.completeness(regime.code(), month.toString());
                long missing = c.missing().stream()
                        .filter(a -> agency == null || directory.tree().within(a, agency))
                        .count();
                if (missing > 0) {
                    out.add(new Alert(
                            "OVERDUE",
                            (en ? regime.nameEn() : regime.name()) + " · " + periodNames.of(month.toString()) + " · "
                                    + missing + (en ? " reports overdue" : " báo cáo quá hạn")));
                }
            } catch (DomainException notForCaller) {
                // not the caller's regime
            }
        }
        return out;
    }

    /**
     * Called by the page when the server's stream says a report was reviewed ({@code LiveFigures}): reads the figures
     * again only when a review happened since the page last read them, and then redraws the board.
     */
    public void refresh() {
        String now = analytics.changeMark();
        if (!now.equals(mark)) {
            load();
            PrimeFaces.current().ajax().update("centre:board");
        }
    }

    /** Chooses the indicator of the map (and of the districts). */
    public void choose(String code) {
        indicator = code;
        load();
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency == null || agency.isBlank() ? null : agency.strip();
    }

    public String getIndicator() {
        return indicator;
    }

    public void setIndicator(String indicator) {
        this.indicator = indicator == null || indicator.isBlank()
                ? null
                : indicator.strip().toUpperCase(Locale.ROOT);
    }

    public String getColourBy() {
        return colourBy;
    }

    public void setColourBy(String colourBy) {
        this.colourBy = "value".equals(colourBy) ? "value" : "status";
    }

    /** The name of the map's indicator. */
    public String getIndicatorName() {
        return indicatorName(english());
    }

    public String getMonth() {
        return month == null ? null : month.toString();
    }

    public String getAgencyName() {
        return agencyName;
    }

    public List<Kpi> getKpis() {
        return kpis;
    }

    public List<Tile> getTiles() {
        return tiles;
    }

    public List<Alert> getAlerts() {
        return alerts;
    }

    public List<District> getDistricts() {
        return districts;
    }

    public List<ReportingViews.ReportView> getReports() {
        return reports;
    }
}
