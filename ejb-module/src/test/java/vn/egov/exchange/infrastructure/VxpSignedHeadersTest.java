package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

/** The VPCP SDK's signed headers, checked as the SDK builds them. */
class VxpSignedHeadersTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW =
            LocalDateTime.of(2026, 12, 3, 16, 5, 1).atZone(VIETNAM).toInstant();
    private static final String STAMP = "03122026T160501+0123";
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** The headers of a call as they reach the container (one char per byte), signed with {@code secret}. */
    private static Map<String, String> call(String secret, String json, String keys) {
        Map<String, String> headers = new HashMap<>();
        headers.put("XroadVnpt-sign-header", wire(json));
        headers.put("XroadVnpt-sign-header-key", keys);
        headers.put("XroadVnpt-hash-header", VxpSignedHeaders.hmacHex(secret, json.getBytes(StandardCharsets.UTF_8)));
        headers.put("XroadVnpt-systemid", "qlvb-h41");
        headers.put("XroadVnpt-timestamp", STAMP);
        headers.put("XroadVnpt-docId", "42");
        headers.put("XroadVnpt-Content-Type", "application/json");
        headers.put("XroadVnpt-from", wire("Nghệ An"));
        return headers;
    }

    private static String wire(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static final String JSON = "{\"XroadVnpt-docId\":\"42\",\"XroadVnpt-systemid\":\"qlvb-h41\","
            + "\"XroadVnpt-from\":\"Nghệ An\",\"XroadVnpt-timestamp\":\"" + STAMP + "\","
            + "\"XroadVnpt-Content-Type\":\"application/json\"}";
    private static final String KEYS = "docId;systemid;from;timestamp;Content-Type";

    private static Map<String, String> verify(Map<String, String> headers, String secret) {
        Function<String, String> header = headers::get;
        return VxpSignedHeaders.verify(header, secret, NOW, WINDOW, VIETNAM);
    }

    private static void refused(String code, Map<String, String> headers, String secret) {
        DomainException e = assertThrows(DomainException.class, () -> verify(headers, secret));
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void hmacIsRfc4231() {
        // RFC 4231, test case 2.
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                VxpSignedHeaders.hmacHex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hashFileIsTheSdksUnpaddedHex() {
        // SHA-256("abc"); the SDK writes 0x01 as "1" and 0x00 as "0".
        assertEquals(
                "ba7816bf8f1cfea414140de5dae2223b0361a396177a9cb410ff61f2015ad",
                VxpSignedHeaders.sdkHashForm("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void aCallSignedAsTheSdkSignsGivesItsParametersReadAsUtf8() {
        Map<String, String> parameters = verify(call("s3cret", JSON, KEYS), "s3cret");
        assertEquals("42", parameters.get("docId"));
        assertEquals("Nghệ An", parameters.get("from"));
        assertEquals("qlvb-h41", parameters.get("systemid"));
        assertEquals(5, parameters.size());
    }

    @Test
    void aWrongSecretOrAnAlteredJsonIsRefused() {
        refused("vxp.signature.invalid", call("s3cret", JSON, KEYS), "other");
        Map<String, String> altered = call("s3cret", JSON, KEYS);
        altered.put("XroadVnpt-sign-header", wire(JSON.replace("42", "43")));
        refused("vxp.signature.invalid", altered, "s3cret");
    }

    @Test
    void aHeaderThatIsNotItsSignedValueIsRefused() {
        Map<String, String> headers = call("s3cret", JSON, KEYS);
        headers.put("XroadVnpt-docId", "43");
        refused("vxp.signature.header-mismatch", headers, "s3cret");
        Map<String, String> missing = call("s3cret", JSON, KEYS);
        missing.remove("XroadVnpt-from");
        refused("vxp.signature.header-mismatch", missing, "s3cret");
        refused("vxp.signature.header-mismatch", call("s3cret", JSON, "docId;systemid;timestamp"), "s3cret");
        String number = JSON.replace("\"42\"", "42");
        refused("vxp.signature.header-mismatch", call("s3cret", number, KEYS), "s3cret");
        refused("vxp.signature.header-mismatch", call("s3cret", "{\"XroadVnpt-", KEYS), "s3cret");
    }

    @Test
    void unsignedCallsAndCallsWithoutTimestampAreRefused() {
        Map<String, String> unsigned = call("s3cret", JSON, KEYS);
        unsigned.remove("XroadVnpt-hash-header");
        refused("vxp.signature.missing", unsigned, "s3cret");
        String noTime = "{\"XroadVnpt-systemid\":\"qlvb-h41\"}";
        refused("vxp.signature.missing", call("s3cret", noTime, "systemid"), "s3cret");
    }

    @Test
    void aTimestampOutsideTheWindowOrUnreadableIsRefused() {
        String stale = "03122026T150501+0000";
        Map<String, String> headers = call("s3cret", JSON.replace(STAMP, stale), KEYS);
        headers.put("XroadVnpt-timestamp", stale);
        refused("vxp.timestamp.stale", headers, "s3cret");
        Map<String, String> unreadable = call("s3cret", JSON.replace(STAMP, "2026-12-03"), KEYS);
        unreadable.put("XroadVnpt-timestamp", "2026-12-03");
        refused("vxp.timestamp.invalid", unreadable, "s3cret");
    }

    @Test
    void timestampsReadAsTheSdkWritesThem() {
        assertEquals(
                LocalDateTime.of(2026, 12, 3, 16, 5, 1, 123_000_000)
                        .atZone(VIETNAM)
                        .toInstant(),
                VxpSignedHeaders.timestamp(STAMP, VIETNAM));
        String written = LocalDateTime.of(2026, 1, 9, 7, 8, 9, 5_000_000)
                        .format(DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss'+'"))
                + "0005";
        assertEquals(
                LocalDateTime.of(2026, 1, 9, 7, 8, 9, 5_000_000).atZone(VIETNAM).toInstant(),
                VxpSignedHeaders.timestamp(written, VIETNAM));
        assertThrows(DomainException.class, () -> VxpSignedHeaders.timestamp("32132026T250000+0000", VIETNAM));
    }
}
