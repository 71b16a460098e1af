package vn.egov.common.interfaces.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as Vietnamese civil servants write them: {@code 1.250,5} — a dot between thousands, a
 * comma before the decimals. Reporters also paste figures from spreadsheets and calculators as
 * {@code 1250.5}, so that is read too; what could mean two different numbers is refused rather than
 * guessed. The rules:
 * <ul>
 *   <li>with a comma: the comma is the decimal mark and any dots group thousands
 *       ({@code 1.250,5}, {@code 1250,5});
 *   <li>without a comma, dots in groups of three group thousands ({@code 1.250} is one thousand two
 *       hundred and fifty, as a Vietnamese reader means it); a single dot followed by other than
 *       three digits is a decimal point ({@code 1250.5}, {@code 0.75});
 *   <li>anything else ({@code 1,250.5}, {@code 12.50.3}, {@code 1 250}, letters) is refused.
 * </ul>
 */
public final class VietnameseNumbers {

    /** Longer input is no figure anyone reports; refused before any parsing. */
    static final int MAX_LENGTH = 40;

    private static final Pattern VIETNAMESE = Pattern.compile("^-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?$");
    private static final Pattern POINT_DECIMAL = Pattern.compile("^-?\\d+(\\.\\d+)?$");

    private VietnameseNumbers() {}

    /** The number written in {@code text}, or empty when it is no number by the rules above. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (VIETNAMESE.matcher(t).matches() && (t.indexOf(',') >= 0 || t.indexOf('.') < 0 || groupsOnly(t))) {
            return Optional.of(new BigDecimal(t.replace(".", "").replace(',', '.')));
        }
        if (POINT_DECIMAL.matcher(t).matches()) {
            return Optional.of(new BigDecimal(t));
        }
        return Optional.empty();
    }

    private static boolean groupsOnly(String t) {
        return t.matches("^-?\\d{1,3}(\\.\\d{3})+$");
    }

    /**
     * {@code value} written the Vietnamese way with at most {@code maxFractionDigits} decimals
     * (rounded half up), no trailing zeros: {@code 1250.500000} → {@code 1.250,5}.
     */
    public static String format(BigDecimal value, int maxFractionDigits) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(java.util.Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** A file size as people read it: {@code 28 B}, {@code 12,5 KB}, {@code 3,1 MB} (1 KB = 1024 bytes, one decimal). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = -1;
        BigDecimal step = BigDecimal.valueOf(1024);
        while (value.compareTo(step) >= 0 && unit < units.length - 1) {
            value = value.divide(step, 10, RoundingMode.HALF_UP);
            unit++;
        }
        return format(value, 1) + " " + units[unit];
    }
}
