package vn.egov.reporting.domain.model;

/**
 * How an indicator's values combine up the agency hierarchy and over periods:
 * <ul>
 * <li>SUM: added across agencies and over time (flows: revenue, sales, new businesses);</li>
 * <li>AVERAGE: averaged across agencies and over time;</li>
 * <li>WEIGHTED_AVERAGE: across agencies weighted by another indicator (a rate weighted by its base),
 * averaged over time;</li>
 * <li>LAST: added across agencies, the latest period over time (stocks: population, plans);</li>
 * <li>MAX: the largest, across agencies and over time.</li>
 * </ul>
 */
public enum Aggregation {
    SUM,
    AVERAGE,
    WEIGHTED_AVERAGE,
    LAST,
    MAX
}
