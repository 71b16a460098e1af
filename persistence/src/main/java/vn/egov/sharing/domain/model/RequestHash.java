package vn.egov.sharing.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import vn.egov.common.Digests;

/**
 * The {@code X-Road-Request-Hash} the gateway answers with, binding the answer to the request it
 * forwarded: {@code base64(SHA-512(SHA-512(headers) || SHA-512(body)))} as PR-REST describes it. The
 * "headers" are the parts of the request that say what was asked, in a fixed order, one
 * {@code name:value} line each: the method, the raw path with its query, and the {@code X-Road-Client},
 * {@code X-Road-Id}, {@code X-Road-UserId}, {@code X-Road-Issue} and {@code Content-Type} values as
 * forwarded (empty when absent). A consumer that keeps its request can recompute it.
 */
public final class RequestHash {

    private RequestHash() {}

    /** The request's identifying parts, as the hash reads them. */
    public record Parts(
            String method,
            String pathAndQuery,
            String client,
            String messageId,
            String userId,
            String issue,
            String contentType) {

        List<String> lines() {
            return List.of(
                    "method:" + nullToEmpty(method),
                    "path:" + nullToEmpty(pathAndQuery),
                    "x-road-client:" + nullToEmpty(client),
                    "x-road-id:" + nullToEmpty(messageId),
                    "x-road-userid:" + nullToEmpty(userId),
                    "x-road-issue:" + nullToEmpty(issue),
                    "content-type:" + nullToEmpty(contentType));
        }
    }

    /** The header block's SHA-512. */
    public static byte[] headersDigest(Parts parts) {
        return Digests.sha512().digest((String.join("\n", parts.lines()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The hash from the header block's and the body's SHA-512 digests. */
    public static String of(byte[] headersDigest, byte[] bodyDigest) {
        MessageDigest outer = Digests.sha512();
        outer.update(headersDigest);
        outer.update(bodyDigest);
        return Base64.getEncoder().encodeToString(outer.digest());
    }

    public static String of(Parts parts, byte[] body) {
        return of(headersDigest(parts), Digests.sha512().digest(body));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
