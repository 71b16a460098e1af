package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.StatusSync;

/**
 * Status sync for agencies' one-stop systems, bearer token of a ONE_STOP_SYSTEM client:
 * {@code POST /api/v1/portal/sync/dossiers} ({@code DongBoHoSoMC} records),
 * {@code POST /api/v1/portal/sync/progress} ({@code CapNhatTienDoHoSoMC} steps) and
 * {@code GET /api/v1/portal/sync/dossiers/{MaHoSo}} ({@code TraCuuHoSo}). A batch is a JSON array
 * of records, or an object with the array as {@code data} (and {@code madonvi}); the answer is 200
 * with every record's fate, whatever their number refused.
 */
@Path("portal/sync")
@Produces(MediaType.APPLICATION_JSON)
public class PortalSyncResource {

    @Inject
    private StatusSync sync;

    @POST
    @Path("dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    @BodyLimit("egov.portal.sync.max-body-bytes")
    public Response dossiers(@QueryParam("madonvi") String madonvi, byte[] body) {
        JsonStructure json = SyncJson.read(body);
        String agency = madonvi;
        if (json instanceof JsonObject o && o.get("madonvi") instanceof JsonString s) {
            agency = s.getString();
        }
        return Response.ok(SyncJson.answer(sync.reportDossiers(agency, records(json)))
                        .toString())
                .build();
    }

    @POST
    @Path("progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    @BodyLimit("egov.portal.sync.max-body-bytes")
    public Response progress(byte[] body) {
        return Response.ok(SyncJson.answer(sync.reportProgress(records(SyncJson.read(body))))
                        .toString())
                .build();
    }

    @GET
    @Path("dossiers/{code}")
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    public Response dossier(@PathParam("code") String code) {
        return Response.ok(SyncJson.dossier(sync.lookUp(code)).toString()).build();
    }

    private static List<JsonValue> records(JsonStructure json) {
        if (json instanceof JsonObject o) {
            if (!o.containsKey("data")) {
                throw DomainException.invalid("portal.sync.data.invalid", "data must be an array of records");
            }
            return SyncJson.records(o.get("data"));
        }
        return SyncJson.records(json);
    }
}
