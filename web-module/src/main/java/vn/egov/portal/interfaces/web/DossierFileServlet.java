package vn.egov.portal.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.PortalDossiers;

/**
 * A dossier's file for the one-stop officer's intranet pages ({@code /onestop/file?code=&id=}; the API's is under
 * /api/v1 with a token). The service decides: another agency's dossier does not exist.
 */
@WebServlet("/onestop/file")
public class DossierFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PortalDossiers dossiers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = request.getParameter("code");
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DossierViews.ComponentContent file;
        try {
            file = dossiers.component(code, id);
        } catch (DomainException e) {
            response.sendError(e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 404);
            return;
        } catch (jakarta.ejb.EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(file.component().contentType());
        response.setContentLengthLong(file.component().size());
        response.setHeader(
                "Content-Disposition", Downloads.attachment(file.component().fileName()));
        try (InputStream in = file.content()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
