package vn.egov.sharing.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.sharing.application.MessageLog;
import vn.egov.sharing.application.SharingRegistry;
import vn.egov.sharing.application.SharingViews;

/**
 * {@code /api/v1/sharing}: the data sharing platform's registry — member subsystems, the services
 * they publish, the access rights granted per client subsystem — and its message log (search, chain
 * verification, evidence for one call or one dossier). For the platform operator (SYSADMIN) and
 * agency administrators, who manage only their own agency's objects (another agency's are 404).
 */
@Path("sharing")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@RolesAllowed({"AGENCY_ADMIN", "SYSADMIN"})
public class SharingResource {

    @Inject
    private SharingRegistry registry;

    @Inject
    private MessageLog log;

    /** A member subsystem: its agency (operator only; default the caller's), code, name and client. */
    public static class MemberRequest {
        public String agency;
        public String subsystemCode;
        public String name;
        public String clientId;
        public Boolean active;

        SharingRegistry.MemberRequest toCommand() {
            return new SharingRegistry.MemberRequest(agency, subsystemCode, name, clientId, active);
        }
    }

    /** A published service. */
    public static class ServiceRequest {
        public String serviceCode;
        public String name;
        public String baseUrl;
        public String version;
        public String openApi;
        public Integer timeoutMillis;
        public Boolean active;

        SharingRegistry.ServiceRequest toCommand() {
            return new SharingRegistry.ServiceRequest(
                    serviceCode, name, baseUrl, version, openApi, timeoutMillis, active);
        }
    }

    /** A grant: the client subsystem's X-Road identifier, and its calls a minute (null: the default). */
    public static class AccessRequest {
        public String client;
        public Integer callsPerMinute;
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerMember(MemberRequest request) {
        MemberRequest r = request == null ? new MemberRequest() : request;
        return Response.status(Response.Status.CREATED)
                .entity(registry.registerMember(r.toCommand()))
                .build();
    }

    @GET
    @Path("members")
    public List<SharingViews.MemberView> members() {
        return registry.members();
    }

    @GET
    @Path("members/{id}")
    public SharingViews.MemberView member(@PathParam("id") long id) {
        return registry.member(id);
    }

    @PUT
    @Path("members/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SharingViews.MemberView updateMember(@PathParam("id") long id, MemberRequest request) {
        return registry.updateMember(id, (request == null ? new MemberRequest() : request).toCommand());
    }

    @POST
    @Path("members/{id}/services")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("id") long memberId, ServiceRequest request) {
        ServiceRequest r = request == null ? new ServiceRequest() : request;
        return Response.status(Response.Status.CREATED)
                .entity(registry.publish(memberId, r.toCommand()))
                .build();
    }

    @GET
    @Path("members/{id}/services")
    public List<SharingViews.ServiceView> services(@PathParam("id") long memberId) {
        return registry.services(memberId);
    }

    @GET
    @Path("services/{id}")
    public SharingViews.ServiceView service(@PathParam("id") long id) {
        return registry.service(id);
    }

    @PUT
    @Path("services/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SharingViews.ServiceView updateService(@PathParam("id") long id, ServiceRequest request) {
        return registry.updateService(id, (request == null ? new ServiceRequest() : request).toCommand());
    }

    @POST
    @Path("services/{id}/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("id") long serviceId, AccessRequest request) {
        AccessRequest r = request == null ? new AccessRequest() : request;
        return Response.status(Response.Status.CREATED)
                .entity(registry.grant(serviceId, r.client, r.callsPerMinute))
                .build();
    }

    @GET
    @Path("services/{id}/access")
    public List<SharingViews.AccessView> access(@PathParam("id") long serviceId) {
        return registry.access(serviceId);
    }

    @DELETE
    @Path("services/{id}/access/{accessId}")
    public Response revoke(@PathParam("id") long serviceId, @PathParam("accessId") long accessId) {
        registry.revoke(serviceId, accessId);
        return Response.noContent().build();
    }

    @GET
    @Path("log")
    public List<SharingViews.LogEntryView> log(
            @QueryParam("issue") String issue,
            @QueryParam("messageId") String messageId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return log.search(blankToNull(issue), blankToNull(messageId), limit);
    }

    @GET
    @Path("log/verify")
    public SharingViews.ChainVerification verify() {
        return log.verify();
    }

    @GET
    @Path("log/evidence")
    public SharingViews.Evidence evidence(
            @QueryParam("issue") String issue, @QueryParam("messageId") String messageId) {
        return log.evidence(blankToNull(issue), blankToNull(messageId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
