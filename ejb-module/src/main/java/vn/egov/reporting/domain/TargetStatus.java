package vn.egov.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/** How a figure stands against its target: at or above it, within 10% below it, or further below. */
public enum TargetStatus {
    GREEN,
    AMBER,
    RED;

    private static final BigDecimal AMBER_FROM = new BigDecimal("0.9");

    /** The status's name, or null when there is no figure or no (non-zero) target. */
    public static String of(BigDecimal value, BigDecimal target) {
        if (value == null || target == null || target.signum() == 0) {
            return null;
        }
        BigDecimal ratio = value.divide(target, MathContext.DECIMAL64);
        return (ratio.compareTo(BigDecimal.ONE) >= 0 ? GREEN : ratio.compareTo(AMBER_FROM) >= 0 ? AMBER : RED).name();
    }
}
