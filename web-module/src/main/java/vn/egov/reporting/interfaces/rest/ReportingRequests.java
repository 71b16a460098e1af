package vn.egov.reporting.interfaces.rest;

import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies the reporting API accepts (JSON-B binds public fields). */
public final class ReportingRequests {

    private ReportingRequests() {}

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

    /** An indicator as an administrator defines it. */
    public static class IndicatorDefinition {
        public String name;
        public String nameEn;
        public String unit;
        public String valueType;
        public String aggregation;
        public String weightIndicator;
        public String formula;
        public List<String> breakdowns;
        public String componentOf;
        public BigDecimal min;
        public BigDecimal max;
        public String owner;
        public Boolean active;
    }

    /** A regime as an administrator defines it: its form and reporting agencies are given whole. */
    public static class RegimeDefinition {
        public String name;
        public String nameEn;
        public String legalBasis;
        public String periodType;
        public int deadlineDay;
        public String receiver;
        public List<FormLine> indicators;
        public List<String> agencies;
        public Boolean active;
    }

    public static class FormLine {
        public String indicator;
        public boolean required;
    }

    public static class TargetDefinition {
        public String indicator;
        public int year;
        public String agency;
        public BigDecimal value;
        public String assignedBy;
    }
}
