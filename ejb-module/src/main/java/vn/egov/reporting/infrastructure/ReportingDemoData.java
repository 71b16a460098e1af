package vn.egov.reporting.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.domain.model.Target;
import vn.egov.reporting.domain.model.ValueType;

/**
 * The demo reporting metadata, loaded once in demo mode when no indicator exists: a realistic
 * subset of the Government's socio-economic indicators (our choice; the official list of 200 was
 * not available), the monthly socio-economic regime every province reports under (and, to show
 * roll-up over three levels, Nghệ An's districts and communes), a yearly population regime,
 * national and provincial targets, and approved monthly figures of the provinces for this year so
 * the dashboards have something to show.
 */
@Singleton
@Startup
@DependsOn("DemoDataLoader")
public class ReportingDemoData {

    private static final Logger LOG = Logger.getLogger(ReportingDemoData.class.getName());
    static final String MONTHLY = "BC-KTXH-THANG";
    static final String YEARLY = "BC-DANSO-NAM";
    private static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    private static final String[] NGHE_AN_BELOW = {"000.00.20.H41", "000.00.21.H41", "000.01.20.H41", "000.02.20.H41"};

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    private DirectoryService directory;

    @PostConstruct
    void load() {
        if (!enabled
                || em.createQuery("SELECT COUNT(i) FROM Indicator i", Long.class)
                                .getSingleResult()
                        > 0) {
            return;
        }
        List<Indicator> indicators = List.of(
                new Indicator(
                        "RETAIL_TOTAL",
                        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                        "Retail sales of goods and consumer services",
                        "tỷ đồng",
                        ValueType.NUMBER,
                        Aggregation.SUM,
                        "000.00.00.G02"),
                new Indicator(
                                "RETAIL_GOODS",
                                "Doanh thu bán lẻ hàng hóa",
                                "Retail sales of goods",
                                "tỷ đồng",
                                ValueType.NUMBER,
                                Aggregation.SUM,
                                "000.00.00.G02")
                        .componentOf("RETAIL_TOTAL"),
                new Indicator(
                                "RETAIL_SERVICES",
                                "Doanh thu dịch vụ lưu trú, ăn uống, lữ hành và dịch vụ khác",
                                "Revenue of accommodation, catering, travel and other services",
                                "tỷ đồng",
                                ValueType.NUMBER,
                                Aggregation.SUM,
                                "000.00.00.G02")
                        .componentOf("RETAIL_TOTAL"),
                new Indicator(
                        "BUDGET_REVENUE",
                        "Thu ngân sách nhà nước trên địa bàn",
                        "State budget revenue",
                        "tỷ đồng",
                        ValueType.NUMBER,
                        Aggregation.SUM,
                        "000.00.00.G09"),
                new Indicator(
                        "NEW_BUSINESSES",
                        "Số doanh nghiệp thành lập mới",
                        "Newly registered businesses",
                        "doanh nghiệp",
                        ValueType.INTEGER,
                        Aggregation.SUM,
                        "000.00.00.G05"),
                new Indicator(
                                "CPI",
                                "Chỉ số giá tiêu dùng so với cùng kỳ năm trước",
                                "Consumer price index against the same period last year",
                                "%",
                                ValueType.NUMBER,
                                Aggregation.AVERAGE,
                                "000.00.00.G05")
                        .bounded(new BigDecimal("50"), new BigDecimal("200")),
                new Indicator(
                        "DOSSIERS_TOTAL",
                        "Số hồ sơ thủ tục hành chính tiếp nhận",
                        "Administrative procedure dossiers received",
                        "hồ sơ",
                        ValueType.INTEGER,
                        Aggregation.SUM,
                        GOVERNMENT_OFFICE),
                new Indicator(
                                "ONLINE_DOSSIER_RATE",
                                "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
                                "Share of dossiers received online",
                                "%",
                                ValueType.PERCENT,
                                Aggregation.WEIGHTED_AVERAGE,
                                GOVERNMENT_OFFICE)
                        .weightedBy("DOSSIERS_TOTAL"),
                new Indicator(
                        "INVEST_PLAN",
                        "Kế hoạch vốn đầu tư công được giao",
                        "Public investment plan",
                        "tỷ đồng",
                        ValueType.NUMBER,
                        Aggregation.LAST,
                        "000.00.00.G05"),
                new Indicator(
                        "INVEST_DISBURSED",
                        "Vốn đầu tư công giải ngân lũy kế",
                        "Public investment disbursed, " + "year to date",
                        "tỷ đồng",
                        ValueType.NUMBER,
                        Aggregation.LAST,
                        "000.00.00.G05"),
                new Indicator(
                                "DISBURSEMENT_RATE",
                                "Tỷ lệ giải ngân vốn đầu tư công",
                                "Public investment disbursement rate",
                                "%",
                                ValueType.PERCENT,
                                Aggregation.AVERAGE,
                                "000.00.00.G05")
                        .derivedBy("100 * INVEST_DISBURSED / INVEST_PLAN"),
                new Indicator(
                                "POPULATION",
                                "Dân số trung bình",
                                "Average population",
                                "nghìn người",
                                ValueType.NUMBER,
                                Aggregation.LAST,
                                "000.00.00.G05")
                        .brokenDownBy("URBAN", "RURAL"));
        indicators.forEach(em::persist);
        // Tables refer to each other by id columns, not mapped relations: parents are flushed first.
        em.flush();

        Regime monthly = new Regime(
                MONTHLY,
                "Báo cáo tình hình kinh tế - xã hội hằng tháng",
                "Monthly socio-economic report",
                "Nghị định 09/2019/NĐ-CP",
                PeriodType.MONTH,
                20,
                GOVERNMENT_OFFICE);
        for (String code : List.of(
                "RETAIL_TOTAL",
                "RETAIL_GOODS",
                "RETAIL_SERVICES",
                "BUDGET_REVENUE",
                "NEW_BUSINESSES",
                "CPI",
                "DOSSIERS_TOTAL",
                "ONLINE_DOSSIER_RATE",
                "INVEST_PLAN",
                "INVEST_DISBURSED",
                "DISBURSEMENT_RATE")) {
            monthly.addItem(code, List.of("RETAIL_TOTAL", "BUDGET_REVENUE").contains(code));
        }
        Regime yearly = new Regime(
                YEARLY,
                "Báo cáo dân số trung bình hằng năm",
                "Yearly average population report",
                "Nghị định 09/2019/NĐ-CP",
                PeriodType.YEAR,
                20,
                GOVERNMENT_OFFICE);
        yearly.addItem("POPULATION", true);
        AgencyTree tree = directory.tree();
        List<String> provinces = tree.all().stream()
                .filter(a -> a.level() == AgencyLevel.PROVINCE)
                .map(AgencyRecord::code)
                .sorted()
                .toList();
        provinces.forEach(p -> {
            monthly.addAgency(p);
            yearly.addAgency(p);
        });
        for (String below : NGHE_AN_BELOW) {
            if (tree.contains(below)) {
                monthly.addAgency(below);
            }
        }
        em.persist(monthly);
        em.persist(yearly);
        em.flush();

        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        em.persist(new Target("BUDGET_REVENUE", year, null, new BigDecimal("1700000"), "Quốc hội"));
        em.persist(new Target("NEW_BUSINESSES", year, null, new BigDecimal("180000"), "Chính phủ"));
        em.persist(new Target("BUDGET_REVENUE", year, "000.00.00.H41", new BigDecimal("20000"), "Thủ tướng Chính phủ"));
        loadFigures(provinces, year);
        LOG.info(() -> "Demo reporting metadata and figures loaded: " + indicators.size() + " indicators, 2 regimes, "
                + provinces.size() + " provinces");
    }

