package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.reporting.application.ReportingViews.ValueInput;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.RegimeItem;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.domain.model.ValueType;

/**
 * The rules of a report, one place for every way figures arrive (a form, an uploaded sheet, a
 * connected system's bulk import): who may report for which agency, regime and period, what each
 * value must be, how the values of one report hang together, and how a report is stored. Not a
 * transaction boundary and not called from outside the package: the reporting EJBs that use it
 * carry their own {@code @RolesAllowed}, and this bean runs inside their transaction.
 */
@Dependent
class SubmissionRules {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Components may differ from their total by rounding, not more. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private DirectoryService directory;

    @Inject
    private ReportingRecords records;

    /** Whether the caller may report for this agency, regime and period; the agency reported for. */
    String checkTarget(Caller caller, Regime regime, Period period, String requestedAgency) {
        return checkTarget(caller, regime, period, requestedAgency, false);
    }

    /**
     * As {@link #checkTarget(Caller, Regime, Period, String)}; {@code bulk}: figures arriving from a
     * connected system in bulk, where the regime's receiving body may also enter the figures of the
     * agencies reporting to it (its national system integrates what they sent through other channels).
     */
    String checkTarget(Caller caller, Regime regime, Period period, String requestedAgency, boolean bulk) {
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
        boolean receiver = bulk && regime.getReceiverCode().equals(caller.agencyCode());
        if (!tree.contains(agency) || !(receiver || tree.within(agency, caller.agencyCode()))) {
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

    /** Checks every value against its indicator and the regime's form; returns them keyed indicator/breakdown. */
    Map<String, BigDecimal> validate(Regime regime, List<ValueInput> inputs, boolean submitting) {
        List<InvalidValuesException.Failure> failures = new ArrayList<>();
        Map<String, BigDecimal> values = check(regime, inputs, submitting, failures);
        if (!failures.isEmpty()) {
            throw new InvalidValuesException(
                    "reporting.values.invalid", failures.size() + " values of the report are not acceptable", failures);
        }
        return values;
    }

    Map<String, BigDecimal> check(
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

    /** The report of a regime, agency and period, or null. */
    Report existing(String regime, String agency, Period period) {
        return em.createQuery(
                        "SELECT r FROM Report r WHERE r.regimeCode = :g AND r.agencyCode = :a AND r.period = :p",
                        Report.class)
                .setParameter("g", regime)
                .setParameter("a", agency)
                .setParameter("p", period.toString())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Stores a report's validated values (keyed indicator/breakdown) — the report created on first
     * use — as a draft or submitted. A report is sent whole: values not in {@code values} are removed.
     */
    Report store(
            Caller caller,
            Regime regime,
            Period period,
            String agency,
            Report found,
            Map<String, BigDecimal> values,
            boolean submit) {
        OffsetDateTime now = Timestamps.now();
        Report report = found;
        if (report == null) {
            report = new Report(
                    regime.getCode(), agency, period, period.deadline(regime.getDeadlineDay()), caller.name(), now);
            em.persist(report);
            // Values refer to the report by its id column: the report row goes first.
            em.flush();
        }
        Map<String, ReportValue> stored = new HashMap<>();
        if (found != null) {
            for (ReportValue v : records.values(report.getId())) {
                stored.put(key(v.getIndicatorCode(), v.getBreakdown()), v);
            }
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
        stored.values().forEach(em::remove);
        if (submit) {
            report.submit(caller.name(), now, LocalDate.now(VIETNAM));
        }
        em.flush();
        return report;
    }

    /** One report of a bulk import: its agency and period, the report if it exists (with its stored values), the values it is to hold. */
    record Batched(
            Period period, String agency, Report found, List<ReportValue> stored, Map<String, BigDecimal> values) {}

    /**
     * Stores many validated reports at once, as {@link #store} does each (values not listed removed; each
     * submitted or kept a draft), in two flushes: the new reports' rows first, then every value.
     */
    void storeAll(Caller caller, Regime regime, List<Batched> batch, boolean submit) {
        OffsetDateTime now = Timestamps.now();
        List<Report> reports = new ArrayList<>(batch.size());
        for (Batched b : batch) {
            Report report = b.found();
            if (report == null) {
                report = new Report(
                        regime.getCode(),
                        b.agency(),
                        b.period(),
                        b.period().deadline(regime.getDeadlineDay()),
                        caller.name(),
                        now);
                em.persist(report);
            }
            reports.add(report);
        }
        // Values refer to their report by its id column: the report rows go first.
        em.flush();
        LocalDate today = LocalDate.now(VIETNAM);
        for (int n = 0; n < batch.size(); n++) {
            Batched b = batch.get(n);
            Report report = reports.get(n);
            Map<String, ReportValue> stored = new HashMap<>();
            for (ReportValue v : b.stored()) {
                stored.put(key(v.getIndicatorCode(), v.getBreakdown()), v);
            }
            for (Map.Entry<String, BigDecimal> e : b.values().entrySet()) {
                ReportValue existing = stored.remove(e.getKey());
                if (existing != null) {
                    if (existing.getValue().compareTo(e.getValue()) != 0) {
                        existing.setValue(e.getValue());
                    }
                } else {
                    String[] parts = e.getKey().split("/", 2);
                    em.persist(new ReportValue(report, parts[0], parts[1], e.getValue()));
                }
            }
            stored.values().forEach(em::remove);
            if (submit) {
                report.submit(caller.name(), now, today);
            }
        }
        em.flush();
    }
}
