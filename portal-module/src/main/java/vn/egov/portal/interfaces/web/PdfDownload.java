package vn.egov.portal.interfaces.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A PDF the citizen downloads (the dossier's receipt, a payment's e-receipt): one way to send it. */
final class PdfDownload {

    private PdfDownload() {}

    /** Sends {@code pdf} as an attachment named {@code fileName} (visible ASCII without quotes, as the callers build it). */
    static void send(HttpServletResponse response, byte[] pdf, String fileName) throws IOException {
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.getOutputStream().write(pdf);
    }
}
