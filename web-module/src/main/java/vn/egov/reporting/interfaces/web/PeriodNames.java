package vn.egov.reporting.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.common.interfaces.web.FacesMessages;

/**
 * Reporting periods as people write them (issue 14): "Tháng 1/2026", "Quý 2/2026", "6 tháng đầu năm 2026",
 * "Năm 2026", not the canonical codes 2026-01, 2026-Q2, 2026-H1 that the API, the files and the database use.
 * A text that is no period code is shown as it is.
 */
@Named
@ApplicationScoped
public class PeriodNames {

    private static final Pattern CODE = Pattern.compile("^(\\d{4})(?:-(?:(\\d{2})|Q(\\d)|H(\\d)))?$");

    public String of(String code) {
        if (code == null) {
            return "";
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return code;
        }
        String year = m.group(1);
        if (m.group(2) != null) {
            return say("reporting.period.month", Integer.parseInt(m.group(2)), year);
        }
        if (m.group(3) != null) {
            return say("reporting.period.quarter", Integer.parseInt(m.group(3)), year);
        }
        if (m.group(4) != null) {
            return say("reporting.period.half." + m.group(4), year);
        }
        return say("reporting.period.year", year);
    }

    private static String say(String key, Object... values) {
        return new MessageFormat(FacesMessages.text(key), java.util.Locale.ROOT).format(values);
    }
}
