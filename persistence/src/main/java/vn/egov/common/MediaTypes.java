package vn.egov.common;

import java.util.regex.Pattern;

/**
 * Media types as HTTP defines them (RFC 9110 §8.3.1: {@code type "/" subtype *( OWS ";" OWS
 * parameter )}, tokens and quoted strings of visible ASCII). A content type that a partner gives
 * for a file is stored only when it is one, because it is sent back as a header on download;
 * whatever an older version stored is served as {@code application/octet-stream} when it is not.
 * A regular expression of the grammar rather than the JAX-RS parser: the business layer has no
 * HTTP runtime, and that parser accepts line breaks inside parameters.
 */
public final class MediaTypes {

    public static final String OCTET_STREAM = "application/octet-stream";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t \\x21-\\x7E])*\"";
    private static final Pattern MEDIA_TYPE =
            Pattern.compile(TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*");

    private MediaTypes() {}

    public static boolean valid(String value) {
        return value != null && MEDIA_TYPE.matcher(value).matches();
    }

    /** The stored type when it is a valid media type, else {@value #OCTET_STREAM}: a download never fails on it. */
    public static String servable(String stored) {
        return valid(stored) ? stored : OCTET_STREAM;
    }
}
