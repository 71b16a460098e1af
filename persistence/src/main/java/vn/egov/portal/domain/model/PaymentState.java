package vn.egov.portal.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Trạng thái giao dịch thanh toán — where one payment of a dossier's bill stands (PORTAL-SHARING.md
 * A.5): created, then initiated when the payment platform answered the init with a payment URL;
 * paid when its confirm (or the check call) says so, then receipted once the e-receipt is stored.
 * Pending when the check call says the platform does not know yet (a bank's time-out), re-checked
 * until it is settled or expires; failed, expired; refunded by an officer after the fact (no
 * refund message exists in the contract).
 *
 * <p>A late "paid" is accepted even after the payment expired: the citizen's money was taken, and
 * losing that would be worse than a payment settled after its time.
 */
public enum PaymentState {
    CREATED,
    INITIATED,
    PENDING,
    PAID,
    RECEIPTED,
    FAILED,
    EXPIRED,
    REFUNDED;

    /** The states this one may move to. */
    public Set<PaymentState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(INITIATED, FAILED);
            case INITIATED -> EnumSet.of(PENDING, PAID, FAILED, EXPIRED);
            case PENDING -> EnumSet.of(PAID, FAILED, EXPIRED);
            case PAID -> EnumSet.of(RECEIPTED, REFUNDED);
            case RECEIPTED -> EnumSet.of(REFUNDED);
            case EXPIRED -> EnumSet.of(PAID);
            case FAILED, REFUNDED -> EnumSet.noneOf(PaymentState.class);
        };
    }

    public boolean canMoveTo(PaymentState target) {
        return next().contains(target);
    }

    /** Still waiting for the platform's word: what the reconciliation job checks. */
    public boolean isOpen() {
        return this == INITIATED || this == PENDING;
    }

    /** The citizen's money was received (whether or not the receipt is written yet, or refunded later). */
    public boolean isSettledPaid() {
        return this == PAID || this == RECEIPTED || this == REFUNDED;
    }
}
