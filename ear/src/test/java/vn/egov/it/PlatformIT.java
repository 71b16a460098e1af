package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * What every integration test shares: the real EAR built by this module, deployed once per run
 * ({@link DeployOnce}) to the managed Payara of the database under test, and an HTTP client that speaks to it
 * as a partner system or a browser would.
 */
public abstract class PlatformIT {

    protected static final String DEMO_SECRET = "demo";
    // HTTP/1.1 as partner systems speak it; the client's default h2c upgrade attempts are not what we test.
    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * The platform reasons in Vietnam's time (days, months, deadlines, periods): tests compute their dates there,
     * relative to today, so the suite passes on any day and on a machine whose clock is in another zone.
     */
    protected static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Day and time as the intranet shows and takes them. */
    protected static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** How long a test waits for something the platform does in the background; generous, never a fixed sleep. */
    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * The platform's address: the intranet's context root on the HTTP port of the database under test. Not
     * Arquillian's per-deployment URL, since the platform is deployed once for the suite ({@link DeployOnce}).
     */
    protected final URL deploymentUrl = platformUrl();

    @Deployment(testable = false)
    public static EnterpriseArchive platform() {
        File ear = new File(System.getProperty("it.ear", "target/egov.ear"));
        return ShrinkWrap.create(ZipImporter.class, "egov.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    private static URL platformUrl() {
        try {
            return URI.create("http://localhost:" + System.getProperty("it.http.port", "28080") + "/")
                    .toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Today in Vietnam. */
    protected static LocalDate todayInVietnam() {
        return LocalDate.now(VIETNAM);
    }

    /** {@code days} from today in Vietnam at {@code hour}:00 Vietnam time (a meeting's start, say). */
    protected static OffsetDateTime inVietnam(int days, int hour) {
        return todayInVietnam().plusDays(days).atTime(hour, 0).atZone(VIETNAM).toOffsetDateTime();
    }

    /** This year in Vietnam minus {@code years}: reporting periods of a past year, which no demo figure occupies. */
    protected static int yearsAgo(int years) {
        return todayInVietnam().getYear() - years;
    }

    /**
     * Reads until the answer shows what the test waits for, as a partner system polls: short pauses between reads,
     * and a failure naming what never came after {@link #PATIENCE}. Returns the answer that satisfied it.
     */
    protected static <T> T await(String what, Supplier<T> read, Predicate<T> shows) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        T last = read.get();
        while (!shows.test(last)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }

    /** The platform's base address, ending in "/". */
    protected String base() {
        String url = deploymentUrl.toString();
        return url.endsWith("/") ? url : url + "/";
    }

    protected URI uri(String path) {
        return URI.create(base() + (path.startsWith("/") ? path.substring(1) : path));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body as bytes (a PDF, a workbook), as {@link #send} does for text. */
    protected HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> postJson(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** An access token for a demo partner client, fetched once per client and test run. */
    protected String token(String clientId) {
        return TOKENS.computeIfAbsent(clientId, id -> {
            HttpResponse<String> response = postForm(
                    "api/v1/auth/token",
                    Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", DEMO_SECRET));
            assertEquals(200, response.statusCode(), response.body());
            return json(response).asJsonObject().getString("access_token");
        });
    }

    /** A person's token (password grant with the demo password), as the mobile client gets it. */
    protected String person(String username) {
        return TOKENS.computeIfAbsent("person:" + username, key -> {
            HttpResponse<String> response = postForm(
                    "api/v1/auth/token",
                    Map.of("grant_type", "password", "username", username, "password", DEMO_SECRET));
            assertEquals(200, response.statusCode(), response.body());
            return json(response).asJsonObject().getString("access_token");
        });
    }

    protected static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    /** Asserts an RFC 9457 problem with the given status and stable code, and returns it. */
    protected static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), "problem+json, not " + type);
        JsonObject problem = json(response).asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"), response.body());
        assertTrue(problem.containsKey("type") && problem.containsKey("title"), response.body());
        return problem;
    }
}
