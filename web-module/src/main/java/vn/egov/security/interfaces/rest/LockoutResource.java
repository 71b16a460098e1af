package vn.egov.security.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.application.Lockout;
import vn.egov.security.application.SignInThrottling;

/**
 * Sign-in lock-outs for system administrators: {@code GET /api/v1/auth/lockouts} lists the
 * accounts and addresses locked out now, {@code DELETE /api/v1/auth/lockouts/{subject}} ends the
 * lock-out of an account (username or client id) or address and forgets its failures.
 */
@Path("auth/lockouts")
@Produces(MediaType.APPLICATION_JSON)
public class LockoutResource {

    @Inject
    private SignInThrottling throttling;

    @Inject
    private CallerContext callers;

    @Context
    private HttpServletRequest request;

    @GET
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public List<Lockout> list() {
        return throttling.lockouts();
    }

    @DELETE
    @Path("{subject}")
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Response unlock(@PathParam("subject") String subject) {
        if (!throttling.unlock(subject, callers.current().name(), request.getRemoteAddr())) {
            throw DomainException.notFound("auth.lockout.not-found", "no failed sign-ins are counted for " + subject);
        }
        return Response.noContent().build();
    }
}
