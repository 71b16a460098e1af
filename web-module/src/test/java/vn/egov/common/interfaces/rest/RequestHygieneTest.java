package vn.egov.common.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class RequestHygieneTest {

    @Test
    void percentEncodedUtf8DecodesToText() {
        assertEquals("Nghệ An", RequestHygiene.decode("Ngh%E1%BB%87+An", true));
        assertEquals("a+b", RequestHygiene.decode("a+b", false), "a plus in a path is a plus");
        assertEquals("citizen\u0000", RequestHygiene.decode("citizen%00", true), "decoded; the text rule refuses it");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        assertEquals(
                StrictJson.ENCODING_CODE,
                assertThrows(DomainException.class, () -> RequestHygiene.decode("citizen%FF", true))
                        .code());
        assertThrows(DomainException.class, () -> RequestHygiene.decode("%C0%80", true), "overlong NUL");
        assertThrows(DomainException.class, () -> RequestHygiene.decode("%ED%A0%80", true), "an encoded surrogate");
    }

    @Test
    void brokenEscapesAreRefused() {
        assertThrows(DomainException.class, () -> RequestHygiene.decode("100%", true));
        assertThrows(DomainException.class, () -> RequestHygiene.decode("%zz", true));
        assertThrows(DomainException.class, () -> RequestHygiene.decode("%4", true));
    }
}
