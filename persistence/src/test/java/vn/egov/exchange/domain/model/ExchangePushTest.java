package vn.egov.exchange.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retrying a webhook push: waits that double up to a cap, abandoned after the last attempt. */
class ExchangePushTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void eachFailureDoublesTheWaitUpToTheCapAndTheLastOneAbandonsThePush() {
        ExchangePush push = new ExchangePush(1L, "000.00.00.G07", T0);
        Duration base = Duration.ofSeconds(30);
        Duration cap = Duration.ofMinutes(4);
        long[] waits = {30, 60, 120, 240, 240};
        for (long wait : waits) {
            push.failed("HTTP 503", T0, base, cap, 6);
            assertEquals(ExchangePush.State.PENDING, push.getState());
            assertEquals(T0.plusSeconds(wait), push.getNextAttemptAt());
        }
        push.failed("HTTP 503", T0, base, cap, 6);
        assertEquals(ExchangePush.State.ABANDONED, push.getState(), "six attempts failed");
        assertEquals(6, push.getAttempts());
        assertEquals("HTTP 503", push.getLastError());
    }

    @Test
    void aSuccessAfterFailuresClearsTheErrorAndLongErrorsAreCut() {
        ExchangePush push = new ExchangePush(2L, "000.00.00.G07", T0);
        push.failed("x".repeat(900), T0, Duration.ofSeconds(1), Duration.ofSeconds(10), 10);
        assertEquals(500, push.getLastError().length());
        push.pushed(T0.plusSeconds(5));
        assertEquals(ExchangePush.State.PUSHED, push.getState());
        assertEquals(T0.plusSeconds(5), push.getPushedAt());
        assertEquals(2, push.getAttempts());
        assertNull(push.getLastError());
    }

    @Test
    void anAbandonedPushReplayedGetsAFreshSetOfAttempts() {
        ExchangePush push = new ExchangePush(3L, "000.00.00.G07", T0);
        push.failed("HTTP 500", T0, Duration.ofSeconds(1), Duration.ofSeconds(10), 1);
        assertEquals(ExchangePush.State.ABANDONED, push.getState());
        push.retry(T0.plusHours(1));
        assertEquals(ExchangePush.State.PENDING, push.getState());
        assertEquals(0, push.getAttempts());
        assertEquals(T0.plusHours(1), push.getNextAttemptAt());
    }
}
