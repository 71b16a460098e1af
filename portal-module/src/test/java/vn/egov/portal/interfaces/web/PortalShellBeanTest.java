package vn.egov.portal.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortalShellBeanTest {

    @Test
    void thePersonalIdShowsOnlyItsLastFourDigits() {
        assertEquals("********1234", PortalShellBean.mask("001088001234"));
    }
}
