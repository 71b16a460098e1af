package vn.egov.common;

import java.util.Map;

/**
 * The one rule for text the platform accepts from outside (API bodies and parameters, intranet
 * forms): no character that is not text. Refused are C0 control characters except TAB, LF and CR,
 * DEL, C1 controls (U+0080–U+009F), unpaired surrogates and Unicode noncharacters (U+FDD0–U+FDEF
 * and the last two code points of every plane). A single-line value (a name, a code, a parameter)
 * refuses CR and LF too.
 *
 * <p>Written here rather than taken from a library because the rule is exactly what our columns,
 * documents, logs and headers must never receive, and no library states it as one predicate: a NUL
 * cuts a PostgreSQL text value, C1 and noncharacters are not interchangeable text (XML 1.0 forbids
 * most of them too), and an unpaired surrogate cannot be encoded as UTF-8 at all.
 */
public final class TextRule {

    /** The stable code of a refusal, for problems and localised messages. */
    public static final String CODE = "request.text.invalid";

    private TextRule() {}

    /** Why a value breaks the rule, in words a caller understands. */
    public enum Violation {
        CONTROL("a control character"),
        LINE_BREAK("a line break"),
        UNPAIRED_SURROGATE("an unpaired surrogate (text that is not Unicode)"),
        NONCHARACTER("a Unicode noncharacter");

        private final String words;

        Violation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The first violation in the value, or {@code null} when it is acceptable text (null is too). */
    public static Violation violation(CharSequence value, boolean singleLine) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (c == '\t') {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (singleLine) {
                        return Violation.LINE_BREAK;
                    }
                    continue;
                }
                return Violation.CONTROL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Violation.UNPAIRED_SURROGATE;
                }
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                if ((codePoint & 0xfffe) == 0xfffe) {
                    return Violation.NONCHARACTER;
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return Violation.UNPAIRED_SURROGATE;
            }
            if ((c >= 0xfdd0 && c <= 0xfdef) || c == 0xfffe || c == 0xffff) {
                return Violation.NONCHARACTER;
            }
        }
        return null;
    }

    public static boolean acceptable(CharSequence value, boolean singleLine) {
        return violation(value, singleLine) == null;
    }

    /**
     * The value itself when acceptable; otherwise a 400 refusal {@value #CODE} naming the field,
     * so the caller can correct exactly that input.
     */
    public static String require(String field, String value, boolean singleLine) {
        Violation violation = violation(value, singleLine);
        if (violation != null) {
            throw refusal(field, violation);
        }
        return value;
    }

    public static DomainException refusal(String field, Violation violation) {
        return new DomainException(
                DomainException.Kind.INVALID,
                CODE,
                field + " contains " + violation.words() + ", which is not accepted",
                Map.of("field", field, "violation", violation.name()));
    }
}
