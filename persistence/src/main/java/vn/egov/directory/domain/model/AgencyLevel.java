package vn.egov.directory.domain.model;

/**
 * Cấp cơ quan — the administrative level of an agency. The first three are level-1 units (the
 * rightmost group of the code); the others sit below one.
 */
public enum AgencyLevel {
    /** Government-level body that is not a ministry (e.g. the Government Office). */
    CENTRAL(true),
    /** Bộ, cơ quan ngang bộ — ministry or ministry-level body. */
    MINISTRY(true),
    /** Tỉnh, thành phố trực thuộc Trung ương — province or centrally-run city. */
    PROVINCE(true),
    /** Sở, vụ, cục — a department of a ministry or province. */
    DEPARTMENT(false),
    /** Huyện, quận, thị xã — district of a province. */
    DISTRICT(false),
    /** Xã, phường, thị trấn — commune. */
    COMMUNE(false);

    private final boolean topLevel;

    AgencyLevel(boolean topLevel) {
        this.topLevel = topLevel;
    }

    /** Whether agencies of this level stand at the top of the hierarchy (have no parent). */
    public boolean isTopLevel() {
        return topLevel;
    }
}
