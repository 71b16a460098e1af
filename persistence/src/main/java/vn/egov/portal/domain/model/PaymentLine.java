package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Một khoản phí, lệ phí of a bill ({@code PhiLePhi[]} in the receipt data): its kind (1 phí, 2 lệ
 * phí, the contract's {@code LoaiPhiLePhi}), code, name and amount in đồng.
 */
@Embeddable
public class PaymentLine {

    /** {@code LoaiPhiLePhi} of a fee (phí). */
    public static final int FEE = 1;
    /** {@code LoaiPhiLePhi} of a charge (lệ phí). */
    public static final int CHARGE = 2;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "kind", nullable = false)
    private int kind;

    @Column(name = "code", nullable = false, length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    @Column(name = "amount", nullable = false)
    private long amount;

    protected PaymentLine() {}

    public PaymentLine(int lineNo, int kind, String code, String name, long amount) {
        if (kind != FEE && kind != CHARGE) {
            throw new IllegalArgumentException("a line is a fee (1) or a charge (2), not " + kind);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("a line of a bill has a positive amount");
        }
        this.lineNo = lineNo;
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.amount = amount;
    }

    public int getLineNo() {
        return lineNo;
    }

    public int getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public long getAmount() {
        return amount;
    }
}
