package vn.egov.reporting.domain.model;

/** A report is drafted, submitted, then approved (published) or returned with a reason for correction. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    /** Whether the reporting agency may still change its values. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
