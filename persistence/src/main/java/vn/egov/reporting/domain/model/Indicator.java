package vn.egov.reporting.domain.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Chỉ tiêu: a socio-economic indicator, its unit, type, rule of aggregation, breakdowns and bounds. */
@Entity
@Cacheable
@Table(name = "reporting_indicator")
public class Indicator {

    /** The breakdown key of an indicator's whole value. */
    public static final String TOTAL = "TOTAL";

    @Id
    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Column(name = "name_en", nullable = false, length = 300)
    private String nameEn;

    @Column(name = "unit", nullable = false, length = 50)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false, length = 10)
    private ValueType valueType;

    @Enumerated(EnumType.STRING)
    @Column(name = "aggregation", nullable = false, length = 20)
    private Aggregation aggregation;

    @Column(name = "weight_code", length = 40)
    private String weightCode;

    @Column(name = "formula", length = 500)
    private String formula;

    @Column(name = "breakdowns", length = 200)
    private String breakdowns;

    @Column(name = "total_of", length = 40)
    private String totalOf;

    @Column(name = "min_value")
    private BigDecimal minValue;

    @Column(name = "max_value")
    private BigDecimal maxValue;

    @Column(name = "owner_code", length = 20)
    private String ownerCode;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Indicator() {}

    public Indicator(
            String code,
            String name,
            String nameEn,
            String unit,
            ValueType valueType,
            Aggregation aggregation,
            String ownerCode) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.unit = unit;
        this.valueType = valueType;
        this.aggregation = aggregation;
        this.ownerCode = ownerCode;
    }

    /** An administrator's change of the indicator's definition (the code stays). */
    public void redefine(
            String name,
            String nameEn,
            String unit,
            ValueType valueType,
            Aggregation aggregation,
            String ownerCode,
            boolean active) {
        this.name = name;
        this.nameEn = nameEn;
        this.unit = unit;
        this.valueType = valueType;
        this.aggregation = aggregation;
        this.ownerCode = ownerCode;
        this.active = active;
        this.formula = null;
        this.weightCode = null;
        this.breakdowns = null;
        this.totalOf = null;
        this.minValue = null;
        this.maxValue = null;
    }

    public Indicator derivedBy(String formula) {
        this.formula = formula;
        return this;
    }

    public Indicator weightedBy(String weightCode) {
        this.weightCode = weightCode;
        return this;
    }

    public Indicator brokenDownBy(String... keys) {
        this.breakdowns = String.join(",", keys);
        return this;
    }

    public Indicator componentOf(String total) {
        this.totalOf = total;
        return this;
    }

    public Indicator bounded(BigDecimal min, BigDecimal max) {
        this.minValue = min;
        this.maxValue = max;
        return this;
    }

    public boolean isDerived() {
        return formula != null && !formula.isBlank();
    }

    /** The breakdown keys besides TOTAL (e.g. URBAN, RURAL). */
    public List<String> breakdownKeys() {
        return breakdowns == null || breakdowns.isBlank()
                ? List.of()
                : Arrays.stream(breakdowns.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** The lower bound: as configured, else 0 for percentages and counts. */
    public BigDecimal effectiveMin() {
        if (minValue != null) {
            return minValue;
        }
        return valueType == ValueType.NUMBER ? null : BigDecimal.ZERO;
    }

    /** The upper bound: as configured, else 100 for percentages. */
    public BigDecimal effectiveMax() {
        if (maxValue != null) {
            return maxValue;
        }
        return valueType == ValueType.PERCENT ? BigDecimal.valueOf(100) : null;
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

    public String getUnit() {
        return unit;
    }

    public ValueType getValueType() {
        return valueType;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public String getWeightCode() {
        return weightCode;
    }

    public String getFormula() {
        return formula;
    }

    public String getTotalOf() {
        return totalOf;
    }

    public BigDecimal getMinValue() {
        return minValue;
    }

    public BigDecimal getMaxValue() {
        return maxValue;
    }

    public String getOwnerCode() {
        return ownerCode;
    }

    public boolean isActive() {
        return active;
    }
}
