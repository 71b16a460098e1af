package vn.egov.portal.application;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates as status sync writes them: {@code yyyyMMddHHmmss}, in Vietnam's time (Asia/Ho_Chi_Minh),
 * no zone in the text. Parsed strictly (14 digits, a real calendar date), so {@code 20260231…} is
 * refused rather than rolled over to March.
 */
public final class SyncDates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private SyncDates() {}

    /** The instant {@code text} names in Vietnam's time; {@link IllegalArgumentException} when it is not one. */
    public static OffsetDateTime parse(String text) {
        if (text == null || text.length() != 14 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a date is 14 digits, yyyyMMddHHmmss");
        }
        try {
            return LocalDateTime.parse(text, FORMAT).atZone(VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a calendar date: " + text, e);
        }
    }

    /** {@code at} as sync writes it, in Vietnam's time; null for null. */
    public static String format(OffsetDateTime at) {
        return at == null ? null : FORMAT.format(at.atZoneSameInstant(VIETNAM));
    }
}
