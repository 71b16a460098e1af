package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotificationOutboxTest {

    @Test
    void theBackOffDoublesUpToItsCeilingAndNeverGivesUp() {
        assertEquals(30, NotificationOutbox.backOff(0, 30, 3600));
        assertEquals(60, NotificationOutbox.backOff(1, 30, 3600));
        assertEquals(1920, NotificationOutbox.backOff(6, 30, 3600));
        assertEquals(3600, NotificationOutbox.backOff(7, 30, 3600));
        assertEquals(3600, NotificationOutbox.backOff(1000, 30, 3600));
    }
}
