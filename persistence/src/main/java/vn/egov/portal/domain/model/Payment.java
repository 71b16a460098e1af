package vn.egov.portal.domain.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.egov.common.DomainException;

/**
 * Giao dịch thanh toán phí, lệ phí — one attempt to pay a dossier's bill through the payment
 * platform: the bill's lines as they stood when the citizen chose to pay (copied, so a later change
 * of the procedure's fees does not change what was paid), the payee account, our reference
 * ({@code MaThamChieu}: the dossier code and the creation time, {@code yyyyMMddHHmmss} in Vietnam,
 * unique) and where it stands ({@link PaymentState}). Every move goes through {@link #move}, so a
 * move the state machine does not allow is refused with {@code portal.payment.transition-illegal}.
 *
 * <p>A failed or expired attempt stays as it is; paying again makes a new one with a new reference,
 * because the platform keys everything on the reference.
 */
@Entity
@Table(name = "portal_payment")
public class Payment {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** {@code MaDichVu} of administrative fines. */
    public static final int SERVICE_FINE = 1;
    /** {@code MaDichVu} of a procedure's fees and charges. */
    public static final int SERVICE_FEES = 2;

    @Id
    @SequenceGenerator(name = "portal_payment_seq", sequenceName = "portal_payment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_payment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "dossier_pk", nullable = false, updatable = false)
    private Dossier dossier;

    @Column(name = "dossier_code", nullable = false, length = 50, updatable = false)
    private String dossierCode;

    @Column(name = "agency_code", nullable = false, length = 20, updatable = false)
    private String agencyCode;

    @Column(name = "reference", nullable = false, length = 64, updatable = false)
    private String reference;

    @Column(name = "service_kind", nullable = false, updatable = false)
    private int serviceKind;

    @Column(name = "amount", nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 12)
    private PaymentState state;

    @Column(name = "payee_account", nullable = false, length = 40, updatable = false)
    private String payeeAccount;

    @Column(name = "payee_bank", nullable = false, length = 20, updatable = false)
    private String payeeBank;

    @Column(name = "payee_name", nullable = false, length = 300, updatable = false)
    private String payeeName;

    @Column(name = "payment_url", length = 2000)
    private String paymentUrl;

    @Column(name = "platform_txn", length = 64)
    private String platformTransaction;

    @Column(name = "bank_code", length = 40)
    private String bankCode;

    @Column(name = "failure", length = 500)
    private String failure;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "initiated_at")
    private OffsetDateTime initiatedAt;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Column(name = "receipted_at")
    private OffsetDateTime receiptedAt;

    @Column(name = "checked_at")
    private OffsetDateTime checkedAt;

    @Column(name = "check_count", nullable = false)
    private int checkCount;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    @Column(name = "receipt_number", length = 40)
    private String receiptNumber;

    // Not a lazy basic: EclipseLink's fetch groups then reload the whole object when the receipt is
    // set, losing the state changes of the same transaction (seen in PortalPaymentIT).
    @Column(name = "receipt_pdf")
    private byte[] receiptPdf;

    @Column(name = "refunded_at")
    private OffsetDateTime refundedAt;

    @Column(name = "refunded_by", length = 300)
    private String refundedBy;

    @Column(name = "refund_reason", length = 1000)
    private String refundReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_payment_line", joinColumns = @JoinColumn(name = "payment_pk"))
    @OrderBy("lineNo")
    private List<PaymentLine> lines = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Payment() {}

