package vn.egov.exchange.domain.model;

/** Where a delivery stands with respect to the sender's take-back request (13 → 15 / 16). */
public enum RecallState {
    /** No take-back was asked. */
    NONE,
    /** The sender asked (13); the recipient has not answered. */
    PENDING,
    /** The recipient agreed (15): the document has left its working lists. */
    AGREED,
    /** The recipient refused (16): the document stays. */
    REFUSED
}
