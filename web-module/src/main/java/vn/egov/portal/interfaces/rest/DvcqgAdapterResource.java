package vn.egov.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.portal.application.StatusSync;
import vn.egov.portal.application.SyncAnswer;
import vn.egov.security.application.IssuedToken;
import vn.egov.security.application.SignInThrottledException;

/**
 * The same status sync in the shape one-stop systems already send to a DVCQG adapter
 * (PORTAL-SHARING.md A.1), so an unchanged OpenCPS-style client connects with
 * {@code adapter_url = …/api/v1/portal/dvcqg}, {@code auth_endpoint = /auth},
 * {@code integration_endpoint = /integration}, {@code share_endpoint = /share}:
 * <ul>
 * <li>{@code POST /auth} {@code {username, password}} (the partner client's id and secret, header
 * {@code dstcode}) → {@code {error_code:0, session}}; the session is a short-lived access token.</li>
 * <li>{@code POST /integration} {@code {session, madonvi, service, …}} with {@code service}
 * {@code DongBoHoSoMC} ({@code isUpdating}, {@code data}) or {@code CapNhatTienDoHoSoMC}
 * ({@code data}); {@code TraCuuHoSo} is answered there too.</li>
 * <li>{@code POST /share} {@code {session, service:"TraCuuHoSo", mahoso}} → {@code result[]}, empty
 * when the dossier is unknown.</li>
 * </ul>
 * Answers are always JSON with HTTP 200: {@code {error_code:0, result:[…]}}, or
 * {@code {error_code:<non-zero>, message, code}} where error_code is the HTTP status our own API
 * would answer (401 a wrong or expired session, 403, 400, 413, 429) and 1 a batch of which some
 * records were refused (each record's fate in {@code result}). The paths are public in web.xml: the
 * credential is the session in the body, which {@link StatusSync} verifies.
 */
@Path("portal/dvcqg")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class DvcqgAdapterResource {

    static final String SERVICE_UNKNOWN = "portal.dvcqg.service.unknown";
    static final String REQUEST_INVALID = "portal.dvcqg.request.invalid";

    @Inject
    private StatusSync sync;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("auth")
    public Response login(byte[] body) {
        try {
            JsonObject o = object(body);
            String username = field(o, "username");
            String password = field(o, "password");
            if (username == null || password == null || username.isBlank() || password.isEmpty()) {
                throw DomainException.invalid(REQUEST_INVALID, "username and password are required");
            }
            IssuedToken token = sync.openSession(username, password, request.getRemoteAddr());
            return ok(SyncJson.JSON
                    .createObjectBuilder()
                    .add("error_code", 0)
                    .add("session", token.accessToken())
                    .add("expires_in", token.expiresIn()));
        } catch (SignInThrottledException e) {
            return Response.fromResponse(error(e))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .build();
        } catch (DomainException e) {
            return error(e);
        }
    }

    @POST
    @Path("integration")
    @BodyLimit("egov.portal.sync.max-body-bytes")
    public Response integration(byte[] body) {
        return call(body, true);
    }

    @POST
    @Path("share")
    public Response share(byte[] body) {
        return call(body, false);
    }

    private Response call(byte[] body, boolean writes) {
        try {
            JsonObject o = object(body);
            String service = field(o, "service");
            String session = field(o, "session");
            if (service == null) {
                throw DomainException.invalid(REQUEST_INVALID, "service is required");
            }
            return switch (service) {
                case "TraCuuHoSo" -> lookUp(session, o);
                case "DongBoHoSoMC" -> writes ? dossiers(session, o) : unknownService(service);
                case "CapNhatTienDoHoSoMC" -> writes ? progress(session, o) : unknownService(service);
                default -> unknownService(service);
            };
        } catch (DomainException e) {
            return error(e);
        }
    }

    private Response dossiers(String session, JsonObject o) {
        JsonValue updating = o.get("isUpdating");
        if (updating != null && updating.getValueType() != JsonValue.ValueType.NULL) {
            boolean valid = updating == JsonValue.TRUE
                    || updating == JsonValue.FALSE
                    || (updating instanceof JsonString s
                            && List.of("true", "false")
                                    .contains(s.getString().strip().toLowerCase(Locale.ROOT)));
            if (!valid) {
                throw DomainException.invalid(REQUEST_INVALID, "isUpdating is \"True\" or \"False\"");
            }
        }
        // isUpdating only says what the client believed: a dossier is created or updated by its code either way,
        // so a retry after a lost answer (False again, for a dossier now known) is a repeat, not an error.
        return batch(sync.reportDossiersInSession(session, field(o, "madonvi"), records(o)));
    }

    private Response progress(String session, JsonObject o) {
        return batch(sync.reportProgressInSession(session, records(o)));
    }

    private Response lookUp(String session, JsonObject o) {
        String code = field(o, "mahoso");
        if (code == null) {
            code = field(o, "MaHoSo");
        }
        var result = SyncJson.JSON.createArrayBuilder();
        sync.lookUpInSession(session, code).ifPresent(d -> result.add(SyncJson.dossier(d)));
        return ok(SyncJson.JSON.createObjectBuilder().add("error_code", 0).add("result", result));
    }

    private static Response batch(SyncAnswer answer) {
        JsonArray results = SyncJson.adapterResults(answer);
        JsonObjectBuilder o = SyncJson.JSON.createObjectBuilder();
        if (answer.refused() == 0) {
            o.add("error_code", 0).add("message", "Thành công");
        } else {
            o.add("error_code", 1)
                    .add("code", "portal.sync.records.refused")
                    .add(
                            "message",
                            answer.refused() + "/" + answer.received() + " hồ sơ không được chấp nhận: "
                                    + SyncJson.vietnamese("portal.sync.records.refused", "records refused"));
        }
        return ok(o.add("result", results));
    }

    private static List<JsonValue> records(JsonObject o) {
        if (!o.containsKey("data")) {
            throw DomainException.invalid("portal.sync.data.invalid", "data must be an array of records");
        }
        return SyncJson.records(o.get("data"));
    }

    private static Response unknownService(String service) {
        return error(DomainException.invalid(SERVICE_UNKNOWN, "no such service here: " + service));
    }

    private static JsonObject object(byte[] body) {
        JsonStructure json = SyncJson.read(body);
        if (!(json instanceof JsonObject o)) {
            throw DomainException.invalid(REQUEST_INVALID, "the body is a JSON object");
        }
        return o;
    }

    /** A text member, single-line text only; null when absent. */
    private static String field(JsonObject o, String name) {
        JsonValue value = o.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw DomainException.invalid(REQUEST_INVALID, name + " must be text");
        }
        if (TextRule.violation(s.getString(), true) != null || s.getString().length() > 4096) {
            throw DomainException.invalid(TextRule.CODE, name + " is not single-line text");
        }
        return s.getString();
    }

    private static Response ok(JsonObjectBuilder o) {
        return Response.ok(o.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response error(DomainException e) {
        return ok(SyncJson.JSON
                .createObjectBuilder()
                .add("error_code", e.kind().status())
                .add("code", e.code())
                .add("message", SyncJson.vietnamese(e.code(), e.getMessage())));
    }
}
