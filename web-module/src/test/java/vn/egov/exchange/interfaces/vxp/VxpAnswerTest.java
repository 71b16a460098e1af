package vn.egov.exchange.interfaces.vxp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The answer shape the VPCP SDK parses, and the SDK's sendEdoc body framing. */
class VxpAnswerTest {

    private static JsonObject parsed(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void successIsOkWithErrorCodeZeroAndTheOperationsMembers() {
        JsonObject answer =
                parsed(VxpAnswer.ascii(VxpAnswer.ok().add("DocId", "42").build()));
        assertEquals("OK", answer.getString("status"));
        assertEquals("0", answer.getString("ErrorCode"));
        assertFalse(answer.getString("ErrorDesc").isBlank());
        assertEquals("42", answer.getString("DocId"));
    }

    @Test
    void aRefusalIsFailWithItsCodeAndTheBundlesTextInEitherLanguage() {
        JsonObject vi = VxpAnswer.fail("vxp.signature.invalid", "detail", Locale.forLanguageTag("vi"));
        assertEquals("FAIL", vi.getString("status"));
        assertEquals("vxp.signature.invalid", vi.getString("ErrorCode"));
        assertEquals(
                "Chữ ký HMAC-SHA256 của tiêu đề không khớp với khóa bí mật của hệ thống.", vi.getString("ErrorDesc"));
        assertEquals("detail", vi.getString("detail"));
        JsonObject en = VxpAnswer.fail("vxp.signature.invalid", null, Locale.ENGLISH);
        assertEquals(
                "The HMAC-SHA256 of the signed headers does not match the system's secret.", en.getString("ErrorDesc"));
        assertFalse(en.containsKey("detail"));
    }

    @Test
    void answersAreAsciiAndReadBackToTheSameText() {
        JsonObject answer = VxpAnswer.fail("vxp.timestamp.stale", "\"quoted\" and \\", Locale.forLanguageTag("vi"));
        String text = VxpAnswer.ascii(answer);
        assertTrue(text.chars().allMatch(c -> c < 0x80), text);
        assertTrue(text.contains("\\u1eddi") || text.contains("\\u"), text);
        assertEquals(answer, parsed(new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)));
    }

    private static byte[] read(TrailingCrlf in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[3];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void theSdksTrailingCrlfIsWithheldAndTheWholeBodyStillHashed() throws IOException {
        byte[] file = "<edXML>tệp</edXML>".getBytes(StandardCharsets.UTF_8);
        byte[] body = (new String(file, StandardCharsets.ISO_8859_1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        TrailingCrlf framed = new TrailingCrlf(new ByteArrayInputStream(body));
        assertArrayEquals(file, read(framed));
        assertEquals(vn.egov.common.Digests.sha256Hex(body), framed.wholeBodySha256());

        TrailingCrlf bare = new TrailingCrlf(new ByteArrayInputStream(file));
        assertArrayEquals(file, read(bare), "without a CRLF, nothing withheld");
        assertEquals(vn.egov.common.Digests.sha256Hex(file), bare.wholeBodySha256());

        byte[] lf = "<a/>\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(lf, read(new TrailingCrlf(new ByteArrayInputStream(lf))), "a bare LF is the file's");
        assertArrayEquals(new byte[0], read(new TrailingCrlf(new ByteArrayInputStream("\r\n".getBytes()))));
    }
}
