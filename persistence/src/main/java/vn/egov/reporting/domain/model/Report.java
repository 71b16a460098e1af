package vn.egov.reporting.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.egov.common.DomainException;

/**
 * One report of one agency under one regime for one period. Late is decided when it is first
 * submitted, against the regime's deadline for that period, on Vietnamese calendar days.
 */
@Entity
@Table(name = "reporting_report")
public class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_seq")
    private Long id;

    @Column(name = "regime_code", nullable = false, length = 40)
    private String regimeCode;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "period", nullable = false, length = 10)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private ReportStatus status = ReportStatus.DRAFT;

    @Column(name = "deadline", nullable = false)
    private LocalDate deadline;

    @Column(name = "late", nullable = false)
    private boolean late;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Column(name = "return_reason", length = 1000)
    private String returnReason;

    protected Report() {}

    public Report(
            String regimeCode,
            String agencyCode,
            Period period,
            LocalDate deadline,
            String createdBy,
            OffsetDateTime now) {
        this.regimeCode = regimeCode;
        this.agencyCode = agencyCode;
        this.period = period.toString();
        this.deadline = deadline;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void requireEditable() {
        if (!status.editable()) {
            throw DomainException.conflict(
                    "reporting.report.not-editable",
                    "the report is " + status + "; it changes only after it is returned");
        }
    }

    /** Submitted; late when the Vietnamese calendar day of the first submission is after the deadline. */
    public void submit(String by, OffsetDateTime now, LocalDate today) {
        requireEditable();
        if (submittedAt == null) {
            late = today.isAfter(deadline);
        }
        status = ReportStatus.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
        returnReason = null;
    }

    public void review(boolean approve, String reason, String by, OffsetDateTime now) {
        if (status != ReportStatus.SUBMITTED) {
            throw DomainException.conflict(
                    "reporting.report.not-submitted", "only a submitted report is reviewed; it is " + status);
        }
        status = approve ? ReportStatus.APPROVED : ReportStatus.RETURNED;
        reviewedBy = by;
        reviewedAt = now;
        returnReason = approve ? null : reason;
    }

    public Long getId() {
        return id;
    }

    public String getRegimeCode() {
        return regimeCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public Period getPeriod() {
        return Period.parse(period);
    }

    public ReportStatus getStatus() {
        return status;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public boolean isLate() {
        return late;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public OffsetDateTime getReviewedAt() {
        return reviewedAt;
    }

    public String getReturnReason() {
        return returnReason;
    }
}
