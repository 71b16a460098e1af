package vn.egov.exchange.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void aRecipientMovesForwardFromArrivedToCompleted() {
        assertTrue(DeliveryStatus.ARRIVED.mayFollow(null));
        assertTrue(DeliveryStatus.REGISTERED.mayFollow(DeliveryStatus.ARRIVED));
        assertTrue(DeliveryStatus.ASSIGNED.mayFollow(DeliveryStatus.REGISTERED));
        assertTrue(DeliveryStatus.IN_PROGRESS.mayFollow(DeliveryStatus.ASSIGNED));
        assertTrue(DeliveryStatus.COMPLETED.mayFollow(DeliveryStatus.IN_PROGRESS));
        assertTrue(DeliveryStatus.COMPLETED.mayFollow(DeliveryStatus.REGISTERED), "a step may be skipped");
    }

    @Test
    void statusesNeverGoBackAndFinalOnesStay() {
        assertFalse(DeliveryStatus.REGISTERED.mayFollow(null), "not before the document arrived");
        assertFalse(DeliveryStatus.ASSIGNED.mayFollow(DeliveryStatus.IN_PROGRESS));
        assertTrue(DeliveryStatus.ASSIGNED.mayFollow(DeliveryStatus.ASSIGNED), "forwarded on, leader to specialist");
        assertFalse(DeliveryStatus.IN_PROGRESS.mayFollow(DeliveryStatus.IN_PROGRESS));
        assertFalse(DeliveryStatus.IN_PROGRESS.mayFollow(DeliveryStatus.COMPLETED));
        assertFalse(DeliveryStatus.REGISTERED.mayFollow(DeliveryStatus.REFUSED));
        assertFalse(DeliveryStatus.REFUSED.mayFollow(DeliveryStatus.REGISTERED), "refusal is only on receipt");
        assertFalse(DeliveryStatus.RECALL_AGREED.mayFollow(DeliveryStatus.ARRIVED), "15/16 only answer a 13");
        assertTrue(DeliveryStatus.ofCode("07").isEmpty(), "codes nobody uses are unknown");
    }

    @Test
    void theLogHashCoversEveryFieldAndThePreviousLink() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-27T08:00:00.123456Z");
        ExchangeLogEntry entry =
                new ExchangeLogEntry(1, at, "SENT", 7L, "000.00.00.H41", "clerk", "x", ExchangeLogEntry.GENESIS);
        assertEquals(entry.getEntryHash(), entry.computeHash());
        ExchangeLogEntry other =
                new ExchangeLogEntry(1, at, "SENT", 7L, "000.00.00.H41", "clerk", "y", ExchangeLogEntry.GENESIS);
        assertNotEquals(entry.getEntryHash(), other.getEntryHash());
        ExchangeLogEntry relinked =
                new ExchangeLogEntry(1, at, "SENT", 7L, "000.00.00.H41", "clerk", "x", "1".repeat(64));
        assertNotEquals(entry.getEntryHash(), relinked.getEntryHash());
    }
}
