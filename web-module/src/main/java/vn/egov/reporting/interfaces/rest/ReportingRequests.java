package vn.egov.reporting.interfaces.rest;

import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies the reporting API accepts (JSON-B binds public fields). */
public final class ReportingRequests {

    private ReportingRequests() {
    }

    /** A report's values for a regime, agency (default: the caller's) and period; saved as a draft when submit is false. */
    public static class NewReport {
        public String regime;
        public String agency;
        public String period;
        public Boolean submit;
        public List<Value> values;
    }

    public static class Value {
        public String indicator;
        public String breakdown;
        public BigDecimal value;
    }

    /** approve true publishes the report; false returns it with the reason. */
    public static class Approval {
        public Boolean approve;
        public String reason;
    }
}
