package vn.egov.reporting.domain.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chế độ báo cáo (Decree 09/2019, Art. 7): name, legal basis, frequency, the deadline (a day of the
 * period's last month), the receiving body, the form's indicators and the agencies that report.
 */
@Entity
@Cacheable
@Table(name = "reporting_regime")
public class Regime {

    @Id
    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Column(name = "name_en", nullable = false, length = 300)
    private String nameEn;

    @Column(name = "legal_basis", length = 300)
    private String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type", nullable = false, length = 10)
    private PeriodType periodType;

    @Column(name = "deadline_day", nullable = false)
    private int deadlineDay;

    @Column(name = "receiver_code", nullable = false, length = 20)
    private String receiverCode;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reporting_regime_indicator", joinColumns = @JoinColumn(name = "regime_code"))
    @OrderBy("position")
    private List<RegimeItem> items = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reporting_regime_agency", joinColumns = @JoinColumn(name = "regime_code"))
    @Column(name = "agency_code", length = 20)
    private Set<String> agencies = new LinkedHashSet<>();

    protected Regime() {}

    public Regime(
            String code,
            String name,
            String nameEn,
            String legalBasis,
            PeriodType periodType,
            int deadlineDay,
            String receiverCode) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.legalBasis = legalBasis;
        this.periodType = periodType;
        this.deadlineDay = deadlineDay;
        this.receiverCode = receiverCode;
    }

    /** An administrator's change of the regime: its definition, and the form and reporters given anew. */
    public void redefine(
            String name,
            String nameEn,
            String legalBasis,
            PeriodType periodType,
            int deadlineDay,
            String receiverCode,
            boolean active) {
        this.name = name;
        this.nameEn = nameEn;
        this.legalBasis = legalBasis;
        this.periodType = periodType;
        this.deadlineDay = deadlineDay;
        this.receiverCode = receiverCode;
        this.active = active;
        items.clear();
        agencies.clear();
    }

    public void addItem(String indicatorCode, boolean required) {
        items.add(new RegimeItem(indicatorCode, items.size() + 1, required));
    }

    public void addAgency(String agencyCode) {
        agencies.add(agencyCode);
    }

    public boolean hasIndicator(String indicatorCode) {
        return items.stream().anyMatch(i -> i.getIndicatorCode().equals(indicatorCode));
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public PeriodType getPeriodType() {
        return periodType;
    }

    public int getDeadlineDay() {
        return deadlineDay;
    }

    public String getReceiverCode() {
        return receiverCode;
    }

    public boolean isActive() {
        return active;
    }

    public List<RegimeItem> getItems() {
        return items;
    }

    public Set<String> getAgencies() {
        return agencies;
    }
}
