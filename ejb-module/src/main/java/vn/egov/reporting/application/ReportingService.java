package vn.egov.reporting.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.egov.common.Timestamps;
import vn.egov.reporting.infrastructure.ValueSheets;
import vn.egov.common.DomainException;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.reporting.application.ReportingViews.Analytics;
import vn.egov.reporting.application.ReportingViews.Completeness;
import vn.egov.reporting.application.ReportingViews.FormLine;
import vn.egov.reporting.application.ReportingViews.IndicatorView;
import vn.egov.reporting.application.ReportingViews.Part;
import vn.egov.reporting.application.ReportingViews.RegimeView;
import vn.egov.reporting.application.ReportingViews.ReportView;
import vn.egov.reporting.application.ReportingViews.Submission;
import vn.egov.reporting.application.ReportingViews.ValueInput;
import vn.egov.reporting.application.ReportingViews.ValueView;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Formula;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.RegimeItem;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.domain.model.Target;
import vn.egov.reporting.domain.model.ValueType;

/**
 * Reporting (Decree 09/2019/NĐ-CP): agencies submit one report per regime and period, validated
 * value by value; the receiving body approves or returns it; approved figures roll up the agency
 * hierarchy and over periods at query time, so a figure is on the dashboards the moment its report
 * is approved — there is no batch to wait for.
 *
 * <p>Who sees what: an agency reads its own reports and those of agencies below it; the receiving
 * body (and the Government Office) reads every report of its regimes; anyone on the platform reads
 * an approved (published) report; any other report does not exist for them (404). Analytics: an
 * agency sees its own subtree and national aggregates, a ministry its own indicators everywhere,
 * the Government Office and system administrators everything.
 */
@Stateless
@PermitAll
public class ReportingService {

