package vn.egov.reporting.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Chỉ tiêu kế hoạch: the value an indicator should reach in a year, nationally (agency null) or for one agency. */
@Entity
@Table(name = "reporting_target")
public class Target {

    @Id
    @SequenceGenerator(name = "reporting_seq", sequenceName = "reporting_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_seq")
    private Long id;

    @Column(name = "indicator_code", nullable = false, length = 40)
    private String indicatorCode;

    @Column(name = "target_year", nullable = false)
    private int year;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "target_value", nullable = false)
    private BigDecimal value;

    @Column(name = "assigned_by", nullable = false, length = 200)
    private String assignedBy;

    protected Target() {}

    public Target(String indicatorCode, int year, String agencyCode, BigDecimal value, String assignedBy) {
        this.indicatorCode = indicatorCode;
        this.year = year;
        this.agencyCode = agencyCode;
        this.value = value;
        this.assignedBy = assignedBy;
    }

    public Long getId() {
        return id;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public int getYear() {
        return year;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getAssignedBy() {
        return assignedBy;
    }
}
