package vn.egov.reporting.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.reporting.application.ReportingExports;

/**
 * Files of reporting for intranet pages: {@code /reporting/files/template/{regime}.xlsx} (or
 * {@code .csv}), the form to fill in; {@code /reporting/files/export.csv?indicator=&period=&agency=}
 * (or {@code export.xlsx}), a dashboard's figures — exactly those the dashboard shows the caller.
 */
@WebServlet("/reporting/files/*")
public class ReportingFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ReportingExports exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            ReportingExports.ExportFile file;
            if (path.startsWith("/template/") && (path.endsWith(".xlsx") || path.endsWith(".csv"))) {
                file = exports.template(
                        path.substring("/template/".length(), path.lastIndexOf('.')), path.endsWith(".csv"));
            } else if (path.equals("/export.csv") || path.equals("/export.xlsx")) {
                file = exports.figures(
                        request.getParameter("indicator"),
                        request.getParameter("agency"),
                        request.getParameter("period"),
                        path.endsWith(".csv"));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(file.contentType());
            response.setHeader("Content-Disposition", Downloads.attachment(file.fileName()));
            response.getOutputStream().write(file.content());
        } catch (DomainException e) {
            response.sendError(e.kind().status());
        }
    }
}