    static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal AMBER = new BigDecimal("0.9");
    /** Components may differ from their total by rounding, not more. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    // ---------------------------------------------------------------- metadata

    public List<IndicatorView> indicators() {
        callers.current().requireAuthenticated();
        return em.createQuery("SELECT i FROM Indicator i WHERE i.active = TRUE ORDER BY i.code", Indicator.class)
                .getResultList().stream().map(ReportingService::view).toList();
    }

    static IndicatorView view(Indicator i) {
        return new IndicatorView(i.getCode(), i.getName(), i.getNameEn(), i.getUnit(), i.getValueType().name(),
                i.getAggregation().name(), i.getWeightCode(), i.getFormula(), i.breakdownKeys(), i.getTotalOf(),
                i.effectiveMin(), i.effectiveMax(), i.getOwnerCode());
    }

    public List<RegimeView> regimes() {
        callers.current().requireAuthenticated();
        return em.createQuery("SELECT r FROM Regime r WHERE r.active = TRUE ORDER BY r.code", Regime.class)
                .getResultList().stream().map(ReportingService::view).toList();
    }

    static RegimeView view(Regime r) {
        return new RegimeView(r.getCode(), r.getName(), r.getNameEn(), r.getLegalBasis(), r.getPeriodType().name(),
                r.getDeadlineDay(), r.getReceiverCode(), r.getItems().stream().map(i -> new FormLine(i.getIndicatorCode(),
                i.getPosition(), i.isRequired())).toList(), r.getAgencies().stream().sorted().toList());
    }

    // ---------------------------------------------------------------- metadata administration

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^[A-Z][A-Z0-9_-]{0,39}$");

    /**
     * Creates or redefines an indicator (system administrators). A derived indicator's formula must
     * parse and name existing indicators; a weighted average needs its weight; bounds must be ordered.
     */
    @RolesAllowed("SYSADMIN")
    public IndicatorView saveIndicator(IndicatorView v, boolean active) {
        callers.current().requireAuthenticated();
        if (v == null || v.code() == null || !CODE.matcher(v.code()).matches()) {
            throw DomainException.invalid("reporting.indicator.code-invalid", "an indicator code is capital letters, "
                    + "digits and _ (e.g. RETAIL_TOTAL)");
        }
        ValueType type = enumOf(ValueType.class, v.valueType(), "valueType");
        Aggregation aggregation = enumOf(Aggregation.class, v.aggregation(), "aggregation");
        for (String[] field : new String[][] {{"name", v.name()}, {"nameEn", v.nameEn()}, {"unit", v.unit()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw DomainException.invalid("reporting.field.required", field[0] + " is required");
            }
            requireBaseCharacter(field[0], field[1]);
        }
        if (v.owner() != null && !directory.tree().contains(v.owner())) {
            throw DomainException.invalid("reporting.owner.invalid", "no agency " + v.owner());
        }
        if (v.formula() != null && !v.formula().isBlank()) {
            for (String input : Formula.parse(v.formula()).inputs()) {
                if (input.equals(v.code()) || em.find(Indicator.class, input) == null) {
                    throw DomainException.invalid("reporting.formula.input-unknown", "the formula names " + input
                            + ", which is not another indicator");
                }
                if (dependsOn(input, v.code(), new java.util.HashSet<>())) {
                    throw DomainException.invalid("reporting.formula.circular", input + " is itself computed from "
                            + v.code());
                }
            }
        }
        if (aggregation == Aggregation.WEIGHTED_AVERAGE && (v.weightIndicator() == null
                || em.find(Indicator.class, v.weightIndicator()) == null)) {
            throw DomainException.invalid("reporting.weight.required", "a weighted average names its weight indicator");
        }
        if (v.componentOf() != null && em.find(Indicator.class, v.componentOf()) == null) {
            throw DomainException.invalid("reporting.total.unknown", "no indicator " + v.componentOf());
        }
        if (v.min() != null && v.max() != null && v.min().compareTo(v.max()) > 0) {
            throw DomainException.invalid("reporting.bounds.invalid", "min is above max");
        }
        if (v.breakdowns() != null && v.breakdowns().stream().anyMatch(b -> b == null || !CODE.matcher(b).matches()
                || b.equals(Indicator.TOTAL))) {
            throw DomainException.invalid("reporting.breakdown.invalid", "breakdown keys are codes like URBAN, RURAL");
        }
        Indicator indicator = em.find(Indicator.class, v.code());
        if (indicator == null) {
            indicator = new Indicator(v.code(), v.name().strip(), v.nameEn().strip(), v.unit().strip(), type, aggregation,
                    v.owner());
            em.persist(indicator);
        }
        indicator.redefine(v.name().strip(), v.nameEn().strip(), v.unit().strip(), type, aggregation, v.owner(), active);
        if (v.formula() != null && !v.formula().isBlank()) {
            indicator.derivedBy(v.formula().strip());
        }
        if (aggregation == Aggregation.WEIGHTED_AVERAGE) {
            indicator.weightedBy(v.weightIndicator());
        }
        if (v.breakdowns() != null && !v.breakdowns().isEmpty()) {
            indicator.brokenDownBy(v.breakdowns().toArray(String[]::new));
        }
        if (v.componentOf() != null) {
            indicator.componentOf(v.componentOf());
        }
        indicator.bounded(v.min(), v.max());
        em.flush();
        return view(indicator);
    }

    /** Creates or redefines a regime (system administrators): its form and its reporting agencies are given whole. */
    @RolesAllowed("SYSADMIN")
    public RegimeView saveRegime(RegimeView v, boolean active) {
        callers.current().requireAuthenticated();
        if (v == null || v.code() == null || !CODE.matcher(v.code()).matches()) {
            throw DomainException.invalid("reporting.regime.code-invalid", "a regime code is capital letters, digits, - and _");
        }
        vn.egov.reporting.domain.model.PeriodType type = enumOf(vn.egov.reporting.domain.model.PeriodType.class,
                v.periodType(), "periodType");
        if (v.deadlineDay() < 1 || v.deadlineDay() > 31) {
            throw DomainException.invalid("reporting.deadline.invalid", "the deadline is a day of the month, 1 to 31");
        }
        if (v.name() == null || v.name().isBlank() || v.nameEn() == null || v.nameEn().isBlank()) {
            throw DomainException.invalid("reporting.field.required", "name and nameEn are required");
        }
        requireBaseCharacter("name", v.name());
        requireBaseCharacter("nameEn", v.nameEn());
        AgencyTree tree = directory.tree();
        if (v.receiver() == null || !tree.contains(v.receiver())) {
            throw DomainException.invalid("reporting.receiver.invalid", "no agency " + v.receiver());
        }
        List<FormLine> lines = v.indicators() == null ? List.of() : v.indicators();
        if (lines.isEmpty()) {
            throw DomainException.invalid("reporting.form.empty", "a regime's form lists its indicators");
        }
        for (FormLine line : lines) {
            if (line == null || line.indicator() == null || em.find(Indicator.class, line.indicator()) == null) {
                throw DomainException.invalid("reporting.indicator.not-found", "no indicator "
                        + (line == null ? null : line.indicator()));
            }
        }
        List<String> agencies = v.agencies() == null ? List.of() : v.agencies();
        for (String agency : agencies) {
            if (!tree.contains(agency)) {
                throw DomainException.invalid("reporting.agency.unknown", "no agency " + agency);
            }
        }
        Regime regime = em.find(Regime.class, v.code());
        if (regime == null) {
            regime = new Regime(v.code(), v.name().strip(), v.nameEn().strip(), v.legalBasis(), type, v.deadlineDay(),
                    v.receiver());
            em.persist(regime);
        } else if (regime.getPeriodType() != type && em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.regimeCode = :g",
                Long.class).setParameter("g", regime.getCode()).getSingleResult() > 0) {
            throw DomainException.conflict("reporting.regime.in-use", "the regime has reports: its frequency stays "
                    + regime.getPeriodType());
        }
        regime.redefine(v.name().strip(), v.nameEn().strip(), v.legalBasis(), type, v.deadlineDay(), v.receiver(), active);
        for (FormLine line : lines.stream().sorted(java.util.Comparator.comparingInt(FormLine::position)).toList()) {
            regime.addItem(line.indicator(), line.required());
        }
        agencies.forEach(regime::addAgency);
        em.flush();
        return view(regime);
    }

    /** Sets an indicator's target for a year, nationally (agency null) or for an agency (system administrators). */
    @RolesAllowed("SYSADMIN")
    public void saveTarget(String indicatorCode, int year, String agency, BigDecimal value, String assignedBy) {
        callers.current().requireAuthenticated();
        indicator(indicatorCode);
        if (agency != null && !directory.tree().contains(agency)) {
            throw DomainException.invalid("reporting.agency.unknown", "no agency " + agency);
        }
        if (value == null || year < Period.MIN_YEAR || year > Period.MAX_YEAR || assignedBy == null || assignedBy.isBlank()
                || value.precision() - value.scale() > 18 || assignedBy.strip().length() > 200) {
            throw DomainException.invalid("reporting.target.invalid", "a target has a year, a value and who assigned it");
        }
        targets(indicatorCode, year, agency).forEach(em::remove);
        em.persist(new Target(indicatorCode, year, agency, value, assignedBy.strip()));
    }

