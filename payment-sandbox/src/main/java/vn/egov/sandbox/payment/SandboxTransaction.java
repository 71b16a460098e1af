package vn.egov.sandbox.payment;

import java.time.Instant;

/**
 * One transaction the sandbox was asked to collect (an INIT it accepted), and what the demo
 * citizen did with it on the payment page.
 */
final class SandboxTransaction {

    /** What the citizen did, and so what the check call answers. */
    enum Outcome {
        /** Nothing yet: the page is open or was never opened (check answers 3, not known yet). */
        WAITING,
        /** Paid (check answers 1). */
        PAID,
        /** The bank refused (check answers 4). */
        FAILED,
        /** The citizen left the page without paying (check answers 4). */
        ABANDONED,
        /** The bank did not answer in time: the platform itself does not know (check answers 3). */
        PENDING
    }

    final String partner;
    final String reference;
    final String amount;
    final String description;
    final String receiptJson;
    final Instant createdAt;
    volatile Outcome outcome = Outcome.WAITING;
    volatile String transactionId;
    volatile String bank;
    volatile Instant settledAt;
    /** Whether the confirm call to the partner is to be lost (set on the page or per reference). */
    volatile boolean loseConfirm;
    /** The HTTP status of the last confirm call, 0 when none was made, -1 when it was lost on purpose. */
    volatile int lastConfirmStatus;

    SandboxTransaction(
            String partner, String reference, String amount, String description, String receiptJson, Instant at) {
        this.partner = partner;
        this.reference = reference;
        this.amount = amount;
        this.description = description;
        this.receiptJson = receiptJson;
        this.createdAt = at;
    }

    /** TrangThaiGD for the check call: 1 paid, 3 pending (not known), 4 failed. */
    String checkState() {
        return switch (outcome) {
            case PAID -> "1";
            case FAILED, ABANDONED -> "4";
            case WAITING, PENDING -> "3";
        };
    }
}
