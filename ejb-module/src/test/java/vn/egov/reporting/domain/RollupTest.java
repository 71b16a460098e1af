package vn.egov.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.Period;
import vn.egov.reporting.domain.model.ValueType;

/**
 * The roll-up on a small country: province P with district D (wards W1, W2) and district E; another
 * province Q. Approved values are kept in memory as the database would hand them over.
 */
class RollupTest {

    private static final AgencyTree TREE = new AgencyTree(List.of(
            AgencyRecord.of("P", null, "Province P", AgencyLevel.PROVINCE),
            AgencyRecord.of("D", "P", "District D", AgencyLevel.DISTRICT),
            AgencyRecord.of("W1", "D", "Ward 1", AgencyLevel.COMMUNE),
            AgencyRecord.of("W2", "D", "Ward 2", AgencyLevel.COMMUNE),
            AgencyRecord.of("E", "P", "District E", AgencyLevel.DISTRICT),
            AgencyRecord.of("Q", null, "Province Q", AgencyLevel.PROVINCE)));

    /** indicator/breakdown → period → agency → value */
    private final Map<String, Map<String, Map<String, BigDecimal>>> approved = new HashMap<>();

    private final Map<String, Indicator> indicators = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    private Indicator indicator(String code, Aggregation aggregation) {
        Indicator indicator = new Indicator(code, code, code, "u", ValueType.NUMBER, aggregation, "M");
        indicators.put(code, indicator);
        return indicator;
    }

    private void approve(String indicator, String breakdown, String period, String agency, String value) {
        approved.computeIfAbsent(indicator + "/" + breakdown, k -> new HashMap<>())
                .computeIfAbsent(period, p -> new HashMap<>())
                .put(agency, new BigDecimal(value));
    }

    private void approve(String indicator, String period, String agency, String value) {
        approve(indicator, Indicator.TOTAL, period, agency, value);
    }

