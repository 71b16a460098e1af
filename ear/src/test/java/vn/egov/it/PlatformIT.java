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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * What every integration test shares: the real EAR built by this module, deployed once per test
 * class to the managed Payara of the database under test, and an HTTP client that speaks to it
 * as a partner system or a browser would.
 */
public abstract class PlatformIT {

    protected static final String DEMO_SECRET = "demo";
    // HTTP/1.1 as partner systems speak it; the client's default h2c upgrade attempts are not what we test.
    protected static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @ArquillianResource
    protected URL deploymentUrl;

    @Deployment(testable = false)
    public static EnterpriseArchive platform() {
        File ear = new File(System.getProperty("it.ear", "target/egov.ear"));
        return ShrinkWrap.create(ZipImporter.class, "egov.ear").importFrom(ear).as(EnterpriseArchive.class);
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
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** An access token for a demo partner client, fetched once per client and test run. */
    protected String token(String clientId) {
        return TOKENS.computeIfAbsent(clientId, id -> {
            HttpResponse<String> response = postForm("api/v1/auth/token",
                    Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", DEMO_SECRET));
            assertEquals(200, response.statusCode(), response.body());
            return json(response).asJsonObject().getString("access_token");
        });
    }

    /** A person's token (password grant with the demo password), as the mobile client gets it. */
    protected String person(String username) {
        return TOKENS.computeIfAbsent("person:" + username, key -> {
            HttpResponse<String> response = postForm("api/v1/auth/token",
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
