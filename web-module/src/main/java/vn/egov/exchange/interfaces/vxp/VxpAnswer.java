package vn.egov.exchange.interfaces.vxp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An answer of the VPCP transport: always HTTP 200 and a JSON object with {@code status}
 * ({@code OK} or {@code FAIL}), {@code ErrorCode} ({@code 0} on success, else the stable code of the
 * refusal, e.g. {@code vxp.signature.invalid}) and {@code ErrorDesc} (the refusal's text from the
 * intranet's bundle, Vietnamese unless the request prefers English), plus the operation's own
 * members. Every character beyond ASCII is escaped ({@code \}{@code uXXXX}): the SDK reads some answers as
 * US-ASCII.
 */
public final class VxpAnswer {

    private static final String BUNDLE = "vn.egov.web.i18n.messages";

    private VxpAnswer() {}

    public static JsonObjectBuilder ok() {
        return Json.createObjectBuilder()
                .add("status", "OK")
                .add("ErrorCode", "0")
                .add("ErrorDesc", "Thành công");
    }

    public static JsonObject fail(String code, String detail, Locale locale) {
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("status", "FAIL")
                .add("ErrorCode", code)
                .add("ErrorDesc", text(code, locale));
        if (detail != null) {
            answer.add("detail", detail);
        }
        return answer.build();
    }

    /** The language of the texts: English when the request prefers it, Vietnamese otherwise. */
    public static Locale locale(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.forLanguageTag("vi");
    }

    static String text(String code, Locale locale) {
        try {
            return ResourceBundle.getBundle(
                            BUNDLE,
                            locale,
                            VxpAnswer.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString("error." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** The JSON text with every non-ASCII character escaped; JSON's structure is ASCII, so only strings change. */
    public static String ascii(JsonObject answer) {
        String json = answer.toString();
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    public static void write(HttpServletResponse response, JsonObject answer) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("US-ASCII");
        byte[] body = ascii(answer).getBytes(StandardCharsets.US_ASCII);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
