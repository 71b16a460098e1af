package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.PaymentViews;
import vn.egov.portal.application.PortalPayments;

/**
 * The applicant's payments ({@code CITIZEN}) of their own dossiers: what a dossier owes, starting a
 * payment (answered with the platform's payment URL), and the e-receipt of a paid one.
 */
@Path("portal/me/payments")
@Produces(MediaType.APPLICATION_JSON)
public class MyPaymentResource {

    @Inject
    private PortalPayments payments;

    @Context
    private HttpServletRequest request;

    @GET
    @Path("{code}")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public PaymentViews.Bill bill(@PathParam("code") String code) {
        return payments.bill(code);
    }

    /** Starts paying: 201 with {reference, paymentUrl}; 503 portal.payment.init-refused when the platform refused. */
    @POST
    @Path("{code}")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Response pay(@PathParam("code") String code) {
        PaymentViews.Started started = payments.pay(code, request.getRemoteAddr());
        if (started.paymentUrl() == null) {
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    "portal.payment.init-refused",
                    "the payment platform refused the payment " + started.reference() + ": " + started.failure());
        }
        return Response.status(Response.Status.CREATED).entity(started).build();
    }

    @GET
    @Path("{code}/{reference}/receipt")
    @Produces("application/pdf")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Response receipt(@PathParam("code") String code, @PathParam("reference") String reference) {
        PaymentViews.Receipt receipt = payments.receipt(code, reference);
        return Response.ok(receipt.pdf(), "application/pdf")
                .header("Content-Disposition", Downloads.attachment("bien-lai-" + receipt.number() + ".pdf"))
                .build();
    }
}
