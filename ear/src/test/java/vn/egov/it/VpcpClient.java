package vn.egov.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client of the axis's VPCP transport written from VPCP-TRANSPORT.md and the SDK
 * ({@code com.vpcp.services.VnptService}, {@code KnobstickServiceImp}, {@code HttpConnection},
 * {@code MultipartUtility}), independent of the server's code: the same headers in a
 * {@link HashMap} (so the signed JSON has the SDK's member order), serialised compactly as Gson
 * does, signed with HMAC-SHA256 keyed with the secret's UTF-8 bytes, lower-case hex; the timestamp
 * {@code ddMMyyyy'T'HHmmss+SSSS} in the client's local time (Vietnam's, as the connected systems
 * run); {@code hash-file} as the SDK's unpadded hex; {@code sendEdoc} over {@link HttpURLConnection}
 * with the file followed by CRLF; the other calls POSTed as the SDK's HTTP client does (an empty
 * form, or {@code {}}). Tests can spoil any part to see the refusal.
 */
final class VpcpClient {

    static final String USER_AGENT = "JAVASDKAgent/1.0.0 XRoad/VPCP";
    static final String VERSION = "3.0.201608";

    private final HttpClient http;
    private final String endpoint;
    final String systemId;
    String secret;
    /** The timestamp to send; null: now, as the SDK stamps it. */
    String timestamp;
    /** Changes a header after it was signed (the name with the prefix), or null. */
    Map<String, String> tamper = new HashMap<>();

    VpcpClient(HttpClient http, String endpoint, String systemId, String secret) {
        this.http = http;
        this.endpoint = endpoint;
        this.systemId = systemId;
        this.secret = secret;
    }

    /** The SDK's timestamp for a moment, in Vietnam's local time. */
    static String timestampOf(Date at) {
        SimpleDateFormat format = new SimpleDateFormat("ddMMyyyy'T'HHmmss+SSSS");
        format.setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        return format.format(at);
    }

    /** The SDK's createContentHA256: SHA-256, each byte as {@code Integer.toHexString} (no zero padding). */
    static String hashFile(byte[] file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Integer.toHexString(0xFF & b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gson's JsonObject.toString() of string members: compact, Gson's escapes. */
    static String gsonJson(Map<String, String> members) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> m : members.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, m.getKey());
            json.append(':');
            quote(json, m.getValue());
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : out) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** VnptService.addXroadVnptHashHeader: every header prefixed, the key list, the JSON, its HMAC. */
    Map<String, String> signedHeaders(Map<String, String> parameters, String contentType) {
        HashMap<String, String> headers = new HashMap<>();
        headers.put("timestamp", timestamp != null ? timestamp : timestampOf(new Date()));
        headers.put("systemid", systemId);
        headers.putAll(parameters);
        headers.put("Content-Type", contentType);
        Map<String, String> json = new LinkedHashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder keys = new StringBuilder();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equals("Content-Type")) {
                out.put("Content-Type", h.getValue());
            }
            json.put("XroadVnpt-" + h.getKey(), h.getValue());
            out.put("XroadVnpt-" + h.getKey(), h.getValue());
            keys.append(h.getKey()).append(';');
        }
        keys.setLength(keys.length() - 1);
        String signed = gsonJson(json);
        out.put("XroadVnpt-sign-header-key", keys.toString());
        out.put("XroadVnpt-sign-header", signed);
        out.put("XroadVnpt-hash-header", hmacHex(secret, signed));
        out.put("User-Agent", USER_AGENT);
        out.put("XroadVnpt-version", VERSION);
        out.putAll(tamper);
        return out;
    }

    /** A header value on the wire as the SDK's HTTP stack sends it: the UTF-8 bytes, one char per byte. */
    private static String wire(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** sendEdoc: the file with the SDK's CRLF after it, over HttpURLConnection as MultipartUtility does. */
    Answer sendEdoc(Map<String, String> parameters, byte[] file) {
        Map<String, String> p = new HashMap<>(parameters);
        p.putIfAbsent("hash-file", hashFile(file));
        return sendRaw(p, file, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    Answer sendRaw(Map<String, String> parameters, byte[] file, byte[] trailer) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(endpoint + "/sendEdoc").toURL().openConnection();
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setDoInput(true);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty(
                    "Content-Type", "multipart/form-data; boundary====" + System.currentTimeMillis() + "===");
            for (Map.Entry<String, String> h :
                    signedHeaders(parameters, "application/octet-stream").entrySet()) {
                connection.setRequestProperty(h.getKey(), wire(h.getValue()));
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(file);
                out.write(trailer);
            }
            int status = connection.getResponseCode();
            String type = connection.getContentType();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            connection.disconnect();
            // MultipartUtility reads the answer as US-ASCII.
            return new Answer(status, type, new String(body, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls the SDK makes with HttpConnection.sendPost: an empty form body. */
    Answer formCall(String operation, Map<String, String> parameters) {
        return call(operation, parameters, HttpRequest.BodyPublishers.noBody(), "application/x-www-form-urlencoded");
    }

    /** The calls the SDK makes with HttpConnection.sendPostMultipart: the body {@code {}}. */
    Answer jsonCall(String operation, Map<String, String> parameters) {
        return call(operation, parameters, HttpRequest.BodyPublishers.ofString("{}"), "text/plain; charset=ISO-8859-1");
    }

    Answer call(String operation, Map<String, String> parameters, HttpRequest.BodyPublisher body, String entityType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "/" + operation))
                .timeout(Duration.ofSeconds(90))
                .POST(body);
        Map<String, String> headers = signedHeaders(parameters, "application/json");
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, wire(value));
            }
        });
        request.header("Content-Type", entityType);
        return send(request);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back: the SDK parses the body as JSON when the status is 200. */
    record Answer(int status, String contentType, String body) {
        jakarta.json.JsonObject json() {
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
