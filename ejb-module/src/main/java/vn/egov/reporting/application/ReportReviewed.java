package vn.egov.reporting.application;

/**
 * A report was approved or returned: the figures the direction centre shows may have changed. Fired inside the
 * review's transaction; {@link LiveFigures} acts on it only once it has committed.
 */
public record ReportReviewed(long reportId) {}
