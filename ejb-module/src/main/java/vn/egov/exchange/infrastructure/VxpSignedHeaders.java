package vn.egov.exchange.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.egov.common.DomainException;

/**
 * The VPCP SDK's request authentication, checked the way the SDK builds it: every parameter travels
 * as a header {@code XroadVnpt-<name>}, and also in a compact JSON object of all of them
 * ({@code XroadVnpt-sign-header}), whose names without the prefix are listed in
 * {@code XroadVnpt-sign-header-key} (joined by {@code ;}) and whose UTF-8 bytes are signed with
 * HMAC-SHA256 under the system's secret, lower-case hex in {@code XroadVnpt-hash-header}. The
 * signature is recomputed over the JSON exactly as received (never re-serialised: the SDK's member
 * order is a hash map's), then every listed header must equal its value in the JSON, and the
 * {@code timestamp} ({@code ddMMyyyy'T'HHmmss+SSSS}, the client's local time) must be within the
 * window. The parameters returned are the signed ones.
 *
 * <p>Header values are given as the container decoded them, one char per byte (ISO-8859-1); the
 * SDK sends non-ASCII values as UTF-8 bytes, so they are read back as UTF-8 here.
 */
public final class VxpSignedHeaders {

    public static final String PREFIX = "XroadVnpt-";
    public static final String SYSTEM_ID = PREFIX + "systemid";
    public static final String SIGN_HEADER = PREFIX + "sign-header";
    public static final String SIGN_HEADER_KEY = PREFIX + "sign-header-key";
    public static final String HASH_HEADER = PREFIX + "hash-header";

    private static final Pattern TIMESTAMP =
            Pattern.compile("(\\d{2})(\\d{2})(\\d{4})T(\\d{2})(\\d{2})(\\d{2})\\+(\\d{1,4})");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VxpSignedHeaders() {}

    /** A header as the SDK meant it: the container's one-char-per-byte value read as UTF-8. */
    public static String utf8(String containerValue) {
        return containerValue == null
                ? null
                : new String(containerValue.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * The signed parameters (names without the prefix, e.g. {@code systemid}, {@code docId},
     * {@code timestamp}), once the HMAC, the headers and the timestamp all check; otherwise a
     * refusal with a {@code vxp.*} code.
     *
     * @param header the request's header by name, as the container decoded it (null when absent)
     */
    public static Map<String, String> verify(
            Function<String, String> header, String secret, Instant now, Duration window, ZoneId zone) {
        String signHeader = header.apply(SIGN_HEADER);
        String signature = header.apply(HASH_HEADER);
        String keyList = header.apply(SIGN_HEADER_KEY);
        if (signHeader == null || signature == null || keyList == null) {
            throw DomainException.invalid(
                    "vxp.signature.missing",
                    "the call needs " + SIGN_HEADER + ", " + SIGN_HEADER_KEY + " and " + HASH_HEADER);
        }
        byte[] signed = signHeader.getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = hmacHex(secret, signed).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw DomainException.forbidden(
                    "vxp.signature.invalid",
                    "the HMAC-SHA256 of the signed headers does not match the system's secret");
        }
        Map<String, String> parameters = signedParameters(new String(signed, StandardCharsets.UTF_8));
        Set<String> listed = new TreeSet<>(Arrays.asList(keyList.strip().split(";")));
        if (!listed.equals(new TreeSet<>(parameters.keySet()))) {
            throw DomainException.invalid(
                    "vxp.signature.header-mismatch",
                    "the names in " + SIGN_HEADER_KEY + " are not the names signed in " + SIGN_HEADER);
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String sent = utf8(header.apply(PREFIX + p.getKey()));
            if (!p.getValue().equals(sent)) {
                throw DomainException.invalid(
                        "vxp.signature.header-mismatch",
                        "the header " + PREFIX + p.getKey() + " is not the value signed for it");
            }
        }
        String timestamp = parameters.get("timestamp");
        if (timestamp == null || !parameters.containsKey("systemid")) {
            throw DomainException.invalid(
                    "vxp.signature.missing", "the signed headers must include systemid and timestamp");
        }
        Instant stated = timestamp(timestamp, zone);
        if (Duration.between(stated, now).abs().compareTo(window) > 0) {
            throw DomainException.invalid(
                    "vxp.timestamp.stale",
                    "the timestamp " + timestamp + " is more than " + window.toSeconds()
                            + " seconds from the axis's clock");
        }
        return parameters;
    }

    /** The JSON's members, names without the prefix; every member must be a string named with it. */
    private static Map<String, String> signedParameters(String json) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw DomainException.invalid("vxp.signature.header-mismatch", SIGN_HEADER + " is not a JSON object");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!member.getKey().startsWith(PREFIX) || !(member.getValue() instanceof JsonString value)) {
                throw DomainException.invalid(
                        "vxp.signature.header-mismatch",
                        "every member of " + SIGN_HEADER + " is a string named " + PREFIX + "…");
            }
            parameters.put(member.getKey().substring(PREFIX.length()), value.getString());
        }
        return parameters;
    }

    /** {@code ddMMyyyy'T'HHmmss+SSSS} in the given zone (SimpleDateFormat's SSSS: milliseconds on 4 digits). */
    public static Instant timestamp(String value, ZoneId zone) {
        Matcher m = TIMESTAMP.matcher(value.strip());
        if (!m.matches()) {
            throw DomainException.invalid(
                    "vxp.timestamp.invalid", "the timestamp '" + value + "' does not read ddMMyyyy'T'HHmmss+SSSS");
        }
        try {
            return LocalDateTime.of(
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            Integer.parseInt(m.group(6)))
                    .plusNanos(Math.min(999, Integer.parseInt(m.group(7))) * 1_000_000L)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            throw DomainException.invalid("vxp.timestamp.invalid", "the timestamp '" + value + "' is not a date");
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code data} keyed with the secret's UTF-8 bytes, as the SDK signs. */
    public static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal(data);
            char[] hex = new char[out.length * 2];
            for (int i = 0; i < out.length; i++) {
                hex[2 * i] = HEX[(out[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[out[i] & 0xf];
            }
            return new String(hex);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * A SHA-256 in the SDK's {@code hash-file} form: each byte in hex without zero padding
     * ({@code 0x0a} is {@code a}), from the usual zero-padded hex.
     */
    public static String sdkHashForm(String paddedHex) {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i + 1 < paddedHex.length(); i += 2) {
            out.append(Integer.toHexString(Integer.parseInt(paddedHex.substring(i, i + 2), 16)));
        }
        return out.toString();
    }
}
