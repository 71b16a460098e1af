package vn.egov.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void mediaTypesOfOfficeFilesAndTheirParametersAreValid() {
        assertTrue(MediaTypes.valid("application/pdf"));
        assertTrue(MediaTypes.valid("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertTrue(MediaTypes.valid("text/plain; charset=UTF-8"));
        assertTrue(MediaTypes.valid("multipart/signed;protocol=\"application/pkcs7-signature\";micalg=sha-256"));
    }

    @Test
    void lineBreaksAndOtherNonHeaderTextAreNotMediaTypes() {
        assertFalse(MediaTypes.valid("text/plain\r\nX-Injected: yes"));
        assertFalse(MediaTypes.valid("text/plain; charset=\"a\r\nb\""));
        assertFalse(MediaTypes.valid("text/plain\n"));
        assertFalse(MediaTypes.valid("pdf"));
        assertFalse(MediaTypes.valid("application/"));
        assertFalse(MediaTypes.valid("văn bản/pdf"));
        assertFalse(MediaTypes.valid(" application/pdf"));
        assertFalse(MediaTypes.valid(null));
    }

    @Test
    void whatCannotBeServedAsItsOwnTypeIsServedAsBytes() {
        assertEquals("application/pdf", MediaTypes.servable("application/pdf"));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.servable("text/plain\r\nSet-Cookie: x=1"));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.servable(null));
    }
}
