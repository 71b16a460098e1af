package vn.egov.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Period;

/** The combination rules of the roll-up, without a database. */
class RollupRulesTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, n(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void acrossAgenciesEachRuleCombinesItsOwnWay() {
        List<BigDecimal> values = List.of(n("10"), n("30"));
        List<BigDecimal> weights = List.of(n("3"), n("1"));
        assertNumber("40", Rollup.combineAcross(Aggregation.SUM, values, weights));
        assertNumber("40", Rollup.combineAcross(Aggregation.LAST, values, weights));
        assertNumber("20", Rollup.combineAcross(Aggregation.AVERAGE, values, weights));
        assertNumber("30", Rollup.combineAcross(Aggregation.MAX, values, weights));
        assertNumber("15", Rollup.combineAcross(Aggregation.WEIGHTED_AVERAGE, values, weights));
    }

    @Test
    void aPartWithoutAWeightIsLeftOutOfTheWeightedAverageNotTheWholeAverage() {
        List<BigDecimal> values = List.of(n("10"), n("30"), n("90"));
        assertNumber(
                "15", Rollup.combineAcross(Aggregation.WEIGHTED_AVERAGE, values, Arrays.asList(n("3"), n("1"), null)));
        assertNumber(
                "43.33333333333333",
                Rollup.combineAcross(Aggregation.WEIGHTED_AVERAGE, values, Arrays.asList(null, null, null))
                        .setScale(14, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void overTimeFlowsAddUpStocksTakeTheLastRatesAverage() {
        List<BigDecimal> months = List.of(n("5"), n("7"), n("6"));
        assertNumber("18", Rollup.combineOverTime(Aggregation.SUM, months));
        assertNumber("6", Rollup.combineOverTime(Aggregation.LAST, months));
        assertNumber("6", Rollup.combineOverTime(Aggregation.AVERAGE, months));
        assertNumber("7", Rollup.combineOverTime(Aggregation.MAX, months));
    }

    @Test
    void onlyTheFinestFrequencyCountsAndPeriodsComeInCalendarOrder() {
        Map<String, Map<String, BigDecimal>> stored = new LinkedHashMap<>();
        stored.put("2026", Map.of("A", n("100")));
        stored.put("2026-Q4", Map.of("A", n("40")));
        stored.put("2026-12", Map.of("A", n("12")));
        stored.put("2026-02", Map.of("A", n("2")));
        Map<String, Map<String, BigDecimal>> kept = Rollup.finestFrequency(stored);
        assertEquals(List.of("2026-02", "2026-12"), List.copyOf(kept.keySet()));
        assertTrue(Rollup.finestFrequency(new HashMap<>()).isEmpty());
    }

    @Test
    void subPeriodsOfAYearCoverEveryFrequencyInsideIt() {
        List<String> keys = Rollup.subPeriods(Period.parse("2026-H2"));
        assertTrue(keys.containsAll(List.of("2026-07", "2026-12", "2026-Q3", "2026-Q4", "2026-H2")), keys.toString());
        assertFalse(keys.contains("2026") || keys.contains("2026-06") || keys.contains("2026-H1"), keys.toString());
    }

    @Test
    void targetStatusIsGreenAmberOrRed() {
        assertEquals("GREEN", TargetStatus.of(n("100"), n("100")));
        assertEquals("AMBER", TargetStatus.of(n("91"), n("100")));
        assertEquals("RED", TargetStatus.of(n("89"), n("100")));
        assertNull(TargetStatus.of(null, n("100")));
        assertNull(TargetStatus.of(n("5"), null));
    }

    @Test
    void theTreeKnowsSubtreesAndTheNation() {
        AgencyTree tree = new AgencyTree(List.of(
                AgencyRecord.of("P", null, "Province", AgencyLevel.PROVINCE),
                AgencyRecord.of("D", "P", "District", AgencyLevel.DISTRICT),
                AgencyRecord.of("W", "D", "Ward", AgencyLevel.COMMUNE),
                AgencyRecord.of("Q", null, "Other province", AgencyLevel.PROVINCE)));
        assertEquals(List.of("P", "Q"), tree.children(null));
        assertTrue(tree.within("W", "P") && tree.within("W", null) && tree.within("P", "P"));
        assertFalse(tree.within("Q", "P") || tree.within("P", "W"));
        assertEquals(java.util.Set.of("P", "D", "W"), tree.subtree("P"));
    }
}
