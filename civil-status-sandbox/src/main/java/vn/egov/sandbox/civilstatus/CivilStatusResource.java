package vn.egov.sandbox.civilstatus;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Ministry of Justice civil-status system's side of the LGSP contract (PORTAL-SHARING.md B.2),
 * as its test environment would answer:
 * <ul>
 * <li>{@code POST apiHoTichTuPhap/dangKyHoTich {maDonVi, module, maHoSo, ngayTiepNhan, data}} →
 * {@code {Status:1, id}} (the registry's own id);</li>
 * <li>{@code POST apiHoTichTuPhap/traTrangThaiHoSo {maDonVi, maHoSo}} → {@code {Status:1, maHoSo, id,
 * trangThai 1–4, moTa}}; an unknown dossier is 404 {@code {Status:0, ErrorCode:201, Message:
 * "RECORD_NOT_FOUND"}}, a malformed request 400 {@code ErrorCode 302 DATA_TYPE_INVALID} (the LGSP's
 * shared error codes).</li>
 * </ul>
 * Two diagnostics of the test system, for checking the platform in front of it: {@code GET
 * diagnostics/headers} answers the headers it received, {@code GET diagnostics/moved} answers a
 * redirect.
 */
@Path("")
@jakarta.enterprise.context.RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CivilStatusResource {

    private static final String[] STATUS_TEXT = {
        "", "Đã tiếp nhận", "Cần bổ sung hồ sơ", "Đủ điều kiện đăng ký", "Đã đăng ký"
    };

    @Inject
    private CivilStatusRegistry registry;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("apiHoTichTuPhap/dangKyHoTich")
    public Response register(String body) {
        Optional<JsonObject> read = read(body);
        Optional<Long> unit = read.flatMap(o -> number(o, "maDonVi"));
        Optional<String> code = read.flatMap(o -> text(o, "maHoSo"));
        Optional<String> module = read.flatMap(o -> text(o, "module"));
        if (unit.isEmpty() || code.isEmpty() || module.isEmpty()) {
            return error(400, 302, "DATA_TYPE_INVALID");
        }
        CivilStatusRegistry.Dossier dossier = registry.register(
                unit.get(),
                code.get(),
                module.get(),
                read.flatMap(o -> text(o, "ngayTiepNhan")).orElse(null));
        return Response.ok(Json.createObjectBuilder()
                        .add("Status", 1)
                        .add("id", dossier.id())
                        .add("maHoSo", dossier.dossierCode())
                        .build())
                .build();
    }

    @POST
    @Path("apiHoTichTuPhap/traTrangThaiHoSo")
    public Response status(String body) {
        Optional<JsonObject> read = read(body);
        Optional<String> code = read.flatMap(o -> text(o, "maHoSo"));
        if (read.flatMap(o -> number(o, "maDonVi")).isEmpty() || code.isEmpty()) {
            return error(400, 302, "DATA_TYPE_INVALID");
        }
        return registry.find(code.get())
                .map(d -> Response.ok(Json.createObjectBuilder()
                                .add("Status", 1)
                                .add("maHoSo", d.dossierCode())
                                .add("id", d.id())
                                .add("trangThai", d.status())
                                .add("moTa", STATUS_TEXT[d.status()])
                                .build())
                        .build())
                .orElseGet(() -> error(404, 201, "RECORD_NOT_FOUND"));
    }

    @GET
    @Path("diagnostics/headers")
    public JsonObject receivedHeaders() {
        JsonObjectBuilder seen = Json.createObjectBuilder();
        for (Map.Entry<String, List<String>> header :
                headers.getRequestHeaders().entrySet()) {
            seen.add(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        return seen.build();
    }

    @GET
    @Path("diagnostics/moved")
    public Response moved() {
        return Response.status(302)
                .location(URI.create("http://127.0.0.1:9/elsewhere"))
                .build();
    }

    private static Response error(int status, int code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("Status", 0)
                        .add("ErrorCode", code)
                        .add("Message", message)
                        .build())
                .build();
    }

    private static Optional<JsonObject> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank()
                ? Optional.of(s.getString())
                : Optional.empty();
    }

    private static Optional<Long> number(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n && n.isIntegral() ? Optional.of(n.longValue()) : Optional.empty();
    }
}