    /** Approved monthly figures of every province for the months of this year before the current one. */
    private void loadFigures(List<String> provinces, int year) {
        Random random = new Random(2026);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int lastMonth = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getMonthValue() - 1;
        for (String province : provinces) {
            double size = 0.3 + random.nextDouble() * 2;
            for (int month = 1; month <= lastMonth; month++) {
                Period period = new Period(PeriodType.MONTH, year, month);
                Report report = new Report(MONTHLY, province, period, period.deadline(20), "demo", now);
                report.submit("demo", now, period.deadline(20));
                report.review(true, null, "demo", now);
                em.persist(report);
                em.flush();
                double goods = 3000 * size * (0.9 + random.nextDouble() * 0.2);
                double services = goods * (0.25 + random.nextDouble() * 0.1);
                double dossiers = Math.round(8000 * size * (0.8 + random.nextDouble() * 0.4));
                double plan = 6000 * size;
                value(report, "RETAIL_GOODS", goods);
                value(report, "RETAIL_SERVICES", services);
                value(report, "RETAIL_TOTAL", round(goods) + round(services));
                value(report, "BUDGET_REVENUE", 1500 * size * (0.8 + random.nextDouble() * 0.4));
                value(report, "NEW_BUSINESSES", Math.round(200 * size * (0.7 + random.nextDouble() * 0.6)));
                value(report, "CPI", 102 + random.nextDouble() * 3);
                value(report, "DOSSIERS_TOTAL", dossiers);
                value(report, "ONLINE_DOSSIER_RATE", 40 + random.nextDouble() * 45);
                value(report, "INVEST_PLAN", plan);
                value(report, "INVEST_DISBURSED", plan * month / 12.0 * (0.6 + random.nextDouble() * 0.35));
            }
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private void value(Report report, String indicator, double value) {
        ReportValue row = new ReportValue(
                report, indicator, Indicator.TOTAL, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
        row.setApproved(true);
        em.persist(row);
    }
}