    /**
     * A new payment of {@code lines} for {@code dossier}, to the payee account given, created at
     * {@code now} and expiring at {@code expiresAt} unless settled before.
     */
    public Payment(
            Dossier dossier,
            List<PaymentLine> lines,
            String payeeAccount,
            String payeeBank,
            String payeeName,
            OffsetDateTime now,
            OffsetDateTime expiresAt) {
        if (lines.isEmpty()) {
            throw DomainException.invalid("portal.payment.nothing-owed", "a payment has at least one line");
        }
        this.dossier = dossier;
        this.dossierCode = dossier.getCode();
        this.agencyCode = dossier.getAgencyCode();
        this.reference = reference(dossier.getCode(), now);
        this.serviceKind = SERVICE_FEES;
        this.lines.addAll(lines);
        this.amount = lines.stream().mapToLong(PaymentLine::getAmount).sum();
        this.payeeAccount = payeeAccount;
        this.payeeBank = payeeBank;
        this.payeeName = payeeName;
        this.state = PaymentState.CREATED;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** MaThamChieu: the dossier code followed by {@code at} as {@code yyyyMMddHHmmss} in Vietnam. */
    public static String reference(String dossierCode, OffsetDateTime at) {
        return dossierCode + REFERENCE_TIME.format(at.atZoneSameInstant(VIETNAM));
    }

    /** The dossier code inside a reference: the reference without its 14 digits of time. */
    public static String dossierCodeOf(String reference) {
        return reference == null || reference.length() <= 14 ? null : reference.substring(0, reference.length() - 14);
    }

    private void move(PaymentState target) {
        if (!state.canMoveTo(target)) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "portal.payment.transition-illegal",
                    "a payment " + state + " cannot become " + target);
        }
        this.state = target;
    }

    /** The platform answered the init with the address where the citizen pays. */
    public void initiated(String url, OffsetDateTime at) {
        move(PaymentState.INITIATED);
        this.paymentUrl = url;
        this.initiatedAt = at;
    }

    /** The platform says the money was received: its transaction id and the bank used. */
    public void paid(String platformTransaction, String bankCode, OffsetDateTime at) {
        move(PaymentState.PAID);
        this.platformTransaction = platformTransaction;
        this.bankCode = bankCode;
        this.paidAt = at;
        this.settledAt = at;
    }

    /** The check call answered that the platform does not know the outcome yet (TrangThaiGD 3). */
    public void pending(OffsetDateTime at) {
        if (state != PaymentState.PENDING) {
            move(PaymentState.PENDING);
        }
        checked(at);
    }

    /** The platform refused or the payment failed (init error, confirm with an error, TrangThaiGD 4). */
    public void failed(String reason, OffsetDateTime at) {
        move(PaymentState.FAILED);
        this.failure = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.settledAt = at;
    }

    /** Left open past its time. */
    public void expired(OffsetDateTime at) {
        move(PaymentState.EXPIRED);
        this.settledAt = at;
    }

    /** The e-receipt (biên lai điện tử) is written and stored. */
    public void receipted(String number, byte[] pdf, OffsetDateTime at) {
        move(PaymentState.RECEIPTED);
        this.receiptNumber = number;
        this.receiptPdf = pdf;
        this.receiptedAt = at;
    }

    /** An officer records that the money went back to the citizen (outside the platform). */
    public void refunded(String by, String reason, OffsetDateTime at) {
        move(PaymentState.REFUNDED);
        this.refundedBy = by;
        this.refundReason = reason;
        this.refundedAt = at;
    }

    /** The reconciliation job asked the platform once more. */
    public void checked(OffsetDateTime at) {
        this.checkedAt = at;
        this.checkCount++;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getReference() {
        return reference;
    }

    public int getServiceKind() {
        return serviceKind;
    }

    public long getAmount() {
        return amount;
    }

    public PaymentState getState() {
        return state;
    }

    public String getPayeeAccount() {
        return payeeAccount;
    }

    public String getPayeeBank() {
        return payeeBank;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public String getPaymentUrl() {
        return paymentUrl;
    }

    public String getPlatformTransaction() {
        return platformTransaction;
    }

    public String getBankCode() {
        return bankCode;
    }

    public String getFailure() {
        return failure;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getInitiatedAt() {
        return initiatedAt;
    }

    public OffsetDateTime getPaidAt() {
        return paidAt;
    }

    public OffsetDateTime getReceiptedAt() {
        return receiptedAt;
    }

    public OffsetDateTime getCheckedAt() {
        return checkedAt;
    }

    public int getCheckCount() {
        return checkCount;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getSettledAt() {
        return settledAt;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public byte[] getReceiptPdf() {
        return receiptPdf;
    }

    public OffsetDateTime getRefundedAt() {
        return refundedAt;
    }

    public String getRefundedBy() {
        return refundedBy;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public List<PaymentLine> getLines() {
        return List.copyOf(lines);
    }

    public long getVersion() {
        return version;
    }
}
