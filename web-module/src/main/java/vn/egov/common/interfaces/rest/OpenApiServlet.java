package vn.egov.common.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code /openapi}: the API's OpenAPI 3 description. The document is written contract-first
 * ({@code openapi.yaml} beside this class) because the partner contracts are fixed by the issues;
 * a unit test fails when a resource method is missing from it. Served by the application because
 * Payara's generated endpoint does not see an EAR deployed at the root context.
 *
 * <p>YAML by default; JSON for {@code Accept: application/json} (preferred over YAML) or
 * {@code ?format=JSON}, as MicroProfile OpenAPI serves it, for generators and gateways that read
 * JSON only. The JSON is converted once from the same file (SnakeYAML, safe constructor), so the
 * two never differ.
 */
@WebServlet("/openapi")
public class OpenApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient byte[] yaml;
    private transient byte[] json;

    @Override
    public void init() throws ServletException {
        try (InputStream document = OpenApiServlet.class.getResourceAsStream("openapi.yaml")) {
            yaml = document.readAllBytes();
        } catch (IOException e) {
            throw new ServletException("openapi.yaml is not readable", e);
        }
        json = toJson(new String(yaml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean asJson = "json".equalsIgnoreCase(request.getParameter("format"))
                || request.getParameter("format") == null && prefersJson(request.getHeader("Accept"));
        response.setContentType(asJson ? "application/json" : "application/yaml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Vary", "Accept");
        byte[] body = asJson ? json : yaml;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether an {@code Accept} header ranks JSON above YAML (by quality, then by order); without
     * one, or when it names neither, YAML, the document's own form.
     */
    static boolean prefersJson(String accept) {
        if (accept == null) {
            return false;
        }
        double jsonQuality = -1;
        double yamlQuality = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (type.equals("application/json") && jsonQuality < 0) {
                jsonQuality = quality;
            } else if ((type.equals("application/yaml")
                            || type.equals("application/x-yaml")
                            || type.equals("text/yaml"))
                    && yamlQuality < 0) {
                yamlQuality = quality;
            }
        }
        return jsonQuality > 0 && jsonQuality > yamlQuality;
    }

    /** The YAML document as JSON text. */
    static String toJson(String document) {
        Yaml parser = new Yaml(
                new SafeConstructor(new LoaderOptions()),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                new LoaderOptions(),
                new JsonCompatibleResolver());
        return value(parser.load(document)).toString();
    }

    private static JsonValue value(Object node) {
        if (node == null) {
            return JsonValue.NULL;
        }
        if (node instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((key, member) -> object.add(String.valueOf(key), value(member)));
            return object.build();
        }
        if (node instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(value(item)));
            return array.build();
        }
        if (node instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (node instanceof Integer || node instanceof Long) {
            return Json.createValue(((Number) node).longValue());
        }
        if (node instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (node instanceof Double || node instanceof Float) {
            return Json.createValue(new BigDecimal(node.toString()));
        }
        if (node instanceof String s) {
            return Json.createValue(s);
        }
        if (node instanceof byte[] bytes) {
            throw new UncheckedIOException(
                    new IOException("binary scalar in openapi.yaml: " + bytes.length + " bytes"));
        }
        return Json.createValue(node.toString());
    }

    /**
     * YAML 1.1's implicit types that JSON Schema would read otherwise: an unquoted {@code 2026-11-21} stays the
     * string it is in OpenAPI ({@code format: date} examples), and {@code yes}, {@code no}, {@code on}, {@code off}
     * stay words; only {@code true} and {@code false} are booleans (as in YAML 1.2 and JSON).
     */
    private static final class JsonCompatibleResolver extends Resolver {
        private static final Pattern JSON_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (Tag.TIMESTAMP.equals(tag)) {
                return;
            }
            if (Tag.BOOL.equals(tag)) {
                super.addImplicitResolver(tag, JSON_BOOL, "tTfF", limit);
                return;
            }
            super.addImplicitResolver(tag, regexp, first, limit);
        }
    }
}
