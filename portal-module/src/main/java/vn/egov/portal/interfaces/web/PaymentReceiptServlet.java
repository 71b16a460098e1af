package vn.egov.portal.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.common.DomainException;
import vn.egov.portal.application.PaymentViews;
import vn.egov.portal.application.PortalPayments;

/** The e-receipt (biên lai điện tử) of a paid payment of the citizen's dossier: {@code /dossiers/payment-receipt?code=&ref=}. */
@WebServlet("/dossiers/payment-receipt")
public class PaymentReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PortalPayments payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PaymentViews.Receipt receipt;
        try {
            receipt = payments.receipt(request.getParameter("code"), request.getParameter("ref"));
        } catch (DomainException e) {
            response.sendError(e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 404);
            return;
        }
        // A receipt number is BL<yyyyMMdd>-<id>: ASCII, no quotes.
        PdfDownload.send(response, receipt.pdf(), "bien-lai-" + receipt.number() + ".pdf");
    }
}
