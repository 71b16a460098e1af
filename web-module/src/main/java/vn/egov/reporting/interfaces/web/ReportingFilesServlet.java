package vn.egov.reporting.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.common.DomainException;
import vn.egov.reporting.application.ReportingService;
import vn.egov.reporting.application.ReportingViews;
import vn.egov.reporting.infrastructure.ValueSheets;

/**
 * Files of reporting for intranet pages: {@code /reporting/files/template/{regime}.xlsx} (or
 * {@code .csv}), the form to fill in; {@code /reporting/files/export.csv?indicator=&period=&agency=},
 * a dashboard's figures.
 */
@WebServlet("/reporting/files/*")
public class ReportingFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ReportingService reporting;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (path.startsWith("/template/") && (path.endsWith(".xlsx") || path.endsWith(".csv"))) {
                String regime = path.substring("/template/".length(), path.lastIndexOf('.'));
                boolean xlsx = path.endsWith(".xlsx");
                byte[] content = reporting.template(regime, !xlsx);
                response.setContentType(xlsx ? ValueSheets.XLSX_TYPE : ValueSheets.CSV_TYPE);
                response.setHeader("Content-Disposition", Downloads.attachment(regime + (xlsx ? ".xlsx" : ".csv")));
                response.getOutputStream().write(content);
            } else if (path.equals("/export.csv") || path.equals("/export.xlsx")) {
                ReportingViews.Analytics a = reporting.analytics(request.getParameter("indicator"),
                        request.getParameter("agency"), request.getParameter("period"), null);
                List<List<Object>> rows = new ArrayList<>();
                rows.add(Arrays.asList(a.indicator(), a.period(), a.agency(), a.agencyName(), a.value(), a.unit()));
                for (ReportingViews.Part p : a.parts()) {
                    rows.add(Arrays.asList(a.indicator(), a.period(), p.agency(), p.name(), p.value(), a.unit()));
                }
                List<String> header = List.of("indicator", "period", "agency", "name", "value", "unit");
                String name = a.indicator() + "-" + a.period();
                if (path.endsWith(".xlsx")) {
                    response.setContentType(ValueSheets.XLSX_TYPE);
                    response.setHeader("Content-Disposition", Downloads.attachment(name + ".xlsx"));
                    response.getOutputStream().write(ValueSheets.tableXlsx(a.name() + " · " + a.period(), header, rows));
                } else {
                    response.setContentType(ValueSheets.CSV_TYPE);
                    response.setHeader("Content-Disposition", Downloads.attachment(name + ".csv"));
                    response.getOutputStream().write(ValueSheets.tableCsv(header, rows));
                }
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainException e) {
            response.sendError(e.kind().status());
        }
    }
}
