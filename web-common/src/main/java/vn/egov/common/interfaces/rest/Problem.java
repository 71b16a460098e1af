package vn.egov.common.interfaces.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail with the platform's stable {@code code} extension. The {@code type}
 * is a URN built from the code, so clients can switch on either.
 */
public record Problem(
        int status, String code, String title, String detail, Map<String, String> extensions, List<FieldError> errors) {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    /**
     * Request attribute by which a mechanism or servlet that answers with a bare status names the problem's code for
     * the error servlet.
     */
    public static final String PROBLEM_CODE = "vn.egov.problem-code";

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One failing input field, for validation problems; code is the failure's stable code, if it has one. */
    public record FieldError(String field, String message, String code) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, Map.of(), List.of());
    }

    public Problem with(Map<String, String> moreExtensions) {
        return new Problem(status, code, title, detail, moreExtensions, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, code, title, detail, extensions, fieldErrors);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "urn:egov:problem:" + code)
                .add("title", title)
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            json.add("detail", detail);
        }
        extensions.forEach(json::add);
        if (!errors.isEmpty()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            errors.forEach(e -> {
                JsonObjectBuilder error =
                        JSON.createObjectBuilder().add("field", e.field()).add("message", e.message());
                if (e.code() != null) {
                    error.add("code", e.code());
                }
                array.add(error);
            });
            json.add("errors", array);
        }
        return json.build();
    }

    public Response toResponse() {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(toJson().toString())
                .build();
    }

    /** The standard title of an HTTP status, for problems that have no better one. */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    /** The stable code for a bare HTTP status raised by the container or the JAX-RS runtime. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "request.malformed";
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            case 404 -> "request.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> status >= 500 ? "internal.error" : "request.refused";
        };
    }
}