    /** Whether a derived indicator's formula leads, through other formulas, back to the given code. */
    private boolean dependsOn(String code, String target, Set<String> seen) {
        Indicator indicator = em.find(Indicator.class, code);
        if (indicator == null || !indicator.isDerived() || !seen.add(code)) {
            return false;
        }
        for (String input : Formula.parse(indicator.getFormula()).inputs()) {
            if (input.equals(target) || dependsOn(input, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name starts with a character a combining mark can sit on: the text rule lets combining marks
     * through (Vietnamese may be typed with them), but a name that is nothing but marks, or begins
     * with one, shows as nothing or garbles what is printed before it on every list and sheet.
     */
    static void requireBaseCharacter(String field, String value) {
        String text = value.strip();
        int type = text.isEmpty() ? Character.NON_SPACING_MARK : Character.getType(text.codePointAt(0));
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            throw new DomainException(DomainException.Kind.INVALID, "reporting.name.invalid", field
                    + " starts with a combining mark; it starts with a letter or a digit", Map.of("field", field));
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("reporting.field.invalid", field + " cannot be '" + value + "'");
        }
    }

    /** The regime's form as a template to fill in: Excel, or CSV. */
    public byte[] template(String regimeCode, boolean csv) {
        var rows = form(regimeCode).stream().map(f -> new ValueSheets.TemplateRow(f.indicator(), f.name(), f.unit(),
                f.breakdown())).toList();
        return csv ? ValueSheets.templateCsv(rows) : ValueSheets.templateXlsx(regimeCode, rows);
    }

    /** The lines of a regime's form as they are filled in: each entered indicator, whole and by breakdown. */
    public List<ReportingViews.FormField> form(String regimeCode) {
        callers.current().requireAuthenticated();
        List<ReportingViews.FormField> fields = new ArrayList<>();
        for (RegimeItem item : regime(regimeCode).getItems()) {
            Indicator indicator = em.find(Indicator.class, item.getIndicatorCode());
            if (indicator.isDerived()) {
                continue;
            }
            fields.add(new ReportingViews.FormField(indicator.getCode(), indicator.getName(), indicator.getUnit(),
                    Indicator.TOTAL, item.isRequired()));
            for (String key : indicator.breakdownKeys()) {
                fields.add(new ReportingViews.FormField(indicator.getCode(), indicator.getName(), indicator.getUnit(), key,
                        false));
            }
        }
        return fields;
    }

    private Regime regime(String code) {
        Regime regime = code == null ? null : em.find(Regime.class, code);
        if (regime == null || !regime.isActive()) {
            throw DomainException.notFound("reporting.regime.not-found", "no reporting regime " + code);
        }
        return regime;
    }

    private Indicator indicator(String code) {
        Indicator indicator = code == null ? null : em.find(Indicator.class, code);
        if (indicator == null) {
            throw DomainException.notFound("reporting.indicator.not-found", "no indicator " + code);
        }
        return indicator;
    }

    // ---------------------------------------------------------------- submissions

    private Caller agencyCaller() {
        return callers.current().requireAgency("reporting.agency.required", "report");
    }

    /**
     * Saves a report's values (as a draft, or submitted): one report per regime, agency and period,
     * created on first use. Every failing value is listed in one refusal; nothing is saved then.
     */
    @RolesAllowed("REPORTER")
    public ReportView submit(Submission submission) {
        Caller caller = agencyCaller();
        Regime regime = regime(submission.regime());
        Period period = Period.parse(submission.period());
        String agency = checkTarget(caller, regime, period, submission.agency());
        OffsetDateTime now = Timestamps.now();
        // The regime's row is the lock: two first submissions of one report at once create one report,
        // the second then finds it (submissions are a few per agency and period, so this never queues long).
        em.find(Regime.class, regime.getCode(), LockModeType.PESSIMISTIC_WRITE);
        Report report = em.createQuery("SELECT r FROM Report r WHERE r.regimeCode = :g AND r.agencyCode = :a "
                + "AND r.period = :p", Report.class).setParameter("g", regime.getCode()).setParameter("a", agency)
                .setParameter("p", period.toString()).getResultStream().findFirst().orElse(null);
        if (report != null) {
            report.requireEditable();
        }
        Map<String, BigDecimal> values = validate(regime, submission.values(), submission.submit());
        if (report == null) {
            report = new Report(regime.getCode(), agency, period, period.deadline(regime.getDeadlineDay()),
                    caller.name(), now);
            em.persist(report);
            // Values refer to the report by its id column: the report row goes first.
            em.flush();
        }
        Map<String, ReportValue> stored = new HashMap<>();
        for (ReportValue v : values(report.getId())) {
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
        return view(report);
    }

    /**
     * Reads a filled template (Excel or CSV) and checks every value as a submission would. A dry run
     * saves nothing and reports each problem at its cell; otherwise the values are saved (submitted,
     * or as a draft) — or, at the first problem, refused whole with every problem by cell.
     */
    @RolesAllowed("REPORTER")
    public ReportingViews.UploadResult upload(String regimeCode, String agency, String periodText, byte[] content,
            String fileName, boolean dryRun, boolean submit) {
        Caller caller = agencyCaller();
        Regime regime = regime(regimeCode);
        Period period = Period.parse(periodText);
        checkTarget(caller, regime, period, agency);
        vn.egov.reporting.infrastructure.ValueSheets.Sheet sheet =
                vn.egov.reporting.infrastructure.ValueSheets.read(content, fileName);
        List<ReportingViews.CellProblem> problems = new ArrayList<>();
        sheet.problems().forEach(p -> problems.add(new ReportingViews.CellProblem(p.cell(), null, p.code(), p.message())));
        Map<String, String> cells = new HashMap<>();
        List<ValueInput> values = new ArrayList<>();
        List<ReportingViews.CellValue> read = new ArrayList<>();
        for (vn.egov.reporting.infrastructure.ValueSheets.Entry entry : sheet.entries()) {
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
            throw new InvalidValuesException("reporting.upload.invalid", problems.size() + " problems in the sheet; "
                    + "nothing was saved", problems.stream().map(p -> new InvalidValuesException.Failure(
                    p.cell() != null ? p.cell() : p.field(), p.code(), p.message())).toList());
        }
        return new ReportingViews.UploadResult(false, read, List.of(),
                submit(new Submission(regime.getCode(), agency, period.toString(), values, submit)));
    }

    /** Whether the caller may report for this agency, regime and period; the agency reported for. */
    private String checkTarget(Caller caller, Regime regime, Period period, String requestedAgency) {
        if (period.type() != regime.getPeriodType()) {
            throw DomainException.invalid("reporting.period.wrong-type", "regime " + regime.getCode() + " reports per "
                    + regime.getPeriodType() + ", not " + period.type());
        }
        // Plans may be entered ahead, up to the end of next year; nothing further.
        if (period.year() > LocalDate.now(VIETNAM).getYear() + 1) {
            throw DomainException.invalid("reporting.period.future", "reports are accepted up to the end of next year");
        }
        String agency = requestedAgency == null || requestedAgency.isBlank() ? caller.agencyCode() : requestedAgency;
        AgencyTree tree = directory.tree();
        if (!tree.contains(agency) || !tree.within(agency, caller.agencyCode())) {
            throw DomainException.forbidden("reporting.agency.forbidden", "a reporter reports for their own agency "
                    + "and the agencies below it");
        }
        if (!regime.getAgencies().contains(agency)) {
            throw DomainException.invalid("reporting.agency.not-reporting", agency + " does not report under "
                    + regime.getCode());
        }
        return agency;
    }

    /** The existing report of a regime, agency and period, if the caller may read it. */
    public java.util.Optional<ReportView> find(String regimeCode, String agency, String periodText) {
        Caller caller = callers.current().requireAuthenticated();
        Period period = Period.parse(periodText);
        return em.createQuery("SELECT r FROM Report r WHERE r.regimeCode = :g AND r.agencyCode = :a AND r.period = :p",
                Report.class).setParameter("g", regimeCode).setParameter("a", agency).setParameter("p", period.toString())
                .getResultStream().filter(r -> mayRead(caller, r)).findFirst().map(this::view);
    }

    /**
     * Reports the caller works with, newest first: for a receiving body (and the Government Office)
     * those of its regimes, for a reporting agency its own and those below it; optionally one status.
     */
    public List<ReportView> reports(String status, int limit) {
        Caller caller = callers.current().requireAuthenticated();
        ReportStatus wanted = status == null || status.isBlank() ? null : enumOf(ReportStatus.class, status, "status");
        AgencyTree tree = directory.tree();
        var query = em.createQuery("SELECT r FROM Report r" + (wanted == null ? "" : " WHERE r.status = :s")
                + " ORDER BY r.createdAt DESC, r.id DESC", Report.class).setMaxResults(5000);
        if (wanted != null) {
            query.setParameter("s", wanted);
        }
        List<Report> found = query.getResultList();
        List<Report> visible = found.stream().filter(r -> government(caller) || (caller.agencyCode() != null
                && (tree.within(r.getAgencyCode(), caller.agencyCode())
                || caller.agencyCode().equals(receiverOf(r.getRegimeCode())))))
                .limit(Math.max(1, Math.min(limit, 500))).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        // All their values in one query, not one per report.
        Map<Long, List<ReportValue>> values = new HashMap<>();
        em.createQuery("SELECT v FROM ReportValue v WHERE v.reportId IN :ids ORDER BY v.indicatorCode, v.breakdown",
                ReportValue.class).setParameter("ids", visible.stream().map(Report::getId).toList()).getResultList()
                .forEach(v -> values.computeIfAbsent(v.getReportId(), id -> new ArrayList<>()).add(v));
        return visible.stream().map(r -> view(r, values.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static String key(String indicator, String breakdown) {
        return indicator + "/" + breakdown;
    }

    /** Checks every value against its indicator and the regime's form; returns them keyed indicator/breakdown. */
    private Map<String, BigDecimal> validate(Regime regime, List<ValueInput> inputs, boolean submitting) {
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        Map<String, BigDecimal> values = check(regime, inputs, submitting, failures);
        if (!failures.isEmpty()) {
            throw new InvalidValuesException("reporting.values.invalid", failures.size()
                    + " values of the report are not acceptable", failures);
        }
        return values;
    }

    /**
     * A dry run: every problem the values would meet on submission (or on saving a draft), and
     * nothing saved. The agency, period and regime are checked as for a real submission.
     */
    @RolesAllowed("REPORTER")
    public List<InvalidValuesException.Failure> dryRun(Submission submission) {
        Caller caller = agencyCaller();
        Regime regime = regime(submission.regime());
        Period period = Period.parse(submission.period());
        checkTarget(caller, regime, period, submission.agency());
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        check(regime, submission.values(), submission.submit(), failures);
        return failures;
    }

    private Map<String, BigDecimal> check(Regime regime, List<ValueInput> inputs, boolean submitting,
            List<InvalidValuesException.Failure> failures) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Indicator> indicators = new HashMap<>();
        for (ValueInput input : inputs == null ? List.<ValueInput>of() : inputs) {
            if (input == null || input.indicator() == null) {
                failures.add(new InvalidValuesException.Failure("values", "reporting.value.malformed",
                        "each value names its indicator"));
                continue;
            }
            String breakdown = input.breakdown() == null || input.breakdown().isBlank() ? Indicator.TOTAL
                    : input.breakdown().strip();
            String field = key(input.indicator(), breakdown);
            Indicator indicator = regime.hasIndicator(input.indicator()) ? em.find(Indicator.class, input.indicator()) : null;
            if (indicator == null) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.unknown-indicator",
                        input.indicator() + " is not on the form of " + regime.getCode()));
                continue;
            }
            indicators.put(indicator.getCode(), indicator);
            if (indicator.isDerived()) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.derived",
                        indicator.getCode() + " is computed from " + indicator.getFormula() + "; it is not entered"));
                continue;
            }
            if (!breakdown.equals(Indicator.TOTAL) && !indicator.breakdownKeys().contains(breakdown)) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.unknown-breakdown",
                        indicator.getCode() + " is broken down by " + indicator.breakdownKeys() + ", not " + breakdown));
                continue;
            }
            BigDecimal value = input.value();
            if (value == null) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.missing", "no number given"));
                continue;
            }
            if (indicator.getValueType() == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.not-integer",
                        indicator.getCode() + " is a whole number, not " + value.toPlainString()));
                continue;
            }
            if (value.precision() - value.scale() > 18 || value.stripTrailingZeros().scale() > 6) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.out-of-range",
                        value.toPlainString() + " has more than 18 digits before or 6 after the decimal point"));
                continue;
            }
            BigDecimal min = indicator.effectiveMin();
            BigDecimal max = indicator.effectiveMax();
            if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                failures.add(new InvalidValuesException.Failure(field, "reporting.value.out-of-range",
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
                if (item.isRequired() && !indicator.isDerived() && !values.containsKey(key(indicator.getCode(), Indicator.TOTAL))) {
                    failures.add(new InvalidValuesException.Failure(key(indicator.getCode(), Indicator.TOTAL),
                            "reporting.value.required", indicator.getCode() + " (" + indicator.getName() + ") is required"));
                }
            }
        }
        crossRules(regime, values, failures);
        return values;
    }

    /** Components add up to their total; breakdowns of a summed indicator add up to its whole. */
    private void crossRules(Regime regime, Map<String, BigDecimal> values, List<InvalidValuesException.Failure> failures) {
        Map<String, List<Indicator>> components = new LinkedHashMap<>();
        for (RegimeItem item : regime.getItems()) {
            Indicator indicator = em.find(Indicator.class, item.getIndicatorCode());
            if (indicator.getTotalOf() != null) {
                components.computeIfAbsent(indicator.getTotalOf(), t -> new ArrayList<>()).add(indicator);
            }
            List<String> keys = indicator.breakdownKeys();
            BigDecimal whole = values.get(key(indicator.getCode(), Indicator.TOTAL));
            if (whole != null && !keys.isEmpty() && sums(indicator)
                    && keys.stream().allMatch(k -> values.containsKey(key(indicator.getCode(), k)))) {
                BigDecimal sum = keys.stream().map(k -> values.get(key(indicator.getCode(), k)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(whole).abs().compareTo(TOLERANCE) > 0) {
                    failures.add(new InvalidValuesException.Failure(key(indicator.getCode(), Indicator.TOTAL),
                            "reporting.value.breakdown-sum", "the breakdowns " + keys + " add up to "
                            + sum.toPlainString() + ", not " + whole.toPlainString()));
                }
            }
        }
        components.forEach((total, parts) -> {
            BigDecimal whole = values.get(key(total, Indicator.TOTAL));
            if (whole == null || !parts.stream().allMatch(p -> values.containsKey(key(p.getCode(), Indicator.TOTAL)))) {
                return;
            }
            BigDecimal sum = parts.stream().map(p -> values.get(key(p.getCode(), Indicator.TOTAL)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(whole).abs().compareTo(TOLERANCE) > 0) {
                failures.add(new InvalidValuesException.Failure(key(total, Indicator.TOTAL), "reporting.value.component-sum",
                        parts.stream().map(Indicator::getCode).toList() + " add up to " + sum.toPlainString()
                                + ", not to the total " + whole.toPlainString()));
            }
        });
    }

    private static boolean sums(Indicator indicator) {
        return indicator.getAggregation() == Aggregation.SUM || indicator.getAggregation() == Aggregation.LAST;
    }

    private List<ReportValue> values(long reportId) {
        return em.createQuery("SELECT v FROM ReportValue v WHERE v.reportId = :r ORDER BY v.indicatorCode, v.breakdown",
                ReportValue.class).setParameter("r", reportId).getResultList();
    }

    private ReportView view(Report r) {
        return view(r, values(r.getId()));
    }

    private ReportView view(Report r, List<ReportValue> values) {
        return new ReportView(r.getId(), r.getRegimeCode(), r.getAgencyCode(), directory.tree().name(r.getAgencyCode()),
                r.getPeriod().toString(), r.getStatus().name(), r.getDeadline(), r.isLate(), r.getSubmittedAt(),
                r.getSubmittedBy(), r.getReviewedAt(), r.getReviewedBy(), r.getReturnReason(),
                values.stream().map(v -> new ValueView(v.getIndicatorCode(), v.getBreakdown(), v.getValue())).toList());
    }

    /** The receiving body of a regime, active or not (its reports stay readable and reviewable). */
    private String receiverOf(String regimeCode) {
        Regime regime = em.find(Regime.class, regimeCode);
        return regime == null ? null : regime.getReceiverCode();
    }

    /** Whether the caller is the Government Office or a system administrator: they see everything. */
    private boolean government(Caller caller) {
        return GOVERNMENT_OFFICE.equals(caller.agencyCode()) || callers.isInRole("SYSADMIN");
    }

    public ReportView report(long id) {
        Caller caller = callers.current().requireAuthenticated();
        return view(Visibility.visibleOrNotFound(em.find(Report.class, id), r -> mayRead(caller, r),
                "reporting.report.not-found", "no such report"));
    }

    private boolean mayRead(Caller caller, Report report) {
        if (report.getStatus() == ReportStatus.APPROVED || government(caller)) {
            return true;
        }
        String mine = caller.agencyCode();
        return mine != null && (directory.tree().within(report.getAgencyCode(), mine)
                || mine.equals(receiverOf(report.getRegimeCode())));
    }

    /** The receiving body approves a submitted report (it is published) or returns it with a reason. */
    @RolesAllowed({"ANALYST", "SYSADMIN"})
    public ReportView review(long id, boolean approve, String reason) {
        Caller caller = callers.current().requireAuthenticated();
        Report report = Visibility.visibleOrNotFound(em.find(Report.class, id, LockModeType.PESSIMISTIC_WRITE),
                r -> mayRead(caller, r), "reporting.report.not-found", "no such report");
        Regime regime = em.find(Regime.class, report.getRegimeCode());
        if (!regime.getReceiverCode().equals(caller.agencyCode()) && !callers.isInRole("SYSADMIN")) {
            throw DomainException.forbidden("reporting.review.forbidden", "reports of " + regime.getCode()
                    + " are reviewed by " + regime.getReceiverCode());
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reporting.return.reason-required", "a returned report needs the reason");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw DomainException.invalid("reporting.return.reason-too-long", "the reason is at most 1000 characters");
        }
        report.review(approve, reason == null ? null : reason.strip(), caller.name(),
                Timestamps.now());
        // The values carry the report's approval so analytics read one table: one statement for all.
        em.flush();
        em.createQuery("UPDATE ReportValue v SET v.approved = :approved WHERE v.reportId = :report")
                .setParameter("approved", approve).setParameter("report", report.getId()).executeUpdate();
        return view(report);
    }

    // ---------------------------------------------------------------- analytics

    /**
     * An indicator's value for an agency (null: the whole country), a period and a breakdown, from
     * the approved reports: an agency's own figure where it reported, else the roll-up of the
     * agencies below it; over the periods inside the one asked for by the indicator's rule.
     */
    public Analytics analytics(String indicatorCode, String agency, String periodText, String breakdown) {
        Caller caller = callers.current().requireAuthenticated();
        Indicator indicator = indicator(indicatorCode);
        Period period = Period.parse(periodText);
        AgencyTree tree = directory.tree();
        String scope = agency == null || agency.isBlank() ? null : agency.strip();
        if (scope != null && !tree.contains(scope)) {
            throw DomainException.notFound("agency.not-found", "no agency " + scope);
        }
        if (!maySee(caller, indicator, scope, tree)) {
            throw DomainException.forbidden("reporting.scope.forbidden", "an agency sees its own data and national "
                    + "aggregates; a ministry its own indicators");
        }
        String key = breakdown == null || breakdown.isBlank() ? Indicator.TOTAL : breakdown.strip();
        Rollup rollup = new Rollup(tree, period);
        BigDecimal value = rollup.value(indicator, scope, key);
        List<Part> parts = new ArrayList<>();
        for (String child : tree.children(scope)) {
            // The parts follow the same rule as the figure: the nation's total is everyone's, its provinces are not.
            if (!maySee(caller, indicator, child, tree)) {
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
                breakdowns.add(new Analytics(indicator.getCode(), indicator.getName(), indicator.getUnit(),
                        indicator.getAggregation().name(), scope, scope == null ? null : tree.name(scope),
                        period.toString(), k, rollup.value(indicator, scope, k), List.of(), null, null, List.of()));
            }
        }
        return new Analytics(indicator.getCode(), indicator.getName(), indicator.getUnit(),
                indicator.getAggregation().name(), scope, scope == null ? "Toàn quốc" : tree.name(scope),
                period.toString(), key, value, parts, target, status(value, target), breakdowns);
    }

    private boolean maySee(Caller caller, Indicator indicator, String scope, AgencyTree tree) {
        if (scope == null || government(caller)) {
            return true;
        }
        String mine = caller.agencyCode();
        return mine != null && (tree.within(scope, mine) || mine.equals(indicator.getOwnerCode()));
    }

    private BigDecimal target(String indicator, int year, String agency) {
        return targets(indicator, year, agency).stream().map(Target::getValue).findFirst().orElse(null);
    }

    /** The targets of an indicator for a year and an agency (null: the national one). */
    private List<Target> targets(String indicator, int year, String agency) {
        var query = em.createQuery("SELECT t FROM Target t WHERE t.indicatorCode = :i AND t.year = :y AND "
                + (agency == null ? "t.agencyCode IS NULL" : "t.agencyCode = :a"), Target.class)
                .setParameter("i", indicator).setParameter("y", year);
        if (agency != null) {
            query.setParameter("a", agency);
        }
        return query.getResultList();
    }

    /** GREEN at or above the target, AMBER within 10% below it, RED further below. */
    static String status(BigDecimal value, BigDecimal target) {
        if (value == null || target == null || target.signum() == 0) {
            return null;
        }
        BigDecimal ratio = value.divide(target, MATH);
        return ratio.compareTo(BigDecimal.ONE) >= 0 ? "GREEN" : ratio.compareTo(AMBER) >= 0 ? "AMBER" : "RED";
    }

    /** One analytics question's working set: the approved values it needs, read once per indicator and breakdown. */
    private final class Rollup {
        private final AgencyTree tree;
        private final Period period;
        private final List<String> periodKeys;
        private final Map<String, Map<String, Map<String, BigDecimal>>> loaded = new HashMap<>();

        Rollup(AgencyTree tree, Period period) {
            this.tree = tree;
            this.period = period;
            this.periodKeys = subPeriods(period);
        }

        /** indicator/breakdown → stored period → agency → value */
        private Map<String, Map<String, BigDecimal>> rows(String indicator, String breakdown) {
            return loaded.computeIfAbsent(key(indicator, breakdown), k -> {
                Map<String, Map<String, BigDecimal>> byPeriod = new TreeMap<>();
                for (Object[] row : em.createQuery("SELECT v.period, v.agencyCode, v.value FROM ReportValue v "
                        + "WHERE v.indicatorCode = :i AND v.period IN :p AND v.approved = TRUE AND v.breakdown = :b",
                        Object[].class).setParameter("i", indicator).setParameter("p", periodKeys)
                        .setParameter("b", breakdown).getResultList()) {
                    byPeriod.computeIfAbsent((String) row[0], p -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]);
                }
                return byPeriod;
            });
        }

        private final Set<String> visiting = new java.util.HashSet<>();

        BigDecimal value(Indicator indicator, String agency, String breakdown) {
            if (indicator.isDerived()) {
                if (!visiting.add(indicator.getCode())) {
                    return null; // a formula that comes back to itself has no value
                }
                try {
                    Formula formula = Formula.parse(indicator.getFormula());
                    Map<String, BigDecimal> inputs = new HashMap<>();
                    for (String code : formula.inputs()) {
                        Indicator input = em.find(Indicator.class, code);
                        boolean has = input != null && (Indicator.TOTAL.equals(breakdown)
                                || input.breakdownKeys().contains(breakdown));
                        // Never mix a breakdown with another input's whole (urban sales over total population).
                        inputs.put(code, has ? value(input, agency, breakdown) : null);
                    }
                    BigDecimal result = formula.evaluate(inputs);
                    return result == null ? null : result.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
                } finally {
                    visiting.remove(indicator.getCode());
                }
            }
            Map<String, Map<String, BigDecimal>> byPeriod = finestFrequency(rows(indicator.getCode(), breakdown));
            if (indicator.getAggregation() == Aggregation.LAST) {
                return latestStock(agency, byPeriod);
            }
            Map<String, Map<String, BigDecimal>> weights = indicator.getAggregation() == Aggregation.WEIGHTED_AVERAGE
                    && indicator.getWeightCode() != null ? rows(indicator.getWeightCode(), Indicator.TOTAL) : Map.of();
            List<BigDecimal> overTime = new ArrayList<>();
            for (Map.Entry<String, Map<String, BigDecimal>> p : byPeriod.entrySet()) {
                BigDecimal v = atPeriod(indicator, agency, p.getValue(), weights.getOrDefault(p.getKey(), Map.of()));
                if (v != null) {
                    overTime.add(v);
                }
            }
            return overTime.isEmpty() ? null : combineOverTime(indicator.getAggregation(), overTime);
        }

        /**
         * A stock: each agency's own latest figure inside the period, else the sum of its children's
         * latest — so one agency reporting a newer month does not hide the others' figures.
         */
        private BigDecimal latestStock(String agency, Map<String, Map<String, BigDecimal>> byPeriod) {
            if (agency != null) {
                BigDecimal own = null;
                for (Map<String, BigDecimal> values : byPeriod.values()) {
                    if (values.containsKey(agency)) {
                        own = values.get(agency); // periods are in calendar order: the last one wins
                    }
                }
                if (own != null) {
                    return own;
                }
            }
            BigDecimal sum = null;
            for (String child : tree.children(agency)) {
                BigDecimal v = latestStock(child, byPeriod);
                if (v != null) {
                    sum = sum == null ? v : sum.add(v);
                }
            }
            return sum;
        }

        /** An agency's figure for one stored period: its own if it reported, else its children's combined. */
        private BigDecimal atPeriod(Indicator indicator, String agency, Map<String, BigDecimal> values,
                Map<String, BigDecimal> weights) {
            if (agency != null && values.containsKey(agency)) {
                return values.get(agency);
            }
            List<BigDecimal> parts = new ArrayList<>();
            List<BigDecimal> partWeights = new ArrayList<>();
            for (String child : tree.children(agency)) {
                BigDecimal v = atPeriod(indicator, child, values, weights);
                if (v != null) {
                    parts.add(v);
                    partWeights.add(weightOf(child, weights));
                }
            }
            return parts.isEmpty() ? null : combineAcross(indicator.getAggregation(), parts, partWeights);
        }

        private BigDecimal weightOf(String agency, Map<String, BigDecimal> weights) {
            if (weights.containsKey(agency)) {
                return weights.get(agency);
            }
            BigDecimal sum = null;
            for (String child : tree.children(agency)) {
                BigDecimal w = weightOf(child, weights);
                if (w != null) {
                    sum = sum == null ? w : sum.add(w);
                }
            }
            return sum;
        }
    }

    /**
     * Only the finest frequency present: an indicator reported monthly under one regime and yearly
     * under another must not be counted twice; periods in calendar order.
     */
    static Map<String, Map<String, BigDecimal>> finestFrequency(Map<String, Map<String, BigDecimal>> byPeriod) {
        java.util.Optional<vn.egov.reporting.domain.model.PeriodType> finest = byPeriod.keySet().stream()
                .map(k -> Period.parse(k).type()).min(java.util.Comparator.naturalOrder());
        Map<String, Map<String, BigDecimal>> kept = new LinkedHashMap<>();
        byPeriod.keySet().stream().map(Period::parse).filter(p -> p.type() == finest.orElse(null))
                .sorted(java.util.Comparator.comparing(Period::firstDay))
                .forEach(p -> kept.put(p.toString(), byPeriod.get(p.toString())));
        return kept;
    }

    /** Every period key a value of any frequency inside this period is stored under. */
    static List<String> subPeriods(Period period) {
        Set<String> keys = new LinkedHashSet<>();
        for (Period month : period.months()) {
            keys.add(month.toString());
            keys.add(Period.of(vn.egov.reporting.domain.model.PeriodType.QUARTER, month.firstDay()).toString());
            keys.add(Period.of(vn.egov.reporting.domain.model.PeriodType.HALF_YEAR, month.firstDay()).toString());
            keys.add(Period.of(vn.egov.reporting.domain.model.PeriodType.YEAR, month.firstDay()).toString());
        }
        keys.removeIf(k -> !period.contains(Period.parse(k)));
        return List.copyOf(keys);
    }

    static BigDecimal combineAcross(Aggregation aggregation, List<BigDecimal> values, List<BigDecimal> weights) {
        return switch (aggregation) {
            case SUM, LAST -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE -> average(values);
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            case WEIGHTED_AVERAGE -> {
                // Parts without a weight are left out; with no weight at all, the plain average.
                BigDecimal total = BigDecimal.ZERO;
                BigDecimal weightSum = BigDecimal.ZERO;
                for (int i = 0; i < values.size(); i++) {
                    if (weights.get(i) != null) {
                        total = total.add(values.get(i).multiply(weights.get(i)));
                        weightSum = weightSum.add(weights.get(i));
                    }
                }
                yield weightSum.signum() == 0 ? average(values) : total.divide(weightSum, MATH);
            }
        };
    }

    static BigDecimal combineOverTime(Aggregation aggregation, List<BigDecimal> inOrder) {
        return switch (aggregation) {
            case SUM -> inOrder.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE, WEIGHTED_AVERAGE -> average(inOrder);
            case LAST -> inOrder.get(inOrder.size() - 1);
            case MAX -> inOrder.stream().max(BigDecimal::compareTo).orElseThrow();
        };
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MATH);
    }

    // ---------------------------------------------------------------- completeness

    /** How many of the agencies that must report under a regime did so for a period, and on time. */
    public Completeness completeness(String regimeCode, String periodText) {
        Caller caller = callers.current().requireAuthenticated();
        Regime regime = regime(regimeCode);
        Period period = Period.parse(periodText);
        AgencyTree tree = directory.tree();
        Set<String> expected = new LinkedHashSet<>();
        for (String agency : regime.getAgencies().stream().sorted().toList()) {
            if (government(caller) || caller.agencyCode() == null || caller.agencyCode().equals(regime.getReceiverCode())
                    || tree.within(agency, caller.agencyCode())) {
                expected.add(agency);
            }
        }
        int submitted = 0;
        int approved = 0;
        int onTime = 0;
        Set<String> missing = new LinkedHashSet<>(expected);
        for (Report report : em.createQuery("SELECT r FROM Report r WHERE r.regimeCode = :g AND r.period = :p",
                Report.class).setParameter("g", regime.getCode()).setParameter("p", period.toString()).getResultList()) {
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
        return new Completeness(regime.getCode(), period.toString(), expected.size(), submitted, approved, onTime,
                rate(submitted, expected.size()), rate(onTime, expected.size()), List.copyOf(missing));
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
