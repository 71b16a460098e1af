package vn.egov.common.interfaces.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Web origins (RFC 6454: scheme, host, port) as the same-origin check of state-changing requests compares them.
 * Hand-written because the rule is three lines of {@link URI} and no library we use exposes it; kept apart from the
 * filter so it is unit-tested without a container.
 */
public final class Origins {

    private Origins() {}

    /**
     * The origin an {@code Origin} or {@code Referer} header names, normalised ({@code https://host} with the port
     * only when it is not the scheme's default), or empty when the header names no http(s) origin (including the
     * opaque origin {@code null} a sandboxed page or a privacy-minded browser sends).
     */
    public static Optional<String> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(header.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            return Optional.of(origin(scheme, host, uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The origin of scheme, host and port ({@code -1} or the scheme's default port: none written). */
    public static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The configured extra origins ({@code egov.web.allowed-origins}, comma-separated), normalised. */
    public static Set<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Origins::of)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
