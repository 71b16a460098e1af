package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormFilesTest {

    @Test
    void aTemplateIsWhatItsTypeSays() throws Exception {
        byte[] pdf = FormFilesTest.class
                .getResourceAsStream("/vn/egov/portal/demo/forms/to-khai-dang-ky-khai-sinh.pdf")
                .readAllBytes();
        assertTrue(FormFiles.matches("application/pdf", pdf));
        assertFalse(FormFiles.matches(
                "application/pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(FormFiles.matches("application/msword", pdf));
        assertFalse(FormFiles.matches("text/html", pdf), "not a template type at all");
    }

    @Test
    void onlyDocumentTypesAreAllowed() {
        assertEquals(Optional.of("application/pdf"), FormFiles.allowedType("Application/PDF; charset=binary"));
        assertEquals(Optional.empty(), FormFiles.allowedType("text/html"));
        assertEquals(Optional.of("application/msword"), FormFiles.typeOfName("to-khai.DOC"));
        assertEquals(Optional.empty(), FormFiles.typeOfName("to-khai.exe"));
    }
}
