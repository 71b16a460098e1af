package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentChecksumTest {

    /** The INIT fields in the contract's order (PORTAL-SHARING.md A.5). */
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
    void theChecksumIsTheLowerCaseHexSha256OfTheFieldsJoinedByBarsWithTheSecretLast() {
        // Computed outside Java: printf '%s' 'INIT|1.0.6|…|127.0.0.1|s3cret' | sha256sum
        assertEquals(
                "d72443e00dc3ee5424834b84f576ce0bf0b2254216dbcebeb955e70636cd159e", PaymentChecksum.of(INIT, "s3cret"));
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PaymentChecksum.of(List.of(), "abc"),
                "no fields: the secret alone");
        assertEquals(
                PaymentChecksum.of(List.of("a", "b"), "c"),
                PaymentChecksum.of(List.of(), "a|b|c"),
                "fields and the secret joined by |");
    }

    @Test
    void aMissingFieldCountsAsEmptySoBothSidesJoinTheSameNumberOfFields() {
        assertEquals(
                PaymentChecksum.of(Arrays.asList("a", null, "c"), "s"), PaymentChecksum.of(List.of("a", "", "c"), "s"));
        assertFalse(PaymentChecksum.of(List.of("a", "c"), "s").equals(PaymentChecksum.of(List.of("a", "", "c"), "s")));
    }

    @Test
    void aChecksumMatchesOnlyItsFieldsUnderItsSecret() {
        String sum = PaymentChecksum.of(INIT, "s3cret");
        assertTrue(PaymentChecksum.matches(sum, INIT, "s3cret"));
        assertFalse(PaymentChecksum.matches(sum, INIT, "other"));
        assertFalse(PaymentChecksum.matches(sum.toUpperCase(), INIT, "s3cret"), "lower case only");
        List<String> changed = new java.util.ArrayList<>(INIT);
        changed.set(4, "1000");
        assertFalse(PaymentChecksum.matches(sum, changed, "s3cret"), "the amount is covered");
        assertFalse(PaymentChecksum.matches(null, INIT, "s3cret"));
    }
}
