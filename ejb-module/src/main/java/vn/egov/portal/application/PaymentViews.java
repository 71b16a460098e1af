package vn.egov.portal.application;

import java.time.OffsetDateTime;
import java.util.List;

/** What the payment services answer: the citizens' and officers' views of bills and payments. */
public final class PaymentViews {

    private PaymentViews() {}

    /** A fee (kind 1, phí) or charge (kind 2, lệ phí) of a bill, in đồng. */
    public record BillLine(int kind, String code, String name, long amount) {}

    /**
     * What a dossier owes: {@code owed} when it is in status 6 and not paid since; the lines and
     * total from its procedure's fees for the online channel, the payee account, and the payments
     * made so far (newest first).
     */
    public record Bill(
            String dossierCode,
            int dossierStatus,
            boolean owed,
            List<BillLine> lines,
            long total,
            String payeeAccount,
            String payeeBank,
            String payeeName,
            List<PaymentView> payments) {}

    /** One payment of a dossier. */
    public record PaymentView(
            String reference,
            String state,
            long amount,
            OffsetDateTime createdAt,
            OffsetDateTime paidAt,
            String transaction,
            String bank,
            String receiptNumber,
            String failure,
            OffsetDateTime refundedAt,
            String refundReason,
            int checks,
            OffsetDateTime checkedAt) {}

    /** A payment begun: its reference and the address where the citizen pays (null when the init was refused). */
    public record Started(String reference, String paymentUrl, String failure) {}

    /** Our answer to the platform's confirm call. */
    public record ConfirmAnswer(
            String error, String description, String partner, String reference, String time, String checksum) {}

    /** An e-receipt. */
    public record Receipt(String number, String reference, byte[] pdf) {}
}
