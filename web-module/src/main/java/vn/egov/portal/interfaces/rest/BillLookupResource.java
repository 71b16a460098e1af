package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.PortalPayments;
import vn.egov.portal.infrastructure.PaymentPlatform;

/**
 * The bill look-up the national portal's payment partner calls ("Keypay DVCQG",
 * PORTAL-SHARING.md A.5 b): {@code POST /api/v1/portal/kpdvcqg/dptracuuthanhtoanhs} with
 * {@code {MaHoSo}}, answered in its own shape (always 200): {@code error_code} −1 unknown dossier,
 * 0 nothing owed ({@code message: []}), 1 the bill ({@code message: {MaTraCuuTT, PhiLePhi[], …}}).
 * For a one-stop system's or an officer's token of the dossier's agency.
 */
@Path("portal/kpdvcqg")
@Produces(MediaType.APPLICATION_JSON)
public class BillLookupResource {

    @Inject
    private PortalPayments payments;

    @POST
    @Path("dptracuuthanhtoanhs")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Role.ONE_STOP_SYSTEM_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public JsonObject lookUp(byte[] body) {
        JsonObject request = PaymentResource.object(body);
        return payments.billLookup(PaymentPlatform.text(request, "MaHoSo"));
    }
}
