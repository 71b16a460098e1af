package vn.egov.portal.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a dossier's code ({@code MaHoSo}) is written: the receiving agency's code, then a suffix of
 * the receipt date and the day's running number (Decree 61/2018), from a configurable pattern
 * ({@code egov.portal.dossier.code-pattern}, default {@value #DEFAULT}). Tokens: {@code {agency}},
 * a date in braces ({@code {yyMMdd}}, any {@link DateTimeFormatter} letters), {@code {seq:N}} the
 * running number with at least N digits. The pattern starts with {@code {agency}} and one
 * separator, and the suffix after it has no {@code -}, so a code splits at its last {@code -} into
 * agency and suffix whatever dots and dashes agency codes hold; a code is at most 50 characters.
 */
public final class DossierCodePattern {

    public static final String DEFAULT = "{agency}-{yyMMdd}{seq:4}";
    public static final int MAX_LENGTH = 50;

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq:([1-9])");
    private static final Pattern DATE = Pattern.compile("[yMd]+");
    private static final String PREFIX = "{agency}";

    private final String pattern;

    public DossierCodePattern(String pattern) {
        this.pattern = pattern;
        if (!pattern.startsWith(PREFIX + "-")) {
            throw new IllegalArgumentException("a dossier code pattern starts with {agency}-: " + pattern);
        }
        String suffix = pattern.substring(PREFIX.length() + 1);
        if (suffix.contains("{agency}") || !SEQ.matcher(suffix).find()) {
            throw new IllegalArgumentException("a dossier code pattern has {seq:N} after the agency: " + pattern);
        }
        Matcher tokens = TOKEN.matcher(suffix);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        boolean date = false;
        while (tokens.find()) {
            literal.append(suffix, last, tokens.start());
            last = tokens.end();
            String token = tokens.group(1);
            if (DATE.matcher(token).matches()) {
                date = true;
            } else if (!SEQ.matcher(token).matches()) {
                throw new IllegalArgumentException("unknown token {" + token + "} in the dossier code pattern");
            }
        }
        literal.append(suffix.substring(last));
        if (!date) {
            throw new IllegalArgumentException("a dossier code pattern has the receipt date: " + pattern);
        }
        if (literal.indexOf("-") >= 0 || !literal.chars().allMatch(c -> c >= 0x21 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "the suffix of a dossier code pattern has no '-' and only visible ASCII: " + pattern);
        }
    }

    /** The code of the {@code number}th dossier {@code agencyCode} received on {@code day}. */
    public String format(String agencyCode, LocalDate day, int number) {
        if (agencyCode.isEmpty()) {
            throw new IllegalArgumentException("no agency code");
        }
        StringBuilder code = new StringBuilder(agencyCode).append('-');
        String suffix = pattern.substring(PREFIX.length() + 1);
        Matcher tokens = TOKEN.matcher(suffix);
        int last = 0;
        while (tokens.find()) {
            code.append(suffix, last, tokens.start());
            last = tokens.end();
            String token = tokens.group(1);
            Matcher seq = SEQ.matcher(token);
            if (seq.matches()) {
                code.append(String.format("%0" + seq.group(1) + "d", number));
            } else {
                code.append(DateTimeFormatter.ofPattern(token.replace('y', 'u')).format(day));
            }
        }
        code.append(suffix.substring(last));
        if (code.length() > MAX_LENGTH) {
            throw new IllegalStateException("dossier code " + code + " is longer than " + MAX_LENGTH + " characters");
        }
        return code.toString();
    }

    /** The agency part of a code this pattern wrote (everything before its last {@code -}). */
    public static String agencyOf(String code) {
        int dash = code.lastIndexOf('-');
        return dash <= 0 ? "" : code.substring(0, dash);
    }
}
