package vn.egov.reporting.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One value of a report: an indicator, a breakdown (TOTAL for the whole) and the number. Agency,
 * period and approval are copied from the report so analytics read values alone.
 */
@Entity
@Table(name = "reporting_value")
public class ReportValue {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_seq")
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "indicator_code", nullable = false, length = 40)
    private String indicatorCode;

    @Column(name = "breakdown", nullable = false, length = 40)
    private String breakdown;

    @Column(name = "amount", nullable = false)
    private BigDecimal value;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "period", nullable = false, length = 10)
    private String period;

    @Column(name = "approved", nullable = false)
    private boolean approved;

    protected ReportValue() {}

    public ReportValue(Report report, String indicatorCode, String breakdown, BigDecimal value) {
        this.reportId = report.getId();
        this.indicatorCode = indicatorCode;
        this.breakdown = breakdown;
        this.value = value;
        this.agencyCode = report.getAgencyCode();
        this.period = report.getPeriod().toString();
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public void setApproved(boolean approved) {
        this.approved = approved;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public String getBreakdown() {
        return breakdown;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getPeriod() {
        return period;
    }

    public boolean isApproved() {
        return approved;
    }
}
