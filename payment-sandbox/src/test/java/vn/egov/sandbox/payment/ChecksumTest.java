package vn.egov.sandbox.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    private static final List<String> INIT = List.of(
            "INIT",
            "1.0.6",
            "000.00.00.H41",
            "000.01.20.H41-261204000120261204080203",
            "10000",
            "PAY",
            "1",
            "1",
            "vi-VN",
            "VND",
            "PAYMENT",
            "Thanh toan ho so 000.01.20.H41-2612040001",
            "20261204080203",
            "127.0.0.1");

    @Test
    void theSandboxSignsAsTheContractSaysTheSameValueAsTheSystemsSha256sum() {
        assertEquals("d72443e00dc3ee5424834b84f576ce0bf0b2254216dbcebeb955e70636cd159e", Checksum.of(INIT, "s3cret"));
        assertTrue(Checksum.matches(Checksum.of(INIT, "s3cret"), INIT, "s3cret"));
        assertFalse(Checksum.matches(Checksum.of(INIT, "s3cret"), INIT, "other"));
    }

    @Test
    void aPaidTransactionChecksAsOneAPendingOrUntouchedOneAsThreeAFailedOrAbandonedOneAsFour() {
        SandboxTransaction t = new SandboxTransaction("p", "r", "1", "d", "{}", java.time.Instant.now());
        assertEquals("3", t.checkState());
        t.outcome = SandboxTransaction.Outcome.PENDING;
        assertEquals("3", t.checkState());
        t.outcome = SandboxTransaction.Outcome.PAID;
        assertEquals("1", t.checkState());
        t.outcome = SandboxTransaction.Outcome.ABANDONED;
        assertEquals("4", t.checkState());
        t.outcome = SandboxTransaction.Outcome.FAILED;
        assertEquals("4", t.checkState());
    }

    @Test
    void theCitizensPageEscapesWhatThePartnerSent() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", PayServlet.html("<b> & \"x\""));
    }
}
