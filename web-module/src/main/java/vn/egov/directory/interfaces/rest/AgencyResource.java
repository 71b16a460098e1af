package vn.egov.directory.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencySearch;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.NewAgency;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.directory.domain.model.Role;

/** The agency directory for partner systems: {@code /api/v1/directory/agencies}. */
@Path("directory/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @Inject
    private DirectoryService directory;

    @GET
    public List<AgencyDto> search(
            @QueryParam("q") String q,
            @QueryParam("parent") String parent,
            @QueryParam("level") String level,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        return directory.search(new AgencySearch(q, parent, parseLevel(level), offset, limit)).stream()
                .map(AgencyDto::of)
                .toList();
    }

    @GET
    @Path("{code}")
    public AgencyDto get(@PathParam("code") String code) {
        return AgencyDto.of(directory.agency(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Response register(@NotNull @Valid NewAgencyRequest body) {
        AgencyRecord agency = directory.register(new NewAgency(
                body.code,
                body.name,
                body.nameEn,
                body.shortName,
                body.parentCode,
                AgencyLevel.valueOf(body.level),
                body.address,
                body.email,
                body.phone,
                body.website));
        return Response.created(UriBuilder.fromResource(AgencyResource.class)
                        .path(agency.code())
                        .build())
                .entity(AgencyDto.of(agency))
                .build();
    }

    private static AgencyLevel parseLevel(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return AgencyLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("agency.level.invalid", "unknown agency level '" + level + "'");
        }
    }
}
