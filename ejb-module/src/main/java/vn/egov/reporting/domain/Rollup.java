package vn.egov.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vn.egov.directory.application.AgencyTree;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Formula;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.PeriodType;

/**
 * Tổng hợp số liệu — the roll-up of approved figures up the agency tree and over the periods inside
 * the one asked for. An agency's own figure counts where it reported; otherwise its children's
 * figures are combined by the indicator's rule (a sum, an average, a weighted average, a maximum, or
 * a stock's latest figure); a derived indicator is computed from its inputs' roll-ups.
 *
 * <p>Plain Java on purpose: the rules are the heart of the dashboards and are tested without a
 * database or a container; where the approved values come from is the caller's business
 * ({@link ApprovedValues}). One instance answers one question (one period) and reads each
 * indicator's values once, however many agencies it is asked about.
 */
public final class Rollup {

    private static final MathContext MATH = MathContext.DECIMAL64;

    /** Where the approved values come from: for one indicator and breakdown, stored period → agency → value. */
    @FunctionalInterface
    public interface ApprovedValues {
        Map<String, Map<String, BigDecimal>> read(String indicator, String breakdown, List<String> periodKeys);
    }

    private final AgencyTree tree;
    private final List<String> periodKeys;
    private final ApprovedValues source;
    private final Function<String, Indicator> indicators;
    private final Map<String, Map<String, Map<String, BigDecimal>>> loaded = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    /**
     * @param indicators finds an indicator by code (null when there is none), for a derived
     *        indicator's inputs
     */
    public Rollup(AgencyTree tree, Period period, ApprovedValues source, Function<String, Indicator> indicators) {
        this.tree = tree;
        this.periodKeys = subPeriods(period);
        this.source = source;
        this.indicators = indicators;
    }

    /** stored period (in calendar order) → agency → value, read once per indicator and breakdown. */
    private Map<String, Map<String, BigDecimal>> rows(String indicator, String breakdown) {
        return loaded.computeIfAbsent(
                indicator + "/" + breakdown, k -> new TreeMap<>(source.read(indicator, breakdown, periodKeys)));
    }

    /**
     * The indicator's figure for an agency (null: the nation) and a breakdown ({@link Indicator#TOTAL}
     * for the whole), or null when nothing approved contributes to it.
     */
    public BigDecimal value(Indicator indicator, String agency, String breakdown) {
        if (indicator.isDerived()) {
            if (!visiting.add(indicator.getCode())) {
                return null; // a formula that comes back to itself has no value
            }
            try {
                Formula formula = Formula.parse(indicator.getFormula());
                Map<String, BigDecimal> inputs = new HashMap<>();
                for (String code : formula.inputs()) {
                    Indicator input = indicators.apply(code);
                    boolean has = input != null
                            && (Indicator.TOTAL.equals(breakdown)
                                    || input.breakdownKeys().contains(breakdown));
                    // Never mix a breakdown with another input's whole (urban sales over total population).
                    inputs.put(code, has ? value(input, agency, breakdown) : null);
                }
                BigDecimal result = formula.evaluate(inputs);
                return result == null
                        ? null
                        : result.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            } finally {
                visiting.remove(indicator.getCode());
            }
        }
        Map<String, Map<String, BigDecimal>> byPeriod = finestFrequency(rows(indicator.getCode(), breakdown));
        if (indicator.getAggregation() == Aggregation.LAST) {
            return latestStock(agency, byPeriod);
        }
        Map<String, Map<String, BigDecimal>> weights =
                indicator.getAggregation() == Aggregation.WEIGHTED_AVERAGE && indicator.getWeightCode() != null
                        ? rows(indicator.getWeightCode(), Indicator.TOTAL)
                        : Map.of();
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
    private BigDecimal atPeriod(
            Indicator indicator, String agency, Map<String, BigDecimal> values, Map<String, BigDecimal> weights) {
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

    /** An agency's weight: its own, else the sum of its children's. */
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

    /**
     * Only the finest frequency present: an indicator reported monthly under one regime and yearly
     * under another must not be counted twice; periods in calendar order.
     */
    public static Map<String, Map<String, BigDecimal>> finestFrequency(Map<String, Map<String, BigDecimal>> byPeriod) {
        Optional<PeriodType> finest =
                byPeriod.keySet().stream().map(k -> Period.parse(k).type()).min(Comparator.naturalOrder());
        Map<String, Map<String, BigDecimal>> kept = new LinkedHashMap<>();
        byPeriod.keySet().stream()
                .map(Period::parse)
                .filter(p -> p.type() == finest.orElse(null))
                .sorted(Comparator.comparing(Period::firstDay))
                .forEach(p -> kept.put(p.toString(), byPeriod.get(p.toString())));
        return kept;
    }

    /** Every period key a value of any frequency inside this period is stored under. */
    public static List<String> subPeriods(Period period) {
        Set<String> keys = new LinkedHashSet<>();
        for (Period month : period.months()) {
            keys.add(month.toString());
            keys.add(Period.of(PeriodType.QUARTER, month.firstDay()).toString());
            keys.add(Period.of(PeriodType.HALF_YEAR, month.firstDay()).toString());
            keys.add(Period.of(PeriodType.YEAR, month.firstDay()).toString());
        }
        keys.removeIf(k -> !period.contains(Period.parse(k)));
        return List.copyOf(keys);
    }

    /** The figures of several agencies for one period, combined by the indicator's rule. */
    public static BigDecimal combineAcross(Aggregation aggregation, List<BigDecimal> values, List<BigDecimal> weights) {
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

    /** One agency's figures over the periods inside the one asked for, in calendar order, combined. */
    public static BigDecimal combineOverTime(Aggregation aggregation, List<BigDecimal> inOrder) {
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
}
