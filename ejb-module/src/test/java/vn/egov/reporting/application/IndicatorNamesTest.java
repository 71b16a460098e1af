package vn.egov.reporting.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

/** A name an administrator gives an indicator or a regime starts with something a reader can see. */
class IndicatorNamesTest {

    @Test
    void aNameOfCombiningMarksOnlyIsRefusedNamingTheField() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> ReportingDefinitions.requireBaseCharacter("name", "\u0301\u0323".repeat(50)));
        assertEquals("reporting.name.invalid", refused.code());
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertEquals("name", refused.arguments().get("field"));
        assertThrows(
                DomainException.class, () -> ReportingDefinitions.requireBaseCharacter("nameEn", " \u20DD enclosed"));
        assertThrows(DomainException.class, () -> ReportingDefinitions.requireBaseCharacter("unit", "\u0903x"));
    }

    @Test
    void vietnameseTypedWithCombiningToneMarksIsAName() {
        assertDoesNotThrow(
                () -> ReportingDefinitions.requireBaseCharacter("name", "Kim nga\u0323ch xua\u0302\u0301t khẩu"));
        assertDoesNotThrow(() -> ReportingDefinitions.requireBaseCharacter("unit", "%"));
        assertDoesNotThrow(() -> ReportingDefinitions.requireBaseCharacter("name", "2. Thu ngân sách"));
    }
}
