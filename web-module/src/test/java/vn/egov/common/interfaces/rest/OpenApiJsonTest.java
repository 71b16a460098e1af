package vn.egov.common.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiJsonTest {

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void theApiDescriptionConvertsToJsonWithEveryPath() throws Exception {
        String yaml;
        try (InputStream in = OpenApiServlet.class.getResourceAsStream("openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject document = read(OpenApiServlet.toJson(yaml));
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        JsonObject paths = document.getJsonObject("paths");
        assertTrue(paths.containsKey("/auth/token"), paths.keySet().toString());
        long yamlPaths =
                yaml.lines().filter(line -> line.matches("  /\\S*:\\s*")).count();
        assertEquals(yamlPaths, paths.size(), "every path of the YAML is in the JSON");
    }

    @Test
    void datesAndYesNoWordsStayStringsAndResponseCodesBecomeKeys() {
        JsonObject converted = read(OpenApiServlet.toJson("""
                day: 2026-11-21
                answer: yes
                off: off
                flag: true
                count: 12
                ratio: 0.5
                nothing: null
                responses:
                  200:
                    description: OK
                """));
        assertEquals("2026-11-21", converted.getString("day"));
        assertEquals("yes", converted.getString("answer"));
        assertEquals("off", converted.getString("off"));
        assertEquals(JsonValue.TRUE, converted.get("flag"));
        assertEquals(12, converted.getInt("count"));
        assertEquals(0.5, converted.getJsonNumber("ratio").doubleValue());
        assertEquals(JsonValue.NULL, converted.get("nothing"));
        assertEquals(
                "OK", converted.getJsonObject("responses").getJsonObject("200").getString("description"));
    }

    @Test
    void jsonIsServedWhenTheClientPrefersItYamlOtherwise() {
        assertTrue(OpenApiServlet.prefersJson("application/json"));
        assertTrue(OpenApiServlet.prefersJson("application/yaml;q=0.5, application/json"));
        assertFalse(OpenApiServlet.prefersJson(null));
        assertFalse(OpenApiServlet.prefersJson("*/*"));
        assertFalse(OpenApiServlet.prefersJson("application/yaml, application/json"));
        assertFalse(OpenApiServlet.prefersJson("application/json;q=0"));
        assertFalse(OpenApiServlet.prefersJson("text/html,application/xhtml+xml"));
    }
}
