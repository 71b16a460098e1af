package vn.egov.reporting.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.egov.directory.domain.model.Role;
import vn.egov.reporting.application.ReportingViews.Analytics;
import vn.egov.reporting.application.ReportingViews.Part;
import vn.egov.reporting.infrastructure.ValueSheets;

/**
 * Reporting's files: a regime's form as a template to fill in, and a figure with its parts as a
 * table (Excel or CSV). An export holds exactly what {@link ReportingAnalytics} shows the caller —
 * the same figure, the same scoped parts — so a file never carries more than the dashboard.
 */
@Stateless
@DeclareRoles(Role.AUTHENTICATED)
public class ReportingExports {

    /** A file to hand to the caller: its name, media type and bytes. */
    public record ExportFile(String fileName, String contentType, byte[] content) {}

    static final List<String> FIGURE_HEADER = List.of("indicator", "period", "agency", "name", "value", "unit");

    @Inject
    private ReportingDefinitions definitions;

    @Inject
    private ReportingAnalytics analytics;

    /** The regime's form as a template to fill in: Excel, or CSV. */
    @RolesAllowed(Role.AUTHENTICATED)
    public ExportFile template(String regimeCode, boolean csv) {
        var rows = definitions.form(regimeCode).stream()
                .map(f -> new ValueSheets.TemplateRow(f.indicator(), f.name(), f.unit(), f.breakdown()))
                .toList();
        return csv
                ? new ExportFile(regimeCode + ".csv", ValueSheets.CSV_TYPE, ValueSheets.templateCsv(rows))
                : new ExportFile(
                        regimeCode + ".xlsx", ValueSheets.XLSX_TYPE, ValueSheets.templateXlsx(regimeCode, rows));
    }

    /** An indicator's figure for an agency (null: the nation) and a period, then each part the caller may see. */
    @RolesAllowed(Role.AUTHENTICATED)
    public ExportFile figures(String indicator, String agency, String period, boolean csv) {
        Analytics a = analytics.analytics(indicator, agency, period, null);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(a.indicator(), a.period(), a.agency(), a.agencyName(), a.value(), a.unit()));
        for (Part p : a.parts()) {
            rows.add(Arrays.asList(a.indicator(), a.period(), p.agency(), p.name(), p.value(), a.unit()));
        }
        String name = a.indicator() + "-" + a.period();
        return csv
                ? new ExportFile(name + ".csv", ValueSheets.CSV_TYPE, ValueSheets.tableCsv(FIGURE_HEADER, rows))
                : new ExportFile(
                        name + ".xlsx",
                        ValueSheets.XLSX_TYPE,
                        ValueSheets.tableXlsx(a.name() + " · " + a.period(), FIGURE_HEADER, rows));
    }
}
