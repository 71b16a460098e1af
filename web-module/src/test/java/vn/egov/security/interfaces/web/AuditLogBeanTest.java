package vn.egov.security.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditLogBeanTest {

    private final AuditLogBean log = new AuditLogBean();

    @Test
    void theLoopbackAddressIsShownAsTheShortFormPeopleKnow() {
        assertEquals("::1", log.address("0:0:0:0:0:0:0:1"));
    }

    @Test
    void theLongestRunOfZeroGroupsIsShortenedOnceAndTheFirstOfEqualRuns() {
        assertEquals("2001:db8::1:0:0:1", log.address("2001:db8:0:0:1:0:0:1"));
        assertEquals("fe80::1:2", log.address("fe80:0:0:0:0:0:1:2"));
        assertEquals("1::", log.address("1:0:0:0:0:0:0:0"));
        assertEquals("2001:db8:0:1:1:1:1:1", log.address("2001:0db8:0:1:1:1:1:1"));
    }

    @Test
    void addressesThatAreNotLongIpv6AreShownAsRecorded() {
        assertEquals("127.0.0.1", log.address("127.0.0.1"));
        assertEquals("::1", log.address("::1"));
        assertEquals(null, log.address(null));
    }
}
