package vn.egov.reporting.domain.model;

/**
 * Loại kỳ báo cáo — how long a reporting period lasts: the four periodicities of Decree
 * 09/2019/NĐ-CP. Each is a whole number of calendar months aligned to the year, which is what lets
 * {@link Period} treat containment and cut-offs as arithmetic on months.
 */
public enum PeriodType {
    /** Tháng. */
    MONTH(1),
    /** Quý. */
    QUARTER(3),
    /** 6 tháng: H1 is January to June, H2 July to December. */
    HALF_YEAR(6),
    /** Năm. */
    YEAR(12);

    private final int months;

    PeriodType(int months) {
        this.months = months;
    }

    /** How many calendar months one period of this type covers. */
    public int months() {
        return months;
    }

    /** How many periods of this type make up a year, so the largest valid index. */
    public int perYear() {
        return 12 / months;
    }
}
