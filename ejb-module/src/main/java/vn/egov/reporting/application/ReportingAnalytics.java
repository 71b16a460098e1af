package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.Analytics;
import vn.egov.reporting.application.ReportingViews.Completeness;
import vn.egov.reporting.application.ReportingViews.Part;
import vn.egov.reporting.domain.Rollup;
import vn.egov.reporting.domain.TargetStatus;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.Target;

/**
 * Analytics of reporting: an indicator's figure for an agency or the nation and a period, with its
 * parts (the agencies just below), its breakdowns and its target, rolled up at query time from the
 * approved reports by {@link Rollup} — so a figure is on the dashboards the moment its report is
 * approved; and the completeness of a regime's reports for a period.
 *
 * <p>Who sees what ({@link vn.egov.reporting.domain.FigureScope}): an agency its own subtree and
 * national aggregates, a ministry its own indicators everywhere, the overseers
 * ({@code egov.reporting.oversight-agencies}) and system administrators everything; each part of a
 * figure follows the same rule as the figure itself.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.SYSADMIN_ROLE})
public class ReportingAnalytics {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private ReportingRecords records;

    // ---------------------------------------------------------------- analytics

    /**
     * An indicator's value for an agency (null: the whole country), a period and a breakdown, from
     * the approved reports: an agency's own figure where it reported, else the roll-up of the
     * agencies below it; over the periods inside the one asked for by the indicator's rule.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public Analytics analytics(String indicatorCode, String agency, String periodText, String breakdown) {
        Caller caller = callers.current().requireAuthenticated();
        Indicator indicator = records.indicator(indicatorCode);
        Period period = Period.parse(periodText);
        AgencyTree tree = directory.tree();
        String scope = agency == null || agency.isBlank() ? null : agency.strip();
        if (scope != null && !tree.contains(scope)) {
            throw DomainException.notFound("agency.not-found", "no agency " + scope);
        }
        if (!records.maySee(caller, indicator, scope, tree)) {
            throw DomainException.forbidden(
                    "reporting.scope.forbidden",
                    "an agency sees its own data and national " + "aggregates; a ministry its own indicators");
        }
        String key = breakdown == null || breakdown.isBlank() ? Indicator.TOTAL : breakdown.strip();
        Rollup rollup = new Rollup(tree, period, this::approved, records::findIndicator);
        BigDecimal value = rollup.value(indicator, scope, key);
        List<Part> parts = new ArrayList<>();
        for (String child : tree.children(scope)) {
            // The parts follow the same rule as the figure: the nation's total is everyone's, its provinces are not.
            if (!records.maySee(caller, indicator, child, tree)) {
                continue;
            }
            BigDecimal part = rollup.value(indicator, child, key);
            if (part != null) {
                parts.add(new Part(child, tree.name(child), part));
            }
        }
        BigDecimal target = Indicator.TOTAL.equals(key) ? target(indicator.getCode(), period.year(), scope) : null;
        List<Analytics> breakdowns = new ArrayList<>();
        if (Indicator.TOTAL.equals(key)) {
            for (String k : indicator.breakdownKeys()) {
                breakdowns.add(new Analytics(
                        indicator.getCode(),
                        indicator.getName(),
                        indicator.getUnit(),
                        indicator.getAggregation().name(),
                        scope,
                        scope == null ? null : tree.name(scope),
                        period.toString(),
                        k,
                        rollup.value(indicator, scope, k),
                        List.of(),
                        null,
                        null,
                        List.of()));
            }
        }
        return new Analytics(
                indicator.getCode(),
                indicator.getName(),
                indicator.getUnit(),
                indicator.getAggregation().name(),
                scope,
                scope == null ? "Toàn quốc" : tree.name(scope),
                period.toString(),
                key,
                value,
                parts,
                target,
                TargetStatus.of(value, target),
                breakdowns);
    }

    private BigDecimal target(String indicator, int year, String agency) {
        return records.targets(indicator, year, agency).stream()
                .map(Target::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The approved values of one indicator and breakdown over the given stored periods, for the roll-up. */
    private Map<String, Map<String, BigDecimal>> approved(String indicator, String breakdown, List<String> periodKeys) {
        Map<String, Map<String, BigDecimal>> byPeriod = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT v.period, v.agencyCode, v.value FROM ReportValue v "
                                + "WHERE v.indicatorCode = :i AND v.period IN :p AND v.approved = TRUE AND v.breakdown = :b",
                        Object[].class)
                .setParameter("i", indicator)
                .setParameter("p", periodKeys)
                .setParameter("b", breakdown)
                .getResultList()) {
            byPeriod.computeIfAbsent((String) row[0], p -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]);
        }
        return byPeriod;
    }

    /**
     * A mark that changes whenever a report is reviewed (approved or returned): pages showing figures
     * compare it to decide whether to read them again (one cheap query instead of every roll-up).
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public String changeMark() {
        callers.current().requireAuthenticated();
        Object[] row = em.createQuery(
                        "SELECT COUNT(r), MAX(r.reviewedAt) FROM Report r WHERE r.reviewedAt IS NOT NULL",
                        Object[].class)
                .getSingleResult();
        return row[0] + "@" + row[1];
    }

    // ---------------------------------------------------------------- completeness

    /** How many of the agencies that must report under a regime did so for a period, and on time. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Completeness completeness(String regimeCode, String periodText) {
        Caller caller = callers.current().requireAuthenticated();
        Regime regime = records.regime(regimeCode);
        Period period = Period.parse(periodText);
        AgencyTree tree = directory.tree();
        Set<String> expected = new LinkedHashSet<>();
        for (String agency : regime.getAgencies().stream().sorted().toList()) {
            if (records.oversees(caller)
                    || caller.agencyCode() == null
                    || caller.agencyCode().equals(regime.getReceiverCode())
                    || tree.within(agency, caller.agencyCode())) {
                expected.add(agency);
            }
        }
        int submitted = 0;
        int approved = 0;
        int onTime = 0;
        Set<String> missing = new LinkedHashSet<>(expected);
        for (Report report : em.createQuery(
                        "SELECT r FROM Report r WHERE r.regimeCode = :g AND r.period = :p", Report.class)
                .setParameter("g", regime.getCode())
                .setParameter("p", period.toString())
                .getResultList()) {
            if (!expected.contains(report.getAgencyCode()) || report.getSubmittedAt() == null) {
                continue;
            }
            missing.remove(report.getAgencyCode());
            submitted++;
            if (report.getStatus() == ReportStatus.APPROVED) {
                approved++;
            }
            if (!report.isLate()) {
                onTime++;
            }
        }
        return new Completeness(
                regime.getCode(),
                period.toString(),
                expected.size(),
                submitted,
                approved,
                onTime,
                rate(submitted, expected.size()),
                rate(onTime, expected.size()),
                List.copyOf(missing));
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
