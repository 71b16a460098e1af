package vn.egov.common.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;

/**
 * The API's boundary check, before any resource reads its input: every request body is bounded
 * ({@code egov.api.max-body-bytes}, or the operation's own {@link BodyLimit}) and refused with
 * 413 beyond it, by its declared length or while it streams; every path segment, query parameter
 * and form field must be UTF-8 when percent-decoded (malformed bytes are refused, not replaced)
 * and single-line text by {@link TextRule}. JSON bodies are checked by {@link StrictJson}, typed
 * parameters by {@link StrictParams}.
 *
 * <p>Runs after authorisation, so a caller without the role learns nothing from its input's fate.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestHygiene implements ContainerRequestFilter {

    public static final String TOO_LARGE_CODE = "request.too-large";
    public static final String DEFAULT_LIMIT_KEY = "egov.api.max-body-bytes";
    private static final long DEFAULT_LIMIT = 1_048_576;

    @Context
    private ResourceInfo resource;

    private final Map<Method, Bound> bounds = new ConcurrentHashMap<>();

    private record Bound(long bytes, String code) {}

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        for (String segment : rawOrEmpty(uri.getRawPath()).split("/")) {
            checkText("path", decode(segment, false));
        }
        checkPairs(rawOrEmpty(uri.getRawQuery()));
        Method method = resource == null ? null : resource.getResourceMethod();
        Bound bound = method == null ? defaultBound() : bounds.computeIfAbsent(method, RequestHygiene::boundOf);
        if (request.getLength() > bound.bytes()) {
            throw tooLarge(bound);
        }
        if (!request.hasEntity()) {
            return;
        }
        InputStream limited = new Limited(request.getEntityStream(), bound);
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            byte[] form = limited.readAllBytes();
            checkPairs(new String(form, StandardCharsets.ISO_8859_1));
            request.setEntityStream(new ByteArrayInputStream(form));
        } else {
            request.setEntityStream(limited);
        }
    }

    private static String rawOrEmpty(String raw) {
        return raw == null ? "" : raw;
    }

    /** name=value pairs of a query string or form body, each part decoded strictly and checked. */
    private static void checkPairs(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            checkText("parameter name", name);
            if (equals >= 0) {
                checkText(name, decode(pair.substring(equals + 1), true));
            }
        }
    }

    private static void checkText(String field, String value) {
        TextRule.Violation violation = TextRule.violation(value, true);
        if (violation != null) {
            throw TextRule.refusal(field, violation);
        }
    }

    /**
     * Percent-decoding that refuses what {@code URLDecoder} and the container silently replace:
     * an escape that is not two hex digits, and bytes that are not UTF-8.
     */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return utf8(raw.getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw encoding("a percent escape is not two hexadecimal digits");
                }
                bytes[n++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                bytes[n++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        return utf8(java.util.Arrays.copyOf(bytes, n));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw encoding("the address or a form field is not valid UTF-8");
        }
    }

    private static DomainException encoding(String detail) {
        return DomainException.invalid(StrictJson.ENCODING_CODE, detail);
    }

    private static Config config() {
        return ConfigProvider.getConfig(RequestHygiene.class.getClassLoader());
    }

    private static Bound defaultBound() {
        return new Bound(
                config().getOptionalValue(DEFAULT_LIMIT_KEY, Long.class).orElse(DEFAULT_LIMIT), TOO_LARGE_CODE);
    }

    private static Bound boundOf(Method method) {
        BodyLimit limit = method.getAnnotation(BodyLimit.class);
        Bound fallback = defaultBound();
        if (limit == null) {
            return fallback;
        }
        long configured = config().getValue(limit.value(), Long.class);
        long bytes = switch (limit.encoding()) {
            case RAW -> configured;
            case BASE64_IN_JSON -> (configured + 2) / 3 * 4 + fallback.bytes();
        };
        return new Bound(bytes, limit.code());
    }

    private static DomainException tooLarge(Bound bound) {
        return new DomainException(
                DomainException.Kind.TOO_LARGE,
                bound.code(),
                "the request body exceeds the configured limit of " + bound.bytes() + " bytes",
                Map.of("max", bound.bytes()));
    }

    /** Counts what the resource reads and refuses the byte beyond the bound (bodies without a length). */
    private static final class Limited extends FilterInputStream {
        private final Bound bound;
        private long count;

        Limited(InputStream in, Bound bound) {
            super(in);
            this.bound = bound;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > bound.bytes()) {
                throw tooLarge(bound);
            }
        }
    }
}
