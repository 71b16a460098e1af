package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.ValueInput;
import vn.egov.reporting.domain.model.ConnectedSystem;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.Report;
import vn.egov.reporting.domain.model.ReportStatus;
import vn.egov.reporting.domain.model.ReportValue;
import vn.egov.reporting.infrastructure.DataValueStreams.DataValue;

/**
 * Figures in bulk between reporting systems, DHIS2-style (dataValueSets): a ministry's or a
 * province's own system sends many values of one regime for many agencies and periods; they are
 * grouped into the reports they belong to (one per agency and period) and each report meets exactly
 * the rules of a report sent by form ({@link SubmissionRules}): who may report for whom, each
 * value's type and range, required lines (when submitted), components and breakdowns adding up,
 * and no change to a submitted or approved report. The import is atomic: one conflict and nothing
 * is saved (as on a dry run); the summary lists every conflict by value.
 *
 * <p>Besides its own agency and those below it, the regime's receiving body may enter the figures of
 * the agencies reporting to it in bulk: its national system integrates what they supplied through
 * other channels.
 *
 * <p>Each importing system is kept in the registry of connected systems with its last import.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.REPORTER_ROLE, Role.SYSADMIN_ROLE})
public class DataValueSets {

    /** How existing values are treated: DHIS2's import strategies. */
    public enum ImportStrategy {
        CREATE,
        UPDATE,
        CREATE_AND_UPDATE
    }

    /** DHIS2's import count. */
    public record ImportCount(int imported, int updated, int ignored, int deleted) {}

    /**
     * One conflict: the value's object ({@code agency/period/indicator/breakdown}, or the agency), the
     * message, and the stable error code.
     */
    public record Conflict(String object, String value, String errorCode) {}

    /** DHIS2's import summary: status OK, WARNING (some values ignored) or ERROR (nothing saved). */
    public record ImportSummary(
            String responseType,
            String status,
            boolean dryRun,
            String importStrategy,
            String dataSet,
            String description,
            ImportCount importCount,
            List<Conflict> conflicts) {}

    /** One stored value, as read back. */
    public record DataValueView(
            String dataElement,
            String period,
            String orgUnit,
            String categoryOptionCombo,
            String value,
            String storedBy,
            String status) {}

    public record DataValueSetView(String dataSet, List<DataValueView> dataValues) {}

    private static final int MAX_CONFLICTS_LISTED = 1000;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private ReportingRecords records;

    @Inject
    private SubmissionRules rules;

    private record Group(String agency, Period period, List<DataValue> values) {}

    /**
     * Imports a data value set of one regime. {@code submit}: each report touched is submitted for
     * approval (else kept as a draft). With {@code dryRun} nothing is saved and the summary says what
     * would be.
     */
    @RolesAllowed(Role.REPORTER_ROLE)
    public ImportSummary importValues(
            String regimeCode, List<DataValue> values, boolean dryRun, String strategyText, boolean submit) {
        Caller caller = callers.current().requireAgency("reporting.agency.required", "report");
        Regime regime = records.regime(regimeCode);
        ImportStrategy strategy = strategyText == null || strategyText.isBlank()
                ? ImportStrategy.CREATE_AND_UPDATE
                : ReportingRecords.enumOf(
                        ImportStrategy.class, strategyText.replace("_UPDATES", "_UPDATE"), "importStrategy");
        if (!dryRun) {
            // As for one report: the regime's row serialises the creation of its reports.
            em.find(Regime.class, regime.getCode(), LockModeType.PESSIMISTIC_WRITE);
        }
        List<Conflict> errors = new ArrayList<>();
        List<Conflict> warnings = new ArrayList<>();
        int ignored = 0;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (DataValue v : values) {
            if (v.orgUnit() == null || v.period() == null || v.dataElement() == null) {
                errors.add(new Conflict(
                        object(v),
                        "each value names its dataElement, period and orgUnit",
                        "reporting.value.malformed"));
                continue;
            }
            Period period;
            try {
                period = Period.parse(v.period());
            } catch (DomainException e) {
                errors.add(new Conflict(object(v), e.getMessage(), e.code()));
                continue;
            }
            groups.computeIfAbsent(v.orgUnit() + " " + period, k -> new Group(v.orgUnit(), period, new ArrayList<>()))
                    .values()
                    .add(v);
        }
        // The reports the import touches and their values, read in a few queries rather than two per report.
        Map<String, Report> existing = new HashMap<>();
        Map<Long, List<ReportValue>> storedByReport = new HashMap<>();
        List<String> periods = groups.values().stream()
                .map(g -> g.period().toString())
                .distinct()
                .toList();
        for (int from = 0; from < periods.size(); from += 500) {
            em.createQuery("SELECT r FROM Report r WHERE r.regimeCode = :g AND r.period IN :p", Report.class)
                    .setParameter("g", regime.getCode())
                    .setParameter("p", periods.subList(from, Math.min(periods.size(), from + 500)))
                    .getResultList()
                    .forEach(r -> {
                        if (groups.containsKey(r.getAgencyCode() + " " + r.getPeriod())) {
                            existing.put(r.getAgencyCode() + " " + r.getPeriod(), r);
                        }
                    });
        }
        List<Long> ids = existing.values().stream().map(Report::getId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("SELECT v FROM ReportValue v WHERE v.reportId IN :ids", ReportValue.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .getResultList()
                    .forEach(v -> storedByReport
                            .computeIfAbsent(v.getReportId(), k -> new ArrayList<>())
                            .add(v));
        }
        List<SubmissionRules.Batched> planned = new ArrayList<>();
        int imported = 0;
        int updated = 0;
        for (Group group : groups.values()) {
            try {
                rules.checkTarget(caller, regime, group.period(), group.agency(), true);
            } catch (DomainException e) {
                group.values().forEach(v -> errors.add(new Conflict(object(v), e.getMessage(), e.code())));
                continue;
            }
            Report report = existing.get(group.agency() + " " + group.period());
            if (report != null && !report.getStatus().editable()) {
                group.values()
                        .forEach(v -> errors.add(new Conflict(
                                object(v),
                                "the report is " + report.getStatus() + "; it changes only after it is returned",
                                "reporting.report.not-editable")));
                continue;
            }
            Map<String, BigDecimal> current = new LinkedHashMap<>();
            List<ReportValue> storedValues =
                    report == null ? List.of() : storedByReport.getOrDefault(report.getId(), List.of());
            storedValues.forEach(rv -> current.put(key(rv.getIndicatorCode(), rv.getBreakdown()), rv.getValue()));
            Map<String, ValueInput> merged = new LinkedHashMap<>();
            current.forEach((k, value) -> {
                String[] parts = k.split("/", 2);
                merged.put(k, new ValueInput(parts[0], parts[1], value));
            });
            Set<String> sent = new HashSet<>();
            Map<String, DataValue> byKey = new HashMap<>();
            int groupErrors = errors.size();
            int newOnes = 0;
            int existingOnes = 0;
            for (DataValue v : group.values()) {
                String breakdown = v.categoryOptionCombo() == null
                                || v.categoryOptionCombo().isBlank()
                                || v.categoryOptionCombo().equalsIgnoreCase("default")
                        ? Indicator.TOTAL
                        : v.categoryOptionCombo().strip();
                String k = key(v.dataElement(), breakdown);
                if (!sent.add(k)) {
                    errors.add(new Conflict(object(v), "given twice", "reporting.value.duplicate"));
                    continue;
                }
                byKey.put(k, v);
                boolean exists = current.containsKey(k);
                if (exists && strategy == ImportStrategy.CREATE) {
                    warnings.add(new Conflict(
                            object(v),
                            "the value exists; importStrategy CREATE leaves it",
                            "reporting.datavalues.exists"));
                    ignored++;
                    continue;
                }
                if (!exists && strategy == ImportStrategy.UPDATE) {
                    warnings.add(new Conflict(
                            object(v),
                            "no such value; importStrategy UPDATE creates none",
                            "reporting.datavalues.not-found"));
                    ignored++;
                    continue;
                }
                BigDecimal number;
                try {
                    number = v.value() == null ? null : new BigDecimal(v.value().strip());
                } catch (NumberFormatException e) {
                    errors.add(new Conflict(
                            object(v), "'" + v.value() + "' is not a number", "reporting.value.not-number"));
                    continue;
                }
                merged.put(k, new ValueInput(v.dataElement(), breakdown, number));
                if (exists) {
                    existingOnes++;
                } else {
                    newOnes++;
                }
            }
            List<InvalidValuesException.Failure> failures = new ArrayList<>();
            Map<String, BigDecimal> checked = rules.check(regime, new ArrayList<>(merged.values()), submit, failures);
            for (InvalidValuesException.Failure f : failures) {
                DataValue sentValue = byKey.get(f.field());
                errors.add(new Conflict(
                        sentValue != null ? object(sentValue) : group.agency() + "/" + group.period() + "/" + f.field(),
                        f.message(),
                        f.code()));
            }
            if (errors.size() == groupErrors) {
                planned.add(new SubmissionRules.Batched(group.period(), group.agency(), report, storedValues, checked));
                imported += newOnes;
                updated += existingOnes;
            }
        }
        String status;
        ImportCount count;
        boolean refused = !errors.isEmpty();
        if (refused) {
            status = "ERROR";
            count = new ImportCount(0, 0, values.size(), 0);
        } else {
            status = warnings.isEmpty() ? "OK" : "WARNING";
            count = new ImportCount(imported, updated, ignored, 0);
            if (!dryRun) {
                rules.storeAll(caller, regime, planned, submit);
            }
        }
        List<Conflict> conflicts = new ArrayList<>(errors);
        conflicts.addAll(warnings);
        String description = refused
                ? conflicts.size() + " conflicts; the import was refused and nothing was saved"
                : dryRun ? "dry run: nothing was saved" : "import done: " + planned.size() + " reports";
        register(caller, regime.getCode(), status, dryRun, count, conflicts.size(), refused ? description : null);
        return new ImportSummary(
                "ImportSummary",
                status,
                dryRun,
                strategy.name(),
                regime.getCode(),
                description,
                count,
                conflicts.size() > MAX_CONFLICTS_LISTED ? conflicts.subList(0, MAX_CONFLICTS_LISTED) : conflicts);
    }

    private static String object(DataValue v) {
        return v.orgUnit() + "/" + v.period() + "/" + v.dataElement() + "/"
                + (v.categoryOptionCombo() == null ? Indicator.TOTAL : v.categoryOptionCombo());
    }

    private void register(
            Caller caller,
            String regime,
            String status,
            boolean dryRun,
            ImportCount count,
            int conflicts,
            String error) {
        String client = caller.name() == null ? caller.agencyCode() : caller.name();
        ConnectedSystem system = em.find(ConnectedSystem.class, client, LockModeType.PESSIMISTIC_WRITE);
        if (system == null) {
            system = new ConnectedSystem(client, caller.agencyCode());
            em.persist(system);
        }
        system.imported(
                regime,
                Timestamps.now(),
                status,
                dryRun,
                count.imported(),
                count.updated(),
                count.ignored(),
                conflicts,
                error);
    }

    /**
     * Reads stored values back: one regime, some periods, some agencies (and, with {@code children},
     * all below them), only from the reports the caller may read (approved ones everyone signed in may).
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public DataValueSetView values(
            String regimeCode, Collection<String> periods, Collection<String> agencyCodes, boolean children) {
        Caller caller = callers.current().requireAuthenticated();
        Regime regime = records.regime(regimeCode);
        if (periods.isEmpty() || periods.size() > 120 || agencyCodes.isEmpty() || agencyCodes.size() > 200) {
            throw DomainException.invalid(
                    "reporting.datavalues.query", "regime, one to 200 agencies and one to 120 periods are required");
        }
        List<String> wanted =
                periods.stream().map(p -> Period.parse(p).toString()).distinct().toList();
        AgencyTree tree = records.tree();
        Set<String> agencies = new HashSet<>();
        for (String agency : agencyCodes) {
            if (!tree.contains(agency)) {
                throw DomainException.notFound("reporting.agency.unknown", "no agency " + agency);
            }
            agencies.addAll(children ? tree.subtree(agency) : Set.of(agency));
        }
        List<Report> reports = em
                .createQuery(
                        "SELECT r FROM Report r WHERE r.regimeCode = :g AND r.period IN :p ORDER BY r.agencyCode, r.period",
                        Report.class)
                .setParameter("g", regime.getCode())
                .setParameter("p", wanted)
                .getResultList()
                .stream()
                .filter(r -> agencies.contains(r.getAgencyCode()) && records.mayRead(caller, r))
                .toList();
        List<DataValueView> out = new ArrayList<>();
        Map<Long, Report> byId = new HashMap<>();
        reports.forEach(r -> byId.put(r.getId(), r));
        List<Long> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            for (ReportValue v : em.createQuery(
                            "SELECT v FROM ReportValue v WHERE v.reportId IN :ids", ReportValue.class)
                    .setParameter("ids", slice)
                    .getResultList()) {
                Report r = byId.get(v.getReportId());
                out.add(new DataValueView(
                        v.getIndicatorCode(),
                        r.getPeriod().toString(),
                        r.getAgencyCode(),
                        v.getBreakdown(),
                        v.getValue().stripTrailingZeros().toPlainString(),
                        r.getSubmittedBy() != null ? r.getSubmittedBy() : r.getCreatedBy(),
                        r.getStatus().name()));
            }
        }
        out.sort(java.util.Comparator.comparing(DataValueView::orgUnit)
                .thenComparing(DataValueView::period)
                .thenComparing(DataValueView::dataElement)
                .thenComparing(DataValueView::categoryOptionCombo));
        return new DataValueSetView(regime.getCode(), out);
    }

    /** One connected system in the registry, with the completeness of what it supplies per regime. */
    public record ConnectedSystemView(
            String clientId,
            String agency,
            String agencyName,
            List<String> regimes,
            int imports,
            int failedImports,
            OffsetDateTime lastImportAt,
            String lastRegime,
            String lastStatus,
            boolean lastDryRun,
            ImportCount lastImportCount,
            int lastConflicts,
            String lastError,
            List<Supply> supplies) {}

    /**
     * For one regime: the latest period the system supplied, how many agencies it answers for, for
     * how many of them a report of that period exists from it, and the share.
     */
    public record Supply(String regime, String period, int expected, int supplied, BigDecimal completenessRate) {}

    /**
     * The registry of connected systems: all of them for the overseers and system administrators,
     * for anyone else those of their own agency and the agencies below it.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<ConnectedSystemView> connectedSystems() {
        Caller caller = callers.current().requireAuthenticated();
        AgencyTree tree = records.tree();
        boolean all = records.oversees(caller);
        List<ConnectedSystemView> out = new ArrayList<>();
        for (ConnectedSystem s : em.createQuery(
                        "SELECT s FROM ConnectedSystem s ORDER BY s.agencyCode, s.clientId", ConnectedSystem.class)
                .setMaxResults(2000)
                .getResultList()) {
            if (!all && (caller.agencyCode() == null || !tree.within(s.getAgencyCode(), caller.agencyCode()))) {
                continue;
            }
            List<Supply> supplies = new ArrayList<>();
            for (String code : s.regimes()) {
                Regime regime = em.find(Regime.class, code);
                if (regime != null) {
                    supplies.add(supply(s, regime, tree));
                }
            }
            out.add(new ConnectedSystemView(
                    s.getClientId(),
                    s.getAgencyCode(),
                    tree.contains(s.getAgencyCode()) ? tree.name(s.getAgencyCode()) : null,
                    s.regimes(),
                    s.getImports(),
                    s.getFailedImports(),
                    s.getLastImportAt(),
                    s.getLastRegime(),
                    s.getLastStatus(),
                    s.isLastDryRun(),
                    new ImportCount(s.getLastImported(), s.getLastUpdated(), s.getLastIgnored(), 0),
                    s.getLastConflicts(),
                    s.getLastError(),
                    supplies));
        }
        return out;
    }

    private Supply supply(ConnectedSystem s, Regime regime, AgencyTree tree) {
        boolean receiver = regime.getReceiverCode().equals(s.getAgencyCode());
        Set<String> covered = new HashSet<>();
        for (String agency : regime.getAgencies()) {
            if (receiver || (tree.contains(agency) && tree.within(agency, s.getAgencyCode()))) {
                covered.add(agency);
            }
        }
        List<String> periods = em.createQuery(
                        "SELECT DISTINCT r.period FROM Report r WHERE r.regimeCode = :g AND r.createdBy = :c",
                        String.class)
                .setParameter("g", regime.getCode())
                .setParameter("c", s.getClientId())
                .getResultList();
        // Period texts of one regime share a type, and their text sorts as they follow each other.
        String latest =
                periods.stream().max(java.util.Comparator.naturalOrder()).orElse(null);
        int supplied = latest == null
                ? 0
                : (int) em
                        .createQuery(
                                "SELECT r.agencyCode FROM Report r WHERE r.regimeCode = :g AND r.period = :p "
                                        + "AND r.createdBy = :c AND r.status <> :draft",
                                String.class)
                        .setParameter("g", regime.getCode())
                        .setParameter("p", latest)
                        .setParameter("c", s.getClientId())
                        .setParameter("draft", ReportStatus.DRAFT)
                        .getResultList()
                        .stream()
                        .filter(covered::contains)
                        .distinct()
                        .count();
        BigDecimal rate = covered.isEmpty()
                ? null
                : BigDecimal.valueOf(100L * supplied)
                        .divide(BigDecimal.valueOf(covered.size()), 1, java.math.RoundingMode.HALF_UP);
        return new Supply(regime.getCode(), latest, covered.size(), supplied, rate);
    }
}
