package vn.egov.portal.interfaces.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignOutServletTest {

    @Test
    void formValuesCannotCloseTheirAttribute() {
        assertEquals("a&amp;b&quot;&gt;&lt;script&gt;&#39;", SignOutServlet.attribute("a&b\"><script>'"));
    }
}
