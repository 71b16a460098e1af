package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.enumOf;
import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.ReportValue;
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

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private ReportingRecords records;

    @Inject
    private SubmissionRules rules;

    @Inject
    private Event<ReportReviewed> reviewed;

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
        String agency = rules.checkTarget(caller, regime, period, submission.agency());
        // The regime's row is the lock: two first submissions of one report at once create one report,
        // the second then finds it (submissions are a few per agency and period, so this never queues long).
        em.find(Regime.class, regime.getCode(), LockModeType.PESSIMISTIC_WRITE);
        Report report = rules.existing(regime.getCode(), agency, period);
        if (report != null) {
            report.requireEditable();
        }
        Map<String, BigDecimal> values = rules.validate(regime, submission.values(), submission.submit());
        report = rules.store(caller, regime, period, agency, report, values, submission.submit());
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
        rules.checkTarget(caller, regime, period, agency);
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
        rules.check(regime, values, submit, failures);
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

    /**
     * How many reports in one of {@code statuses} the caller works with, by the rule of
     * {@link #reports}: counted per agency and regime in the database (the rule needs only those two),
     * so the home page's work queue loads no report to count them.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public long count(List<String> statuses) {
        Caller caller = callers.current().requireAuthenticated();
        List<ReportStatus> wanted = statuses.stream()
                .map(s -> enumOf(ReportStatus.class, s, "status"))
                .toList();
        if (wanted.isEmpty()) {
            return 0;
        }
        AgencyTree tree = directory.tree();
        boolean oversees = records.oversees(caller);
        Map<String, String> receivers = new HashMap<>();
        long total = 0;
        for (Object[] group : em.createQuery(
                        "SELECT r.agencyCode, r.regimeCode, COUNT(r) FROM Report r WHERE r.status IN :s"
                                + " GROUP BY r.agencyCode, r.regimeCode",
                        Object[].class)
                .setParameter("s", wanted)
                .getResultList()) {
            String agency = (String) group[0];
            String regime = (String) group[1];
            if (oversees
                    || (caller.agencyCode() != null
                            && (tree.within(agency, caller.agencyCode())
                                    || caller.agencyCode()
                                            .equals(receivers.computeIfAbsent(regime, records::receiverOf))))) {
                total += ((Number) group[2]).longValue();
            }
        }
        return total;
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
        rules.checkTarget(caller, regime, period, submission.agency());
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        rules.check(regime, submission.values(), submission.submit(), failures);
        return failures;
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
        reviewed.fire(new ReportReviewed(report.getId()));
        return records.view(report);
    }
}
