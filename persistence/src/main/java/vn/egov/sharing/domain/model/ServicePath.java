package vn.egov.sharing.domain.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The target of a gateway call, read from the raw path after {@code /r1/}:
 * {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICECODE[/path]} (X-Road's REST protocol: each part is
 * percent-encoded on its own, {@code /} is never encoded). The remainder is kept raw, as the consumer
 * encoded it, to be appended to the provider's base URL; it may not climb out of the service with
 * {@code .} or {@code ..} segments, nor hide a slash, a backslash or a control character in escapes.
 *
 * @param provider the provider's subsystem
 * @param serviceCode the service code (or a metaservice: {@code listMethods}, {@code allowedMethods},
 *     {@code getOpenAPI})
 * @param rest the raw remainder, empty or starting with {@code /}
 */
public record ServicePath(SubsystemId provider, String serviceCode, String rest) {

    /** X-Road's REST metaservices, answered by the gateway itself. */
    public static final Set<String> METASERVICES = Set.of("listMethods", "allowedMethods", "getOpenAPI");

    /** The service identifier, {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICECODE}. */
    public String serviceId() {
        return provider + "/" + serviceCode;
    }

    public boolean isMetaservice() {
        return METASERVICES.contains(serviceCode);
    }

    /**
     * @param rawPath the raw (still percent-encoded) path after {@code /r1/}, without a leading slash
     * @throws IllegalArgumentException naming what is wrong, in English
     */
    public static ServicePath parse(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            throw new IllegalArgumentException("the path must be /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICECODE");
        }
        String[] parts = rawPath.split("/", 6);
        if (parts.length < 5) {
            throw new IllegalArgumentException("the path must be /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICECODE");
        }
        SubsystemId provider = new SubsystemId(decode(parts[0]), decode(parts[1]), decode(parts[2]), decode(parts[3]));
        String service = decode(parts[4]);
        SubsystemId.require("service code", service);
        String rest = parts.length == 6 ? "/" + parts[5] : "";
        for (String segment : rest.isEmpty() ? new String[0] : parts[5].split("/", -1)) {
            String decoded = decode(segment);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new IllegalArgumentException("the path may not contain . or .. segments");
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("the path may not hide a slash or backslash in an escape");
            }
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    throw new IllegalArgumentException("the path may not contain control characters");
                }
            }
        }
        return new ServicePath(provider, service, rest);
    }

    /** Percent-decodes one segment as UTF-8, refusing malformed escapes and bytes. */
    static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("the path has a truncated percent escape");
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("the path has a malformed percent escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw new IllegalArgumentException("the path must be percent-encoded ASCII");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not UTF-8 once percent-decoded");
        }
    }
}
