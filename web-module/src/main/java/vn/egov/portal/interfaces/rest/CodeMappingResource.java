package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.common.DomainException;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.CodeMapping;
import vn.egov.portal.application.CodeMappings;
import vn.egov.portal.application.MappingKind;

/**
 * Local ↔ national code mappings: {@code /api/v1/portal/mappings/{kind}[/{localCode}]} with kind
 * {@code procedure}, {@code field}, {@code agency} or {@code status}, {@code ?agency=} the owning
 * agency (default: the caller's). PUT body {@code {"nationalCode": …, "nationalName": …}}.
 */
@Path("portal/mappings/{kind}")
@Produces(MediaType.APPLICATION_JSON)
public class CodeMappingResource {

    @Inject
    private CodeMappings mappings;

    @GET
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Response list(@PathParam("kind") String kind, @QueryParam("agency") String agency) {
        var all = SyncJson.JSON.createArrayBuilder();
        mappings.list(kind(kind), agency).forEach(m -> all.add(json(m)));
        return Response.ok(all.build().toString()).build();
    }

    @GET
    @Path("{localCode}")
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Response get(
            @PathParam("kind") String kind, @PathParam("localCode") String local, @QueryParam("agency") String agency) {
        return Response.ok(json(mappings.get(kind(kind), agency, local)).toString())
                .build();
    }

    @PUT
    @Path("{localCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Response put(
            @PathParam("kind") String kind,
            @PathParam("localCode") String local,
            @QueryParam("agency") String agency,
            byte[] body) {
        if (!(SyncJson.read(body) instanceof JsonObject o)) {
            throw DomainException.invalid(CodeMappings.INVALID, "the body is a JSON object");
        }
        return Response.ok(
                        json(mappings.put(kind(kind), agency, local, text(o, "nationalCode"), text(o, "nationalName")))
                                .toString())
                .build();
    }

    @DELETE
    @Path("{localCode}")
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Response delete(
            @PathParam("kind") String kind, @PathParam("localCode") String local, @QueryParam("agency") String agency) {
        mappings.remove(kind(kind), agency, local);
        return Response.noContent().build();
    }

    private static MappingKind kind(String name) {
        return MappingKind.named(name)
                .orElseThrow(() -> DomainException.notFound(
                        "portal.mapping.kind.unknown", "mapping kinds are procedure, field, agency and status"));
    }

    private static String text(JsonObject o, String name) {
        JsonValue value = o.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            return n.bigIntegerValue().toString();
        }
        throw DomainException.invalid(CodeMappings.INVALID, name + " must be text");
    }

    private static JsonObject json(CodeMapping m) {
        JsonObjectBuilder o = SyncJson.JSON
                .createObjectBuilder()
                .add("kind", m.kind().pathName())
                .add("agency", m.agencyCode())
                .add("localCode", m.localCode())
                .add("nationalCode", m.nationalCode())
                .add("updatedBy", m.updatedBy());
        if (m.nationalName() != null) {
            o.add("nationalName", m.nationalName());
        }
        if (m.updatedAt() != null) {
            o.add("updatedAt", m.updatedAt().toString());
        }
        return o.build();
    }
}
