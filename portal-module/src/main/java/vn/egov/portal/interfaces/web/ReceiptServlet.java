package vn.egov.portal.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.common.DomainException;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.PortalDossiers;

/** The receipt (biên nhận) of one of the signed-in citizen's dossiers as PDF: {@code /dossiers/receipt?code=}. */
@WebServlet("/dossiers/receipt")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PortalDossiers dossiers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DossierViews.Receipt receipt;
        try {
            receipt = dossiers.receipt(request.getParameter("code"));
        } catch (DomainException e) {
            response.sendError(e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 404);
            return;
        }
        // A code is visible ASCII without quotes (DossierCodePattern), so it names the file as it is.
        PdfDownload.send(response, receipt.pdf(), "bien-nhan-" + receipt.code() + ".pdf");
    }
}
