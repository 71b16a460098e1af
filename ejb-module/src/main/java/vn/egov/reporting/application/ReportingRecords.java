package vn.egov.reporting.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.FormLine;
import vn.egov.reporting.application.ReportingViews.IndicatorView;
import vn.egov.reporting.application.ReportingViews.RegimeView;
import vn.egov.reporting.application.ReportingViews.ReportView;
import vn.egov.reporting.application.ReportingViews.ValueView;
import vn.egov.reporting.domain.FigureScope;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.domain.model.Target;

/**
 * What the reporting services share: look-ups by code, the views they answer with, and who sees
 * what. Not a transaction boundary and not called from outside the package: every public method of
 * the reporting EJBs that use it carries its own {@code @RolesAllowed}, and this bean runs inside
 * their transaction.
 *
 * <p>Who oversees all reporting (reads every report and figure) is configuration,
 * {@code egov.reporting.oversight-agencies} (comma-separated agency codes; the Government Office
 * by default), and system administrators.
 */
@Dependent
public class ReportingRecords {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.reporting.oversight-agencies")
    private Optional<String> oversightAgencies;

    private FigureScope scope;

    @PostConstruct
    void init() {
        scope = FigureScope.fromConfiguration(oversightAgencies.orElse(""));
    }

    EntityManager em() {
        return em;
    }

    AgencyTree tree() {
        return directory.tree();
    }

    FigureScope scope() {
        return scope;
    }

    /** Whether the caller oversees all reporting: an agency named in the configuration, or a system administrator. */
    boolean oversees(Caller caller) {
        return scope.oversees(caller.agencyCode()) || callers.isInRole(Role.SYSADMIN_ROLE);
    }

    /** Whether the caller sees the indicator's figure for an agency (null: the nation), and so each part of it. */
    boolean maySee(Caller caller, Indicator indicator, String agency, AgencyTree tree) {
        return scope.maySee(caller.agencyCode(), callers.isInRole(Role.SYSADMIN_ROLE), indicator, agency, tree);
    }

    /**
     * Whether the caller may read a report: a published (approved) one everyone may; otherwise its
     * agency and those above it, the regime's receiving body and the overseers.
     */
    boolean mayRead(Caller caller, Report report) {
        if (report.getStatus() == ReportStatus.APPROVED || oversees(caller)) {
            return true;
        }
        String mine = caller.agencyCode();
        return mine != null
                && (directory.tree().within(report.getAgencyCode(), mine)
                        || mine.equals(receiverOf(report.getRegimeCode())));
    }

    Regime regime(String code) {
        Regime regime = code == null ? null : em.find(Regime.class, code);
        if (regime == null || !regime.isActive()) {
            throw DomainException.notFound("reporting.regime.not-found", "no reporting regime " + code);
        }
        return regime;
    }

    Indicator indicator(String code) {
        Indicator indicator = code == null ? null : em.find(Indicator.class, code);
        if (indicator == null) {
            throw DomainException.notFound("reporting.indicator.not-found", "no indicator " + code);
        }
        return indicator;
    }

    /** An indicator by code, or null. */
    Indicator findIndicator(String code) {
        return code == null ? null : em.find(Indicator.class, code);
    }

    /** The receiving body of a regime, active or not (its reports stay readable and reviewable). */
    String receiverOf(String regimeCode) {
        Regime regime = em.find(Regime.class, regimeCode);
        return regime == null ? null : regime.getReceiverCode();
    }

    /** The targets of an indicator for a year and an agency (null: the national one). */
    List<Target> targets(String indicator, int year, String agency) {
        var query = em.createQuery(
                        "SELECT t FROM Target t WHERE t.indicatorCode = :i AND t.year = :y AND "
                                + (agency == null ? "t.agencyCode IS NULL" : "t.agencyCode = :a"),
                        Target.class)
                .setParameter("i", indicator)
                .setParameter("y", year);
        if (agency != null) {
            query.setParameter("a", agency);
        }
        return query.getResultList();
    }

    List<ReportValue> values(long reportId) {
        return em.createQuery(
                        "SELECT v FROM ReportValue v WHERE v.reportId = :r ORDER BY v.indicatorCode, v.breakdown",
                        ReportValue.class)
                .setParameter("r", reportId)
                .getResultList();
    }

    ReportView view(Report r) {
        return view(r, values(r.getId()));
    }

    ReportView view(Report r, List<ReportValue> values) {
        return new ReportView(
                r.getId(),
                r.getRegimeCode(),
                r.getAgencyCode(),
                directory.tree().name(r.getAgencyCode()),
                r.getPeriod().toString(),
                r.getStatus().name(),
                r.getDeadline(),
                r.isLate(),
                r.getSubmittedAt(),
                r.getSubmittedBy(),
                r.getReviewedAt(),
                r.getReviewedBy(),
                r.getReturnReason(),
                values.stream()
                        .map(v -> new ValueView(v.getIndicatorCode(), v.getBreakdown(), v.getValue()))
                        .toList());
    }

    static IndicatorView view(Indicator i) {
        return new IndicatorView(
                i.getCode(),
                i.getName(),
                i.getNameEn(),
                i.getUnit(),
                i.getValueType().name(),
                i.getAggregation().name(),
                i.getWeightCode(),
                i.getFormula(),
                i.breakdownKeys(),
                i.getTotalOf(),
                i.effectiveMin(),
                i.effectiveMax(),
                i.getOwnerCode());
    }

    static RegimeView view(Regime r) {
        return new RegimeView(
                r.getCode(),
                r.getName(),
                r.getNameEn(),
                r.getLegalBasis(),
                r.getPeriodType().name(),
                r.getDeadlineDay(),
                r.getReceiverCode(),
                r.getItems().stream()
                        .map(i -> new FormLine(i.getIndicatorCode(), i.getPosition(), i.isRequired()))
                        .toList(),
                r.getAgencies().stream().sorted().toList());
    }

    static String key(String indicator, String breakdown) {
        return indicator + "/" + breakdown;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("reporting.field.invalid", field + " cannot be '" + value + "'");
        }
    }
}
