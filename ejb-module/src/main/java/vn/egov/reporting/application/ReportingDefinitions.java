package vn.egov.reporting.application;

import static vn.egov.reporting.application.ReportingRecords.enumOf;
import static vn.egov.reporting.application.ReportingRecords.key;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.FormLine;
import vn.egov.reporting.application.ReportingViews.IndicatorView;
import vn.egov.reporting.application.ReportingViews.RegimeView;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Formula;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;
import vn.egov.reporting.domain.model.Regime;
import vn.egov.reporting.domain.model.RegimeItem;
import vn.egov.reporting.domain.model.Target;
import vn.egov.reporting.domain.model.ValueType;

/**
 * Reporting's metadata, as data (DHIS2's lesson): indicators (with their formulas, breakdowns,
 * bounds and owners), regimes (Decree 09/2019/NĐ-CP: a form, a frequency, a deadline, a receiving
 * body and the agencies that report) and targets. Everyone signed in reads them; system
 * administrators define them.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.SYSADMIN_ROLE})
public class ReportingDefinitions {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private ReportingRecords records;

    // ---------------------------------------------------------------- metadata

    @RolesAllowed(Role.AUTHENTICATED)
    public List<IndicatorView> indicators() {
        callers.current().requireAuthenticated();
        return em
                .createQuery("SELECT i FROM Indicator i WHERE i.active = TRUE ORDER BY i.code", Indicator.class)
                .getResultList()
                .stream()
                .map(ReportingRecords::view)
                .toList();
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public List<RegimeView> regimes() {
        callers.current().requireAuthenticated();
        return em
                .createQuery("SELECT r FROM Regime r WHERE r.active = TRUE ORDER BY r.code", Regime.class)
                .getResultList()
                .stream()
                .map(ReportingRecords::view)
                .toList();
    }

    // ---------------------------------------------------------------- metadata administration

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_-]{0,39}$");

    /**
     * Creates or redefines an indicator (system administrators). A derived indicator's formula must
     * parse and name existing indicators; a weighted average needs its weight; bounds must be ordered.
     */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public IndicatorView saveIndicator(IndicatorView v, boolean active) {
        callers.current().requireAuthenticated();
        if (v == null || v.code() == null || !CODE.matcher(v.code()).matches()) {
            throw DomainException.invalid(
                    "reporting.indicator.code-invalid",
                    "an indicator code is capital letters, " + "digits and _ (e.g. RETAIL_TOTAL)");
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
                    throw DomainException.invalid(
                            "reporting.formula.input-unknown",
                            "the formula names " + input + ", which is not another indicator");
                }
                if (dependsOn(input, v.code(), new HashSet<>())) {
                    throw DomainException.invalid(
                            "reporting.formula.circular", input + " is itself computed from " + v.code());
                }
            }
        }
        if (aggregation == Aggregation.WEIGHTED_AVERAGE
                && (v.weightIndicator() == null || em.find(Indicator.class, v.weightIndicator()) == null)) {
            throw DomainException.invalid("reporting.weight.required", "a weighted average names its weight indicator");
        }
        if (v.componentOf() != null && em.find(Indicator.class, v.componentOf()) == null) {
            throw DomainException.invalid("reporting.total.unknown", "no indicator " + v.componentOf());
        }
        if (v.min() != null && v.max() != null && v.min().compareTo(v.max()) > 0) {
            throw DomainException.invalid("reporting.bounds.invalid", "min is above max");
        }
        if (v.breakdowns() != null
                && v.breakdowns().stream()
                        .anyMatch(b -> b == null || !CODE.matcher(b).matches() || b.equals(Indicator.TOTAL))) {
            throw DomainException.invalid("reporting.breakdown.invalid", "breakdown keys are codes like URBAN, RURAL");
        }
        Indicator indicator = em.find(Indicator.class, v.code());
        if (indicator == null) {
            indicator = new Indicator(
                    v.code(), v.name().strip(), v.nameEn().strip(), v.unit().strip(), type, aggregation, v.owner());
            em.persist(indicator);
        }
        indicator.redefine(
                v.name().strip(), v.nameEn().strip(), v.unit().strip(), type, aggregation, v.owner(), active);
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
        return ReportingRecords.view(indicator);
    }

    /** Creates or redefines a regime (system administrators): its form and its reporting agencies are given whole. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public RegimeView saveRegime(RegimeView v, boolean active) {
        callers.current().requireAuthenticated();
        if (v == null || v.code() == null || !CODE.matcher(v.code()).matches()) {
            throw DomainException.invalid(
                    "reporting.regime.code-invalid", "a regime code is capital letters, digits, - and _");
        }
        PeriodType type = enumOf(PeriodType.class, v.periodType(), "periodType");
        if (v.deadlineDay() < 1 || v.deadlineDay() > 31) {
            throw DomainException.invalid("reporting.deadline.invalid", "the deadline is a day of the month, 1 to 31");
        }
        if (v.name() == null
                || v.name().isBlank()
                || v.nameEn() == null
                || v.nameEn().isBlank()) {
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
                throw DomainException.invalid(
                        "reporting.indicator.not-found", "no indicator " + (line == null ? null : line.indicator()));
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
            regime = new Regime(
                    v.code(),
                    v.name().strip(),
                    v.nameEn().strip(),
                    v.legalBasis(),
                    type,
                    v.deadlineDay(),
                    v.receiver());
            em.persist(regime);
        } else if (regime.getPeriodType() != type
                && em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.regimeCode = :g", Long.class)
                                .setParameter("g", regime.getCode())
                                .getSingleResult()
                        > 0) {
            throw DomainException.conflict(
                    "reporting.regime.in-use", "the regime has reports: its frequency stays " + regime.getPeriodType());
        }
        regime.redefine(
                v.name().strip(), v.nameEn().strip(), v.legalBasis(), type, v.deadlineDay(), v.receiver(), active);
        for (FormLine line : lines.stream()
                .sorted(java.util.Comparator.comparingInt(FormLine::position))
                .toList()) {
            regime.addItem(line.indicator(), line.required());
        }
        agencies.forEach(regime::addAgency);
        em.flush();
        return ReportingRecords.view(regime);
    }

    /** Sets an indicator's target for a year, nationally (agency null) or for an agency (system administrators). */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public void saveTarget(String indicatorCode, int year, String agency, BigDecimal value, String assignedBy) {
        callers.current().requireAuthenticated();
        records.indicator(indicatorCode);
        if (agency != null && !directory.tree().contains(agency)) {
            throw DomainException.invalid("reporting.agency.unknown", "no agency " + agency);
        }
        if (value == null
                || year < Period.MIN_YEAR
                || year > Period.MAX_YEAR
                || assignedBy == null
                || assignedBy.isBlank()
                || value.precision() - value.scale() > 18
                || assignedBy.strip().length() > 200) {
            throw DomainException.invalid(
                    "reporting.target.invalid", "a target has a year, a value and who assigned it");
        }
        records.targets(indicatorCode, year, agency).forEach(em::remove);
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
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "reporting.name.invalid",
                    field + " starts with a combining mark; it starts with a letter or a digit",
                    Map.of("field", field));
        }
    }

    /** The lines of a regime's form as they are filled in: each entered indicator, whole and by breakdown. */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<ReportingViews.FormField> form(String regimeCode) {
        callers.current().requireAuthenticated();
        List<ReportingViews.FormField> fields = new ArrayList<>();
        for (RegimeItem item : records.regime(regimeCode).getItems()) {
            Indicator indicator = em.find(Indicator.class, item.getIndicatorCode());
            if (indicator.isDerived()) {
                continue;
            }
            fields.add(new ReportingViews.FormField(
                    indicator.getCode(), indicator.getName(), indicator.getUnit(), Indicator.TOTAL, item.isRequired()));
            for (String key : indicator.breakdownKeys()) {
                fields.add(new ReportingViews.FormField(
                        indicator.getCode(), indicator.getName(), indicator.getUnit(), key, false));
            }
        }
        return fields;
    }
}
