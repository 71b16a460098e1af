package vn.egov.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextRuleTest {

    @Test
    void vietnameseTextWithTabsAndLineBreaksIsAcceptedInMultiLineFields() {
        assertNull(TextRule.violation("Công văn số 12/UBND\tvề việc\r\nbáo cáo tháng 10", false));
        assertNull(
                TextRule.violation("Ủy ban nhân dân tỉnh Nghệ An \uD83C\uDDFB\uD83C\uDDF3", true), "emoji are pairs");
        assertNull(TextRule.violation("", true));
        assertNull(TextRule.violation(null, true));
    }

    @Test
    void combiningMarksAreText() {
        assertNull(TextRule.violation("e\u0301\u0323\u0300".repeat(50), true));
    }

    @Test
    void nulAndOtherC0ControlsAreRefused() {
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("citizen\u0000", true));
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("bell\u0007", false));
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("\u001b[31mred", false));
    }

    @Test
    void delAndC1ControlsAreRefused() {
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("a\u007fb", false));
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("a\u0085b", false), "NEL");
        assertSame(TextRule.Violation.CONTROL, TextRule.violation("a\u009fb", false));
        assertNull(TextRule.violation("a\u00a0b", true), "the no-break space after C1 is text");
    }

    @Test
    void singleLineFieldsRefuseLineBreaks() {
        assertSame(TextRule.Violation.LINE_BREAK, TextRule.violation("text/plain\r\nX-Injected: 1", true));
        assertSame(TextRule.Violation.LINE_BREAK, TextRule.violation("two\nlines", true));
        assertNull(TextRule.violation("a\tb", true), "a tab is not a line break");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertSame(TextRule.Violation.UNPAIRED_SURROGATE, TextRule.violation("a\uD800b", false));
        assertSame(TextRule.Violation.UNPAIRED_SURROGATE, TextRule.violation("a\uDC00", false));
        assertSame(TextRule.Violation.UNPAIRED_SURROGATE, TextRule.violation("end\uD83C", false));
        assertSame(TextRule.Violation.UNPAIRED_SURROGATE, TextRule.violation("\uDDF3\uD83C", false), "reversed pair");
    }

    @Test
    void noncharactersAreRefused() {
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation("\uFFFE", false));
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation("\uFFFF", false));
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation("x\uFDD0", false));
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation("x\uFDEF", false));
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation(new String(Character.toChars(0x1FFFF)), false));
        assertSame(TextRule.Violation.NONCHARACTER, TextRule.violation(new String(Character.toChars(0x10FFFE)), false));
        assertNull(
                TextRule.violation("\uFFFD\uFDCF\uFDF0", false), "the replacement character and neighbours are text");
    }

    @Test
    void aRefusalNamesTheFieldWithAStableCode() {
        DomainException refusal =
                assertThrows(DomainException.class, () -> TextRule.require("title", "Tờ trình\u0000", true));
        assertEquals(TextRule.CODE, refusal.code());
        assertEquals(DomainException.Kind.INVALID, refusal.kind());
        assertEquals("title", refusal.arguments().get("field"));
        assertEquals("Tờ trình", TextRule.require("title", "Tờ trình", true));
    }
}
