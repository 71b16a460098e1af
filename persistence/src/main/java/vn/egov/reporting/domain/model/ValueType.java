package vn.egov.reporting.domain.model;

/** What kind of number an indicator holds: any number, a whole number, or a percentage (0–100 unless bounded otherwise). */
public enum ValueType {
    NUMBER,
    INTEGER,
    PERCENT
}
