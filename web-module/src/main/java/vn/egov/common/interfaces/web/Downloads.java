package vn.egov.common.interfaces.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every file download of the platform says about itself. */
public final class Downloads {

    private Downloads() {}

    /** {@code Content-Disposition} for a file to save, its name in UTF-8 (RFC 6266, RFC 8187). */
    public static String attachment(String fileName) {
        return "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
