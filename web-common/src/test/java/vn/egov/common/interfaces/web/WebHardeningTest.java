package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebHardeningTest {

    @Test
    void aSessionIdInTheAddressIsDroppedFromTheRedirect() {
        assertEquals("/index.xhtml", WebHardening.withoutSessionId("/index.xhtml;jsessionid=ABC123.node0"));
        assertEquals("/exchange/inbox.xhtml", WebHardening.withoutSessionId("/exchange/inbox.xhtml;JSESSIONID=x"));
        assertEquals("/a/b.xhtml", WebHardening.withoutSessionId("/a;jsessionid=1/b.xhtml"));
    }
}
