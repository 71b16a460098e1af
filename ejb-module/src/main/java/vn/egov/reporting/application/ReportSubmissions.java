package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.enumOf;
import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.ReportView;
import vn.egov.reporting.application.ReportingViews.Submission;
import vn.egov.reporting.application.ReportingViews.ValueInput;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.RegimeItem;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.domain.model.ValueType;
import vn.egov.reporting.infrastructure.ValueSheets;

/**
 * Reports (Decree 09/2019/NĐ-CP): an agency submits one report per regime and period, for itself or
 * an agency below it, validated value by value (typed in, or read from a filled template); the
 * receiving body approves it (it is published: its values count in analytics at once) or returns it
 * with a reason.
 *
 * <p>Who reads a report: its agency and those above it, the regime's receiving body and the
 * overseers ({@code egov.reporting.oversight-agencies}); anyone signed in once it is approved; for
 * anyone else it does not exist (404).
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.REPORTER_ROLE, Role.ANALYST_ROLE, Role.SYSADMIN_ROLE})
public class ReportSubmissions {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Components may differ from their total by rounding, not more. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private ReportingRecords records;

    // ---------------------------------------------------------------- submissions

    private Caller agencyCaller() {
        return callers.current().requireAgency("reporting.agency.required", "report");
    }

    /**
     * Saves a report's values (as a draft, or submitted): one report per regime, agency and period,
     * created on first use. Every failing value is listed in one refusal; nothing is saved then.
     */
    @RolesAllowed(Role.REPORTER_ROLE)
    public ReportView submit(Submission submission) {
        Caller caller = agencyCaller();
        Regime regime = records.regime(submission.regime());
        Period period = Period.parse(submission.period());
        String agency = checkTarget(caller, regime, period, submission.agency());
        OffsetDateTime now = Timestamps.now();
        // The regime's row is the lock: two first submissions of one report at once create one report,
        // the second then finds it (submissions are a few per agency and period, so this never queues long).
        em.find(Regime.class, regime.getCode(), LockModeType.PESSIMISTIC_WRITE);
        Report report = em.createQuery(
                        "SELECT r FROM Report r WHERE r.regimeCode = :g AND r.agencyCode = :a " + "AND r.period = :p",
                        Report.class)
                .setParameter("g", regime.getCode())
                .setParameter("a", agency)
                .setParameter("p", period.toString())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (report != null) {
            report.requireEditable();
        }
        Map<String, BigDecimal> values = validate(regime, submission.values(), submission.submit());
        if (report == null) {
            report = new Report(
                    regime.getCode(), agency, period, period.deadline(regime.getDeadlineDay()), caller.name(), now);
            em.persist(report);
            // Values refer to the report by its id column: the report row goes first.
            em.flush();
        }
        Map<String, ReportValue> stored = new HashMap<>();
        for (ReportValue v : records.values(report.getId())) {
            stored.put(key(v.getIndicatorCode(), v.getBreakdown()), v);
        }
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            ReportValue existing = stored.remove(e.getKey());
            if (existing != null) {
                existing.setValue(e.getValue());
            } else {
                String[] parts = e.getKey().split("/", 2);
                em.persist(new ReportValue(report, parts[0], parts[1], e.getValue()));
            }
        }
        // A report is sent whole: values not sent again are no longer part of it.
        stored.values().forEach(em::remove);
        if (submission.submit()) {
            report.submit(caller.name(), now, LocalDate.now(VIETNAM));
        }
        em.flush();
        return records.view(report);
    }

    /**
     * Reads a filled template (Excel or CSV) and checks every value as a submission would. A dry run
     * saves nothing and reports each problem at its cell; otherwise the values are saved (submitted,
     * or as a draft) — or, at the first problem, refused whole with every problem by cell.
     */
    @RolesAllowed(Role.REPORTER_ROLE)
    public ReportingViews.UploadResult upload(
            String regimeCode,
            String agency,
            String periodText,
            byte[] content,
            String fileName,
            boolean dryRun,
            boolean submit) {
        Caller caller = agencyCaller();
        Regime regime = records.regime(regimeCode);
        Period period = Period.parse(periodText);
        checkTarget(caller, regime, period, agency);
        ValueSheets.Sheet sheet = ValueSheets.read(content, fileName);
        List<ReportingViews.CellProblem> problems = new ArrayList<>();
        sheet.problems()
                .forEach(p -> problems.add(new ReportingViews.CellProblem(p.cell(), null, p.code(), p.message())));
        Map<String, String> cells = new HashMap<>();
        List<ValueInput> values = new ArrayList<>();
        List<ReportingViews.CellValue> read = new ArrayList<>();
        for (ValueSheets.Entry entry : sheet.entries()) {
            cells.putIfAbsent(key(entry.indicator(), entry.breakdown()), entry.cell());
            values.add(new ValueInput(entry.indicator(), entry.breakdown(), entry.value()));
            read.add(new ReportingViews.CellValue(entry.cell(), entry.indicator(), entry.breakdown(), entry.value()));
        }
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        check(regime, values, submit, failures);
        for (InvalidValuesException.Failure f : failures) {
            problems.add(new ReportingViews.CellProblem(cells.get(f.field()), f.field(), f.code(), f.message()));
        }
        if (dryRun) {
            return new ReportingViews.UploadResult(true, read, problems, null);
        }
        if (!problems.isEmpty()) {
            throw new InvalidValuesException(
                    "reporting.upload.invalid",
                    problems.size() + " problems in the sheet; " + "nothing was saved",
                    problems.stream()
                            .map(p -> new InvalidValuesException.Failure(
                                    p.cell() != null ? p.cell() : p.field(), p.code(), p.message()))
                            .toList());
        }
        return new ReportingViews.UploadResult(
                false,
                read,
                List.of(),
                submit(new Submission(regime.getCode(), agency, period.toString(), values, submit)));
    }

    /** Whether the caller may report for this agency, regime and period; the agency reported for. */
    private String checkTarget(Caller caller, Regime regime, Period period, String requestedAgency) {
        if (period.type() != regime.getPeriodType()) {
            throw DomainException.invalid(
                    "reporting.period.wrong-type",
                    "regime " + regime.getCode() + " reports per " + regime.getPeriodType() + ", not " + period.type());
        }
        // Plans may be entered ahead, up to the end of next year; nothing further.
        if (period.year() > LocalDate.now(VIETNAM).getYear() + 1) {
            throw DomainException.invalid("reporting.period.future", "reports are accepted up to the end of next year");
        }
        String agency = requestedAgency == null || requestedAgency.isBlank() ? caller.agencyCode() : requestedAgency;
        AgencyTree tree = directory.tree();
        if (!tree.contains(agency) || !tree.within(agency, caller.agencyCode())) {
            throw DomainException.forbidden(
                    "reporting.agency.forbidden",
                    "a reporter reports for their own agency " + "and the agencies below it");
        }
        if (!regime.getAgencies().contains(agency)) {
            throw DomainException.invalid(
                    "reporting.agency.not-reporting", agency + " does not report under " + regime.getCode());
        }
        return agency;
    }

    /** The existing report of a regime, agency and period, if the caller may read it. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Optional<ReportView> find(String regimeCode, String agency, String periodText) {
        Caller caller = callers.current().requireAuthenticated();
        Period period = Period.parse(periodText);
        return em.createQuery(
                        "SELECT r FROM Report r WHERE r.regimeCode = :g AND r.agencyCode = :a AND r.period = :p",
                        Report.class)
                .setParameter("g", regimeCode)
                .setParameter("a", agency)
                .setParameter("p", period.toString())
                .getResultStream()
                .filter(r -> records.mayRead(caller, r))
                .findFirst()
                .map(records::view);
    }

    /**
     * Reports the caller works with, newest first: for a receiving body (and the Government Office)
     * those of its regimes, for a reporting agency its own and those below it; optionally one status.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<ReportView> reports(String status, int limit) {
        Caller caller = callers.current().requireAuthenticated();
        ReportStatus wanted = status == null || status.isBlank() ? null : enumOf(ReportStatus.class, status, "status");
        AgencyTree tree = directory.tree();
        var query = em.createQuery(
                        "SELECT r FROM Report r" + (wanted == null ? "" : " WHERE r.status = :s")
                                + " ORDER BY r.createdAt DESC, r.id DESC",
                        Report.class)
                .setMaxResults(5000);
        if (wanted != null) {
            query.setParameter("s", wanted);
        }
        List<Report> found = query.getResultList();
        List<Report> visible = found.stream()
                .filter(r -> records.oversees(caller)
                        || (caller.agencyCode() != null
                                && (tree.within(r.getAgencyCode(), caller.agencyCode())
                                        || caller.agencyCode().equals(records.receiverOf(r.getRegimeCode())))))
                .limit(Math.max(1, Math.min(limit, 500)))
                .toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        // All their values in one query, not one per report.
        Map<Long, List<ReportValue>> values = new HashMap<>();
        em.createQuery(
                        "SELECT v FROM ReportValue v WHERE v.reportId IN :ids ORDER BY v.indicatorCode, v.breakdown",
                        ReportValue.class)
                .setParameter("ids", visible.stream().map(Report::getId).toList())
                .getResultList()
                .forEach(v -> values.computeIfAbsent(v.getReportId(), id -> new ArrayList<>())
                        .add(v));
        return visible.stream()
                .map(r -> records.view(r, values.getOrDefault(r.getId(), List.of())))
                .toList();
    }

    /** Checks every value against its indicator and the regime's form; returns them keyed indicator/breakdown. */
    private Map<String, BigDecimal> validate(Regime regime, List<ValueInput> inputs, boolean submitting) {
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        Map<String, BigDecimal> values = check(regime, inputs, submitting, failures);
        if (!failures.isEmpty()) {
            throw new InvalidValuesException(
                    "reporting.values.invalid", failures.size() + " values of the report are not acceptable", failures);
        }
        return values;
    }

    /**
     * A dry run: every problem the values would meet on submission (or on saving a draft), and
     * nothing saved. The agency, period and regime are checked as for a real submission.
     */
    @RolesAllowed(Role.REPORTER_ROLE)
    public List<InvalidValuesException.Failure> dryRun(Submission submission) {
        Caller caller = agencyCaller();
        Regime regime = records.regime(submission.regime());
        Period period = Period.parse(submission.period());
        checkTarget(caller, regime, period, submission.agency());
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        check(regime, submission.values(), submission.submit(), failures);
        return failures;
    }

    private Map<String, BigDecimal> check(
            Regime regime, List<ValueInput> inputs, boolean submitting, List<InvalidValuesException.Failure> failures) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Indicator> indicators = new HashMap<>();
        for (ValueInput input : inputs == null ? List.<ValueInput>of() : inputs) {
            if (input == null || input.indicator() == null) {
                failures.add(new InvalidValuesException.Failure(
                        "values", "reporting.value.malformed", "each value names its indicator"));
                continue;
            }
            String breakdown = input.breakdown() == null || input.breakdown().isBlank()
                    ? Indicator.TOTAL
                    : input.breakdown().strip();
            String field = key(input.indicator(), breakdown);
            Indicator indicator =
                    regime.hasIndicator(input.indicator()) ? em.find(Indicator.class, input.indicator()) : null;
            if (indicator == null) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.unknown-indicator",
                        input.indicator() + " is not on the form of " + regime.getCode()));
                continue;
            }
            indicators.put(indicator.getCode(), indicator);
            if (indicator.isDerived()) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.derived",
                        indicator.getCode() + " is computed from " + indicator.getFormula() + "; it is not entered"));
                continue;
            }
            if (!breakdown.equals(Indicator.TOTAL) && !indicator.breakdownKeys().contains(breakdown)) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.unknown-breakdown",
                        indicator.getCode() + " is broken down by " + indicator.breakdownKeys() + ", not "
                                + breakdown));
                continue;
            }
            BigDecimal value = input.value();
            if (value == null) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.missing", "no number given"));
                continue;
            }
            if (indicator.getValueType() == ValueType.INTEGER
                    && value.stripTrailingZeros().scale() > 0) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.not-integer",
                        indicator.getCode() + " is a whole number, not " + value.toPlainString()));
                continue;
            }
            if (value.precision() - value.scale() > 18
                    || value.stripTrailingZeros().scale() > 6) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.out-of-range",
                        value.toPlainString() + " has more than 18 digits before or 6 after the decimal point"));
                continue;
            }
            BigDecimal min = indicator.effectiveMin();
            BigDecimal max = indicator.effectiveMax();
            if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                failures.add(new InvalidValuesException.Failure(
                        field,
                        "reporting.value.out-of-range",
                        value.toPlainString() + " is outside " + (min == null ? "…" : min.toPlainString()) + " – "
                                + (max == null ? "…" : max.toPlainString()) + " " + indicator.getUnit()));
                continue;
            }
            if (values.put(field, value) != null) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.duplicate", "given twice"));
            }
        }
        if (submitting) {
            for (RegimeItem item : regime.getItems()) {
                Indicator indicator = em.find(Indicator.class, item.getIndicatorCode());
                if (item.isRequired()
                        && !indicator.isDerived()
                        && !values.containsKey(key(indicator.getCode(), Indicator.TOTAL))) {
                    failures.add(new InvalidValuesException.Failure(
                            key(indicator.getCode(), Indicator.TOTAL),
                            "reporting.value.required",
                            indicator.getCode() + " (" + indicator.getName() + ") is required"));
                }
            }
        }
        crossRules(regime, values, failures);
        return values;
    }

    /** Components add up to their total; breakdowns of a summed indicator add up to its whole. */
    private void crossRules(
            Regime regime, Map<String, BigDecimal> values, List<InvalidValuesException.Failure> failures) {
        Map<String, List<Indicator>> components = new LinkedHashMap<>();
        for (RegimeItem item : regime.getItems()) {
            Indicator indicator = em.find(Indicator.class, item.getIndicatorCode());
            if (indicator.getTotalOf() != null) {
                components
                        .computeIfAbsent(indicator.getTotalOf(), t -> new ArrayList<>())
                        .add(indicator);
            }
            List<String> keys = indicator.breakdownKeys();
            BigDecimal whole = values.get(key(indicator.getCode(), Indicator.TOTAL));
            if (whole != null
                    && !keys.isEmpty()
                    && sums(indicator)
                    && keys.stream().allMatch(k -> values.containsKey(key(indicator.getCode(), k)))) {
                BigDecimal sum = keys.stream()
                        .map(k -> values.get(key(indicator.getCode(), k)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(whole).abs().compareTo(TOLERANCE) > 0) {
                    failures.add(new InvalidValuesException.Failure(
                            key(indicator.getCode(), Indicator.TOTAL),
                            "reporting.value.breakdown-sum",
                            "the breakdowns " + keys + " add up to " + sum.toPlainString() + ", not "
                                    + whole.toPlainString()));
                }
            }
        }
        components.forEach((total, parts) -> {
            BigDecimal whole = values.get(key(total, Indicator.TOTAL));
            if (whole == null || !parts.stream().allMatch(p -> values.containsKey(key(p.getCode(), Indicator.TOTAL)))) {
                return;
            }
            BigDecimal sum = parts.stream()
                    .map(p -> values.get(key(p.getCode(), Indicator.TOTAL)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(whole).abs().compareTo(TOLERANCE) > 0) {
                failures.add(new InvalidValuesException.Failure(
                        key(total, Indicator.TOTAL),
                        "reporting.value.component-sum",
                        parts.stream().map(Indicator::getCode).toList() + " add up to " + sum.toPlainString()
                                + ", not to the total " + whole.toPlainString()));
            }
        });
    }

    private static boolean sums(Indicator indicator) {
        return indicator.getAggregation() == Aggregation.SUM || indicator.getAggregation() == Aggregation.LAST;
    }

    /** One report, if the caller may read it (else it does not exist for them: 404). */
    @RolesAllowed(Role.AUTHENTICATED)
    public ReportView report(long id) {
        Caller caller = callers.current().requireAuthenticated();
        return records.view(Visibility.visibleOrNotFound(
                em.find(Report.class, id),
                r -> records.mayRead(caller, r),
                "reporting.report.not-found",
                "no such report"));
    }

    /** The receiving body approves a submitted report (it is published) or returns it with a reason. */
    @RolesAllowed({Role.ANALYST_ROLE, Role.SYSADMIN_ROLE})
    public ReportView review(long id, boolean approve, String reason) {
        Caller caller = callers.current().requireAuthenticated();
        Report report = Visibility.visibleOrNotFound(
                em.find(Report.class, id, LockModeType.PESSIMISTIC_WRITE),
                r -> records.mayRead(caller, r),
                "reporting.report.not-found",
                "no such report");
        Regime regime = em.find(Regime.class, report.getRegimeCode());
        if (!regime.getReceiverCode().equals(caller.agencyCode()) && !callers.isInRole(Role.SYSADMIN_ROLE)) {
            throw DomainException.forbidden(
                    "reporting.review.forbidden",
                    "reports of " + regime.getCode() + " are reviewed by " + regime.getReceiverCode());
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reporting.return.reason-required", "a returned report needs the reason");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw DomainException.invalid("reporting.return.reason-too-long", "the reason is at most 1000 characters");
        }
        report.review(approve, reason == null ? null : reason.strip(), caller.name(), Timestamps.now());
        // The values carry the report's approval so analytics read one table: one statement for all.
        em.flush();
        em.createQuery("UPDATE ReportValue v SET v.approved = :approved WHERE v.reportId = :report")
                .setParameter("approved", approve)
                .setParameter("report", report.getId())
                .executeUpdate();
        return records.view(report);
    }
}
