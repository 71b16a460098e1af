package vn.egov.common.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-written API description must name every resource method the code serves. */
class OpenApiDocumentTest {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch");

    @Test
    void everyResourceMethodIsDescribed() throws Exception {
        String document;
        try (InputStream in = OpenApiServlet.class.getResourceAsStream("openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is packaged beside OpenApiServlet");
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 2, "resources were found: " + resources);
        for (Class<?> resource : resources) {
            String base = "/" + resource.getAnnotation(Path.class).value().replaceAll("^/|/$", "");
            for (Method method : resource.getDeclaredMethods()) {
                for (var entry : METHODS.entrySet()) {
                    if (method.isAnnotationPresent(entry.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        String path =
                                sub == null ? base : base + "/" + sub.value().replaceAll("^/|/$", "");
                        String block = pathBlock(document, path);
                        assertNotNull(block, path + " (" + resource.getSimpleName() + ") is missing from openapi.yaml");
                        assertTrue(
                                block.contains("\n    " + entry.getValue() + ":"),
                                entry.getValue().toUpperCase() + " " + path + " is missing from openapi.yaml");
                    }
                }
            }
        }
    }

    private static String pathBlock(String document, String path) {
        int start = document.indexOf("\n  " + path + ":\n");
        if (start < 0) {
            return null;
        }
        int next = document.indexOf("\n  /", start + 1);
        int components = document.indexOf("\ncomponents:", start);
        int end = next < 0 ? components : Math.min(next, components);
        return document.substring(start, end < 0 ? document.length() : end);
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(RestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