    private Rollup rollup(String period) {
        return new Rollup(
                TREE,
                Period.parse(period),
                (indicator, breakdown, keys) -> {
                    reads.add(indicator + "/" + breakdown);
                    Map<String, Map<String, BigDecimal>> found = new HashMap<>();
                    approved.getOrDefault(indicator + "/" + breakdown, Map.of()).forEach((p, values) -> {
                        if (keys.contains(p)) {
                            found.put(p, values);
                        }
                    });
                    return found;
                },
                indicators::get);
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void aSumRollsUpThreeLevelsFromTheWardsThatReported() {
        Indicator retail = indicator("RETAIL", Aggregation.SUM);
        approve("RETAIL", "2026-06", "W1", "800");
        approve("RETAIL", "2026-06", "W2", "400");
        approve("RETAIL", "2026-06", "E", "200");
        approve("RETAIL", "2026-06", "Q", "50");
        Rollup rollup = rollup("2026-06");
        assertNumber("1200", rollup.value(retail, "D", Indicator.TOTAL));
        assertNumber("1400", rollup.value(retail, "P", Indicator.TOTAL));
        assertNumber("1450", rollup.value(retail, null, Indicator.TOTAL));
        assertEquals(List.of("RETAIL/TOTAL"), reads, "one read per indicator, however many agencies are asked");
    }

    @Test
    void anAgencysOwnFigureCountsInsteadOfItsChildren() {
        Indicator retail = indicator("RETAIL", Aggregation.SUM);
        approve("RETAIL", "2026-06", "W1", "800");
        approve("RETAIL", "2026-06", "W2", "400");
        approve("RETAIL", "2026-06", "D", "1250"); // the district's own, complete figure
        assertNumber("1250", rollup("2026-06").value(retail, "D", Indicator.TOTAL));
        assertNumber("1250", rollup("2026-06").value(retail, "P", Indicator.TOTAL));
    }

    @Test
    void childrenThatDidNotReportAreLeftOutAndNobodyReportingIsNoFigure() {
        Indicator cpi = indicator("CPI", Aggregation.AVERAGE);
        approve("CPI", "2026-06", "W1", "104");
        // W2 and E did not report: the average is of those who did, not a zero dragged in.
        assertNumber("104", rollup("2026-06").value(cpi, "P", Indicator.TOTAL));
        assertNull(rollup("2026-06").value(cpi, "Q", Indicator.TOTAL));
        assertNull(rollup("2026-07").value(cpi, "P", Indicator.TOTAL));
    }

    @Test
    void averagesAndMaximaCombineTheChildrensFigures() {
        Indicator cpi = indicator("CPI", Aggregation.AVERAGE);
        Indicator peak = indicator("PEAK", Aggregation.MAX);
        approve("CPI", "2026-06", "W1", "103");
        approve("CPI", "2026-06", "W2", "105");
        approve("CPI", "2026-06", "E", "101");
        approve("PEAK", "2026-06", "W1", "7");
        approve("PEAK", "2026-06", "E", "9");
        Rollup rollup = rollup("2026-06");
        assertNumber("104", rollup.value(cpi, "D", Indicator.TOTAL));
        assertNumber(
                "102.5", rollup.value(cpi, "P", Indicator.TOTAL), "the average of D's average and E, level by level");
        assertNumber("9", rollup.value(peak, "P", Indicator.TOTAL));
    }

    private static void assertNumber(String expected, BigDecimal actual, String why) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), why + ": expected " + expected + " but was " + actual);
    }

    @Test
    void aWeightedAverageWeighsEachPartByItsRolledUpWeight() {
        indicator("DOSSIERS", Aggregation.SUM);
        Indicator online = indicator("ONLINE", Aggregation.WEIGHTED_AVERAGE).weightedBy("DOSSIERS");
        approve("ONLINE", "2026-06", "W1", "50");
        approve("ONLINE", "2026-06", "W2", "80");
        approve("ONLINE", "2026-06", "E", "40");
        approve("DOSSIERS", "2026-06", "W1", "1000");
        approve("DOSSIERS", "2026-06", "W2", "3000");
        approve("DOSSIERS", "2026-06", "E", "4000");
        Rollup rollup = rollup("2026-06");
        assertNumber("72.5", rollup.value(online, "D", Indicator.TOTAL));
        // D weighs 4000 (its wards' dossiers), E 4000: (72.5 + 40) / 2.
        assertNumber("56.25", rollup.value(online, "P", Indicator.TOTAL));
    }

    @Test
    void overAPeriodAFlowAddsUpAStockTakesItsLatestAndARateAverages() {
        Indicator retail = indicator("RETAIL", Aggregation.SUM);
        Indicator plan = indicator("PLAN", Aggregation.LAST);
        Indicator cpi = indicator("CPI", Aggregation.AVERAGE);
        approve("RETAIL", "2026-07", "E", "200");
        approve("RETAIL", "2026-08", "E", "210");
        approve("RETAIL", "2026-10", "E", "999");
        approve("PLAN", "2026-07", "E", "1000");
        approve("PLAN", "2026-09", "E", "1200");
        approve("PLAN", "2026-07", "W1", "300");
        approve("CPI", "2026-07", "E", "101");
        approve("CPI", "2026-08", "E", "103");
        assertNumber("410", rollup("2026-Q3").value(retail, "E", Indicator.TOTAL));
        assertNumber("1409", rollup("2026").value(retail, "E", Indicator.TOTAL));
        assertNumber("1200", rollup("2026-Q3").value(plan, "E", Indicator.TOTAL));
        // A stock: each agency's own latest, so E's September does not hide W1's July.
        assertNumber("1500", rollup("2026-Q3").value(plan, "P", Indicator.TOTAL));
        assertNumber("102", rollup("2026-Q3").value(cpi, "E", Indicator.TOTAL));
    }

    @Test
    void onlyTheFinestFrequencyIsCountedWhenAFigureIsStoredMonthlyAndYearly() {
        Indicator retail = indicator("RETAIL", Aggregation.SUM);
        approve("RETAIL", "2026-01", "E", "100");
        approve("RETAIL", "2026-02", "E", "100");
        approve("RETAIL", "2026", "E", "5000");
        assertNumber("200", rollup("2026").value(retail, "E", Indicator.TOTAL));
    }

    @Test
    void aDerivedIndicatorIsComputedFromItsInputsRolledUp() {
        indicator("PLAN", Aggregation.SUM);
        indicator("DISBURSED", Aggregation.SUM);
        Indicator rate = indicator("RATE", Aggregation.AVERAGE).derivedBy("100 * DISBURSED / PLAN");
        approve("PLAN", "2026-06", "W1", "400");
        approve("PLAN", "2026-06", "E", "600");
        approve("DISBURSED", "2026-06", "W1", "100");
        approve("DISBURSED", "2026-06", "E", "150");
        assertNumber("25", rollup("2026-06").value(rate, "P", Indicator.TOTAL));
        assertNull(rollup("2026-06").value(rate, "Q", Indicator.TOTAL), "no inputs, no figure");
    }

    @Test
    void aBreakdownIsRolledUpOnItsOwnAndNeverMixedWithAnotherInputsWhole() {
        Indicator sales = indicator("SALES", Aggregation.SUM).brokenDownBy("URBAN", "RURAL");
        indicator("PEOPLE", Aggregation.SUM);
        Indicator perHead = indicator("PER_HEAD", Aggregation.AVERAGE).derivedBy("SALES / PEOPLE");
        approve("SALES", "URBAN", "2026-06", "W1", "70");
        approve("SALES", "URBAN", "2026-06", "E", "30");
        approve("SALES", "2026-06", "E", "50");
        approve("PEOPLE", "2026-06", "E", "10");
        Rollup rollup = rollup("2026-06");
        assertNumber("100", rollup.value(sales, "P", "URBAN"));
        assertNumber("5", rollup.value(perHead, "E", Indicator.TOTAL));
        assertNull(rollup.value(perHead, "E", "URBAN"), "PEOPLE has no URBAN breakdown");
    }

    @Test
    void aFormulaThatComesBackToItselfHasNoFigure() {
        Indicator a = indicator("A", Aggregation.SUM).derivedBy("B + 1");
        indicator("B", Aggregation.SUM).derivedBy("A + 1");
        assertNull(rollup("2026-06").value(a, "P", Indicator.TOTAL));
    }
}
