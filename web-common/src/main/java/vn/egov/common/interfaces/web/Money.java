package vn.egov.common.interfaces.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts of money as Vietnam writes them on every page, whatever the page's language: 8.000 đ (0 đ for free). */
public final class Money {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Money() {}

    public static String dong(long amount) {
        return NumberFormat.getIntegerInstance(VIETNAMESE).format(amount) + " đ";
    }

    public static String dong(BigDecimal amount) {
        return NumberFormat.getIntegerInstance(VIETNAMESE).format(amount) + " đ";
    }
}
