package vn.egov.portal.domain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class PaymentTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 4, 1, 2, 3, 0, ZoneOffset.UTC);
    private static final DossierParticulars COPY = new DossierParticulars(
            "1.004873",
            "Thủ tục cấp bản sao trích lục hộ tịch",
            "G12-HT",
            "Hộ tịch",
            1,
            "001088001234",
            "Nguyễn Văn An",
            null,
            "an@example.vn",
            "0912345678",
            "Cấp bản sao trích lục khai sinh",
            "000.01.20.H41",
            "UBND phường Hưng Dũng",
            2,
            0);

    private static Payment bill() {
        Dossier dossier = Dossier.submitted("000.01.20.H41-2612040001", COPY, T0, T0.plusDays(3));
        return new Payment(
                dossier,
                List.of(
                        new PaymentLine(1, PaymentLine.FEE, "PHI-BS", "Phí cấp bản sao", 8000),
                        new PaymentLine(2, PaymentLine.CHARGE, "LP-BS", "Lệ phí", 2000)),
                "0011001234567",
                "970436",
                "Kho bạc Nhà nước Nghệ An",
                T0,
                T0.plusDays(3));
    }

    @Test
    void theReferenceIsTheDossierCodeAndTheTimeInVietnamAndLeadsBackToTheDossier() {
        Payment payment = bill();
        assertEquals("000.01.20.H41-261204000120261204080203", payment.getReference());
        assertEquals("000.01.20.H41-2612040001", Payment.dossierCodeOf(payment.getReference()));
        assertEquals(10_000, payment.getAmount());
        assertEquals(PaymentState.CREATED, payment.getState());
    }

    @Test
    void aPaymentConfirmedByThePlatformIsPaidThenReceipted() {
        Payment payment = bill();
        payment.initiated("https://pp.example/pay?ref=1", T0.plusSeconds(1));
        assertTrue(payment.getState().isOpen());
        payment.paid("PP-123", "VCB", T0.plusMinutes(2));
        assertEquals(PaymentState.PAID, payment.getState());
        assertFalse(payment.getState().isOpen());
        payment.receipted("BL-1", new byte[] {1, 2}, T0.plusMinutes(2));
        assertEquals(PaymentState.RECEIPTED, payment.getState());
        assertEquals("PP-123", payment.getPlatformTransaction());
        assertArrayEquals(new byte[] {1, 2}, payment.getReceiptPdf());
        assertTrue(payment.getState().isSettledPaid());
    }

    @Test
    void aPendingPaymentStaysPendingAcrossChecksUntilThePlatformKnows() {
        Payment payment = bill();
        payment.initiated("u", T0);
        payment.pending(T0.plusMinutes(31));
        payment.pending(T0.plusMinutes(61));
        assertEquals(PaymentState.PENDING, payment.getState());
        assertEquals(2, payment.getCheckCount());
        payment.paid("PP-9", "BIDV", T0.plusMinutes(90));
        assertEquals(PaymentState.PAID, payment.getState());
    }

    @Test
    void aPaymentThatFailedCannotBePaidAnymoreButAnExpiredOneCan() {
        Payment failed = bill();
        failed.initiated("u", T0);
        failed.failed("TrangThaiGD 4", T0.plusMinutes(1));
        DomainException refused = assertThrows(DomainException.class, () -> failed.paid("x", "y", T0));
        assertEquals("portal.payment.transition-illegal", refused.code());

        Payment expired = bill();
        expired.initiated("u", T0);
        assertTrue(expired.isExpiredAt(T0.plusDays(3)));
        expired.expired(T0.plusDays(3));
        expired.paid("late", "VCB", T0.plusDays(3).plusMinutes(1));
        assertEquals(PaymentState.PAID, expired.getState());
    }

    @Test
    void onlyAPaidPaymentIsRefundedAndOnlyOnce() {
        Payment payment = bill();
        payment.initiated("u", T0);
        assertThrows(DomainException.class, () -> payment.refunded("officer", "duplicate", T0));
        payment.paid("PP-1", "VCB", T0);
        payment.refunded("Cán bộ một cửa", "nộp trùng", T0.plusDays(1));
        assertEquals(PaymentState.REFUNDED, payment.getState());
        assertThrows(DomainException.class, () -> payment.refunded("again", "again", T0));
    }

    @Test
    void aCreatedPaymentIsNeitherPaidNorConfirmedBeforeItsInit() {
        Payment payment = bill();
        assertThrows(DomainException.class, () -> payment.paid("x", "y", T0));
        assertThrows(DomainException.class, () -> payment.pending(T0));
        payment.failed("init refused", T0);
        assertEquals(PaymentState.FAILED, payment.getState());
    }

    @Test
    void aBillWithoutLinesOrWithANonPositiveLineIsRefused() {
        Dossier dossier = Dossier.submitted("C-1", COPY, T0, T0);
        assertThrows(DomainException.class, () -> new Payment(dossier, List.of(), "a", "b", "c", T0, T0.plusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new PaymentLine(1, PaymentLine.FEE, "X", "x", 0));
        assertThrows(IllegalArgumentException.class, () -> new PaymentLine(1, 3, "X", "x", 10));
    }
}
