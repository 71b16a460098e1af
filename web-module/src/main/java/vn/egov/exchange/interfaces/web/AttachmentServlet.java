package vn.egov.exchange.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;

/**
 * Attachment downloads for the intranet (the API's are under /api/v1 with a token). The service
 * decides who may read it: a stranger is told it does not exist.
 */
@WebServlet("/exchange/attachment")
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ExchangeService exchange;

    @Inject
    private transient AttachmentStore store;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String contentId = request.getParameter("cid");
        if (contentId == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Views.AttachmentContent file;
        try {
            file = exchange.attachment(id, contentId);
        } catch (DomainException e) {
            response.sendError(e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 404);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", vn.egov.common.interfaces.web.Downloads.attachment(file.name()));
        try (InputStream in = store.open(file.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }
}
