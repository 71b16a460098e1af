package vn.egov.sharing.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.sharing.application.GatewayRefusal;

/**
 * Forwards a granted call to the provider's system with java.net.http: redirects are never followed
 * (a 3xx goes back to the consumer as the provider's answer, without its {@code Location}, which
 * names the provider's own address), hop-by-hop headers and the consumer's credentials are dropped
 * both ways, the connection and the whole exchange have timeouts, and the answer's body is bounded
 * ({@code egov.sharing.max-response-bytes}). A provider that cannot be reached, is too slow or answers
 * too much is a {@link GatewayRefusal} of type {@code Server.ServerProxy.*}; any answer it does give,
 * errors included, goes back unchanged.
 */
@ApplicationScoped
public class ProviderClient {

    private static final Logger LOG = Logger.getLogger(ProviderClient.class.getName());

    /**
     * Hop-by-hop headers (RFC 9110 §7.6.1) and those X-Road filters ({@code Host}, {@code User-Agent},
     * {@code Server}), the consumer's credentials and cookies, and those the HTTP client sets itself.
     */
    public static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade",
            "host",
            "user-agent",
            "server",
            "authorization",
            "cookie",
            "set-cookie",
            "content-length",
            "expect",
            "location",
            "x-powered-by");

    @Inject
    @ConfigProperty(name = "egov.sharing.connect-timeout-ms", defaultValue = "5000")
    private int connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "egov.sharing.max-response-bytes", defaultValue = "16777216")
    private int maxResponseBytes;

    private HttpClient http;

    /** What the provider answered: its status, the headers to pass on, its body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .build();
    }

    /**
     * @param target the provider's address: the service's base URL, the call's remaining path and query
     * @param headers the consumer's headers by name, and the X-Road headers the gateway adds
     */
    public Answer forward(
            URI target, String method, Map<String, List<String>> headers, byte[] body, int timeoutMillis) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(timeoutMillis))
                .method(
                        method,
                        body.length == 0 && !hasBody(method)
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        Set<String> named = connectionNamed(headers);
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !named.contains(lower)) {
                for (String value : values) {
                    try {
                        request.header(name, value);
                    } catch (IllegalArgumentException e) {
                        // A header the HTTP client may not send, or a value it refuses: not forwarded.
                        LOG.fine(() -> "sharing gateway: header " + name + " not forwarded: " + e.getMessage());
                    }
                }
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw failed(
                    "Server.ServerProxy.ServiceFailed", 502, "the provider did not accept the connection in time", e);
        } catch (HttpTimeoutException e) {
            throw failed(
                    "Server.ServerProxy.ServiceTimeout",
                    504,
                    "the provider did not answer within " + timeoutMillis + " ms",
                    e);
        } catch (IOException | IllegalArgumentException e) {
            throw failed("Server.ServerProxy.ServiceFailed", 502, "the provider could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("Server.ServerProxy.ServiceFailed", 502, "the call to the provider was interrupted", e);
        }
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readNBytes(maxResponseBytes + 1);
        } catch (HttpTimeoutException e) {
            throw failed(
                    "Server.ServerProxy.ServiceTimeout",
                    504,
                    "the provider did not answer within " + timeoutMillis + " ms",
                    e);
        } catch (IOException e) {
            throw failed("Server.ServerProxy.ServiceFailed", 502, "the provider's answer broke off", e);
        }
        if (answer.length > maxResponseBytes) {
            throw new GatewayRefusal(
                    502,
                    "Server.ServerProxy.ResponseTooLarge",
                    "the provider's answer is larger than " + maxResponseBytes + " bytes");
        }
        Map<String, List<String>> passed = new java.util.LinkedHashMap<>();
        Set<String> answerNamed = connectionNamed(response.headers().map());
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(":")
                    && !NOT_FORWARDED.contains(lower)
                    && !answerNamed.contains(lower)
                    && !lower.startsWith("x-road-")) {
                passed.put(name, values);
            }
        });
        return new Answer(response.statusCode(), passed, answer);
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** Headers a {@code Connection} header names are hop-by-hop too. */
    private static Set<String> connectionNamed(Map<String, List<String>> headers) {
        List<String> named = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("connection")) {
                values.forEach(v -> {
                    for (String token : v.split(",")) {
                        named.add(token.strip().toLowerCase(Locale.ROOT));
                    }
                });
            }
        });
        return Set.copyOf(named);
    }

    private static GatewayRefusal failed(String type, int status, String message, Exception cause) {
        LOG.log(Level.INFO, "sharing gateway: " + message, cause);
        return new GatewayRefusal(status, type, message);
    }
}
