package vn.egov.reporting.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the reporting services answer, the same for the API and the intranet. */
public final class ReportingViews {

    private ReportingViews() {}

    public record IndicatorView(
            String code,
            String name,
            String nameEn,
            String unit,
            String valueType,
            String aggregation,
            String weightIndicator,
            String formula,
            List<String> breakdowns,
            String componentOf,
            BigDecimal min,
            BigDecimal max,
            String owner) {}

    public record RegimeView(
            String code,
            String name,
            String nameEn,
            String legalBasis,
            String periodType,
            int deadlineDay,
            String receiver,
            List<FormLine> indicators,
            List<String> agencies) {}

    public record FormLine(String indicator, int position, boolean required) {}

    /** One input of a report form: an indicator's whole (breakdown TOTAL) or one of its breakdowns. */
    public record FormField(String indicator, String name, String unit, String breakdown, boolean required) {}

    /** One value as sent: an indicator, a breakdown (TOTAL when absent) and the number. */
    public record ValueInput(String indicator, String breakdown, BigDecimal value) {}

    public record Submission(String regime, String agency, String period, List<ValueInput> values, boolean submit) {}

    public record ValueView(String indicator, String breakdown, BigDecimal value) {}

    /** One problem of an uploaded sheet, at its cell (or at the form line when no cell holds it). */
    public record CellProblem(String cell, String field, String code, String message) {}

    /** One value read from an uploaded sheet, and its cell. */
    public record CellValue(String cell, String indicator, String breakdown, BigDecimal value) {}

    /**
     * What an upload came to: the values read, with their cells, and, for a dry run, every problem by
     * cell (nothing saved, report null); otherwise the report as saved.
     */
    public record UploadResult(boolean dryRun, List<CellValue> values, List<CellProblem> problems, ReportView report) {}

    public record ReportView(
            long id,
            String regime,
            String agency,
            String agencyName,
            String period,
            String status,
            LocalDate deadline,
            boolean late,
            OffsetDateTime submittedAt,
            String submittedBy,
            OffsetDateTime reviewedAt,
            String reviewedBy,
            String returnReason,
            List<ValueView> values) {}

    /** One agency's share in a roll-up. */
    public record Part(String agency, String name, BigDecimal value) {}

    /**
     * An indicator's value for an agency (null: the nation), a period and a breakdown, rolled up from
     * the approved reports below it; with the direct parts, the target of the period's year and its status.
     */
    public record Analytics(
            String indicator,
            String name,
            String unit,
            String aggregation,
            String agency,
            String agencyName,
            String period,
            String breakdown,
            BigDecimal value,
            List<Part> parts,
            BigDecimal target,
            String targetStatus,
            List<Analytics> breakdowns) {}

    public record Completeness(
            String regime,
            String period,
            int expected,
            int submitted,
            int approved,
            int onTime,
            BigDecimal completenessRate,
            BigDecimal onTimeRate,
            List<String> missing) {}
}
