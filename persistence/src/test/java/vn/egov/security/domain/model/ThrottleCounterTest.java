package vn.egov.security.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleCounterTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofSeconds(60);
    private static final Duration MAX = Duration.ofMinutes(15);

    private static boolean fail(ThrottleCounter counter, Instant at) {
        return counter.fail(at, 10, WINDOW, LOCK, MAX);
    }

    @Test
    void tenthFailureInTheWindowLocksTheAccountForOneMinute() {
        ThrottleCounter counter = new ThrottleCounter(ThrottleCounter.Kind.PERSON, "admin.g22", T0);
        for (int i = 1; i < 10; i++) {
            assertFalse(fail(counter, T0.plusSeconds(i)), "failure " + i);
            assertEquals(0, counter.secondsLocked(T0.plusSeconds(i)));
        }
        assertTrue(fail(counter, T0.plusSeconds(10)));
        assertEquals(60, counter.secondsLocked(T0.plusSeconds(10)));
        assertEquals(1, counter.secondsLocked(T0.plusSeconds(69).plusMillis(500)), "rounded up, never 0 while locked");
        assertEquals(0, counter.secondsLocked(T0.plusSeconds(70)), "the lock ends by time");
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverLock() {
        ThrottleCounter counter = new ThrottleCounter(ThrottleCounter.Kind.CLIENT, "000.00.00.G16", T0);
        for (int i = 0; i < 30; i++) {
            assertFalse(fail(counter, T0.plus(Duration.ofMinutes(2L * i))), "failure " + i);
        }
        assertEquals(0, counter.getLockouts());
    }

    @Test
    void eachLockoutInARowDoublesTheLockButNeverBeyondTheCap() {
        ThrottleCounter counter = new ThrottleCounter(ThrottleCounter.Kind.PERSON, "admin.g22", T0);
        Instant now = T0;
        long[] expected = {60, 120, 240, 480, 900, 900, 900};
        for (long seconds : expected) {
            for (int i = 0; i < 9; i++) {
                assertFalse(fail(counter, now));
            }
            assertTrue(fail(counter, now));
            assertEquals(seconds, counter.secondsLocked(now));
            now = now.plusSeconds(seconds);
        }
        assertEquals(expected.length, counter.getLockouts());
    }

    @Test
    void aSubjectLongerThanTheColumnIsKeyedByItsStoredPrefix() {
        String longName = "x".repeat(300);
        ThrottleCounter counter = new ThrottleCounter(ThrottleCounter.Kind.PERSON, ThrottleCounter.cut(longName), T0);
        assertEquals(ThrottleCounter.keyOf(ThrottleCounter.Kind.PERSON, longName), counter.getKey());
        assertEquals(100, counter.getSubject().length());
    }
}
