package vn.egov.exchange.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.exchange.application.VxpSystems;

/**
 * {@code /api/v1/exchange/systems}: the document systems an agency connects through the VPCP
 * transport ({@code /vxp}). Its administrator registers one (the answer shows its secret, once) and
 * issues a new secret when needed ({@code POST .../{id}/secret}, shown once, the old one refused at
 * once); the axis operator does so for any agency.
 */
@Path("exchange/systems")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.enterprise.context.ApplicationScoped
@RolesAllowed({"AGENCY_ADMIN", "SYSADMIN"})
public class ExchangeSystemsResource {

    @Inject
    private VxpSystems systems;

    /** A system to register: its id (the SDK's systemid), a name, and (operator only) its agency. */
    public static class SystemRequest {
        public String id;
        public String name;
        public String agency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(SystemRequest request) {
        SystemRequest r = request == null ? new SystemRequest() : request;
        return Response.status(Response.Status.CREATED)
                .entity(systems.register(r.id, r.name, r.agency))
                .build();
    }

    @GET
    public List<VxpSystems.SystemView> list() {
        return systems.list();
    }

    @POST
    @Path("{id}/secret")
    public VxpSystems.IssuedSecret rotate(@PathParam("id") String id) {
        return systems.rotate(id);
    }

    @DELETE
    @Path("{id}")
    public VxpSystems.SystemView deactivate(@PathParam("id") String id) {
        return systems.deactivate(id);
    }
}
