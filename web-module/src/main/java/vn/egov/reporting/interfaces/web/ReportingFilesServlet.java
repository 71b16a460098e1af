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
                var rows = reporting.form(regime).stream().map(f -> new ValueSheets.TemplateRow(f.indicator(), f.name(),
                        f.unit(), f.breakdown())).toList();
                boolean xlsx = path.endsWith(".xlsx");
                byte[] content = xlsx ? ValueSheets.templateXlsx(regime, rows) : ValueSheets.templateCsv(rows);
                response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "text/csv; charset=UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + regime + (xlsx ? ".xlsx\"" : ".csv\""));
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
                    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
                    response.getOutputStream().write(ValueSheets.tableXlsx(a.name() + " · " + a.period(), header, rows));
                } else {
                    response.setContentType("text/csv; charset=UTF-8");
                    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                    response.getOutputStream().write(ValueSheets.tableCsv(header, rows));
                }
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainException e) {
            response.sendError(e.kind() == DomainException.Kind.FORBIDDEN ? HttpServletResponse.SC_FORBIDDEN
                    : e.kind() == DomainException.Kind.INVALID ? HttpServletResponse.SC_BAD_REQUEST
                    : HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
