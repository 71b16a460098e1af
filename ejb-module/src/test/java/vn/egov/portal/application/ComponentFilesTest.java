package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class ComponentFilesTest {

    private final ComponentFiles files = new ComponentFiles(Set.of("application/pdf", "image/jpeg", "image/png"), 1000);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPdfThatIsAPdfIsAccepted() {
        byte[] head = bytes("%PDF-1.7\n%âãÏÓ");
        assertEquals("application/pdf", files.check("Application/PDF; charset=binary", head, head.length));
    }

    @Test
    void aJpegAndAPngAreRecognised() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        assertEquals("image/jpeg", files.check("image/jpeg", jpeg, jpeg.length));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
        assertEquals("image/png", files.check("image/png", png, png.length));
    }

    @Test
    void aRenamedProgramDeclaredAsPdfIsRefused() {
        byte[] head = bytes("MZ\u0090\u0000\u0003");
        DomainException refused =
                assertThrows(DomainException.class, () -> files.check("application/pdf", head, head.length));
        assertEquals("portal.component.content-mismatch", refused.code());
    }

    @Test
    void aTypeNotAcceptedIsRefusedWhateverItsContent() {
        byte[] head = bytes("PK\u0003\u0004");
        assertEquals(
                "portal.component.type-refused",
                assertThrows(DomainException.class, () -> files.check("application/zip", head, head.length))
                        .code());
        assertEquals(
                "portal.component.type-refused",
                assertThrows(DomainException.class, () -> files.check(null, head, head.length))
                        .code());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(
                "portal.component.empty",
                assertThrows(DomainException.class, () -> files.check("application/pdf", new byte[16], 0))
                        .code());
    }

    @Test
    void aTypeWithoutAKnownSignatureCannotBeConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new ComponentFiles(Set.of("text/html"), 1000));
    }
}
