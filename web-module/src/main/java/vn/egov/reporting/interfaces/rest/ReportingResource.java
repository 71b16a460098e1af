package vn.egov.reporting.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.reporting.application.DataValueSets;
import vn.egov.reporting.application.ReportSubmissions;
import vn.egov.reporting.application.ReportingAnalytics;
import vn.egov.reporting.application.ReportingDefinitions;
import vn.egov.reporting.application.ReportingExports;
import vn.egov.reporting.application.ReportingViews;
import vn.egov.reporting.infrastructure.DataValueStreams;
import vn.egov.reporting.infrastructure.ValueSheets;

/**
 * Reporting for ministries' and provinces' systems: {@code /api/v1/reporting}. The agency of the
 * token reports (for itself and the agencies below it); the receiving body reviews.
 */
@Path("reporting")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.enterprise.context.ApplicationScoped
public class ReportingResource {

    /** The largest sheet accepted, as the sheet reader bounds it. */
    private static final int MAX_UPLOAD = 2 * 1024 * 1024;

    @Inject
    private ReportingDefinitions definitions;

    @Inject
    private ReportSubmissions submissions;

    @Inject
    private ReportingAnalytics analytics;

    @Inject
    private ReportingExports exports;

    @Inject
    private DataValueSets dataValueSets;

    @Inject
    @ConfigProperty(name = "egov.reporting.datavaluesets.max-values", defaultValue = "200000")
    private int maxValues;

    @GET
    @Path("regimes")
    public List<ReportingViews.RegimeView> regimes() {
        return definitions.regimes();
    }

    @GET
    @Path("indicators")
    public List<ReportingViews.IndicatorView> indicators() {
        return definitions.indicators();
    }

    @PUT
    @Path("indicators/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportingViews.IndicatorView saveIndicator(
            @PathParam("code") String code, ReportingRequests.IndicatorDefinition d) {
        if (d == null) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        return definitions.saveIndicator(
                new ReportingViews.IndicatorView(
                        code,
                        d.name,
                        d.nameEn,
                        d.unit,
                        d.valueType,
                        d.aggregation,
                        d.weightIndicator,
                        d.formula,
                        d.breakdowns,
                        d.componentOf,
                        d.min,
                        d.max,
                        d.owner),
                d.active == null || d.active);
    }

    @PUT
    @Path("regimes/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportingViews.RegimeView saveRegime(@PathParam("code") String code, ReportingRequests.RegimeDefinition d) {
        if (d == null) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        List<ReportingViews.FormLine> lines = new java.util.ArrayList<>();
        if (d.indicators != null) {
            for (ReportingRequests.FormLine line : d.indicators) {
                lines.add(
                        line == null
                                ? null
                                : new ReportingViews.FormLine(line.indicator, lines.size() + 1, line.required));
            }
        }
        return definitions.saveRegime(
                new ReportingViews.RegimeView(
                        code,
                        d.name,
                        d.nameEn,
                        d.legalBasis,
                        d.periodType,
                        d.deadlineDay,
                        d.receiver,
                        lines,
                        d.agencies),
                d.active == null || d.active);
    }

    @PUT
    @Path("targets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveTarget(ReportingRequests.TargetDefinition d) {
        if (d == null) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        definitions.saveTarget(d.indicator, d.year, d.agency, d.value, d.assignedBy);
        return Response.noContent().build();
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(ReportingRequests.NewReport r) {
        if (r == null) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        List<ReportingViews.ValueInput> values = r.values == null
                ? List.of()
                : r.values.stream()
                        .map(v -> v == null ? null : new ReportingViews.ValueInput(v.indicator, v.breakdown, v.value))
                        .toList();
        ReportingViews.ReportView report = submissions.submit(
                new ReportingViews.Submission(r.regime, r.agency, r.period, values, r.submit == null || r.submit));
        return Response.created(URI.create("reporting/reports/" + report.id()))
                .entity(report)
                .build();
    }

    /** The regime's form to fill in, as Excel (default) or CSV. */
    @GET
    @Path("regimes/{code}/template")
    @Produces({ValueSheets.XLSX_TYPE, "text/csv"})
    public Response template(@PathParam("code") String code, @QueryParam("format") String format) {
        ReportingExports.ExportFile file = exports.template(code, "csv".equalsIgnoreCase(format));
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", Downloads.attachment(file.fileName()))
                .build();
    }

    /**
     * A filled template uploaded as the request body (Excel or CSV, by Content-Type). With
     * dryRun=true (the default) nothing is saved and every problem is reported at its cell.
     */
    @POST
    @Path("uploads")
    @Consumes({ValueSheets.XLSX_TYPE, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(value = "egov.reporting.max-upload-bytes", code = "reporting.sheet.too-large")
    public Response upload(
            @QueryParam("regime") String regime,
            @QueryParam("agency") String agency,
            @QueryParam("period") String period,
            @QueryParam("dryRun") @DefaultValue("true") boolean dryRun,
            @QueryParam("submit") @DefaultValue("true") boolean submit,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            java.io.InputStream body) {
        byte[] content;
        try {
            content = body.readNBytes(MAX_UPLOAD + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (content.length > MAX_UPLOAD) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    "reporting.sheet.too-large",
                    "an uploaded sheet is at most " + MAX_UPLOAD + " bytes");
        }
        String name = contentType != null && contentType.startsWith("text/csv") ? "upload.csv" : "upload.xlsx";
        ReportingViews.UploadResult result = submissions.upload(regime, agency, period, content, name, dryRun, submit);
        return Response.status(result.report() != null ? 201 : 200)
                .entity(result)
                .build();
    }

    @GET
    @Path("reports/{id}")
    public ReportingViews.ReportView report(@PathParam("id") long id) {
        return submissions.report(id);
    }

    @POST
    @Path("reports/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportingViews.ReportView approval(@PathParam("id") long id, ReportingRequests.Approval r) {
        if (r == null || r.approve == null) {
            throw DomainException.invalid("reporting.approval.malformed", "say approve true or false");
        }
        return submissions.review(id, r.approve, r.reason);
    }

    @GET
    @Path("analytics")
    public ReportingViews.Analytics analytics(
            @QueryParam("indicator") String indicator,
            @QueryParam("agency") String agency,
            @QueryParam("period") String period,
            @QueryParam("breakdown") String breakdown) {
        if (indicator == null || period == null) {
            throw DomainException.invalid("reporting.analytics.malformed", "indicator and period are required");
        }
        return analytics.analytics(indicator, agency, period, breakdown);
    }

    @GET
    @Path("completeness")
    public ReportingViews.Completeness completeness(
            @QueryParam("regime") String regime, @QueryParam("period") String period) {
        if (regime == null || period == null) {
            throw DomainException.invalid("reporting.completeness.malformed", "regime and period are required");
        }
        return analytics.completeness(regime, period);
    }

    /**
     * A connected system's figures in bulk, DHIS2 dataValueSets-style: JSON or CSV, read as a
     * stream and bounded ({@code egov.reporting.datavaluesets.max-bytes}, {@code …max-values}).
     * The regime is the query's {@code regime} or the body's {@code dataSet}. 200 with the import
     * summary when it was imported (or, on a dry run, would be); 409 with it when refused (nothing saved).
     */
    @POST
    @Path("datavaluesets")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", "application/csv"})
    @BodyLimit(value = "egov.reporting.datavaluesets.max-bytes", code = "reporting.datavalues.too-large")
    public Response importDataValues(
            @QueryParam("regime") String regime,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("importStrategy") String importStrategy,
            @QueryParam("submit") @DefaultValue("true") boolean submit,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            java.io.InputStream body) {
        boolean csv = contentType != null
                && (contentType.startsWith("text/csv") || contentType.startsWith("application/csv"));
        DataValueStreams.DataValueSet set =
                csv ? DataValueStreams.readCsv(body, maxValues) : DataValueStreams.readJson(body, maxValues);
        String code = regime != null && !regime.isBlank() ? regime : set.dataSet();
        if (code == null) {
            throw DomainException.invalid(
                    "reporting.datavalues.regime-required", "name the regime: ?regime= or the body's dataSet");
        }
        DataValueSets.ImportSummary summary =
                dataValueSets.importValues(code, set.values(), dryRun, importStrategy, submit);
        return Response.status("ERROR".equals(summary.status()) ? 409 : 200)
                .type(MediaType.APPLICATION_JSON)
                .entity(summary)
                .build();
    }

    /** Stored values read back: one regime, one or more periods (repeated or comma-separated), an agency and, with children=true, those below it. */
    @GET
    @Path("datavaluesets")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response dataValues(
            @QueryParam("regime") String regime,
            @QueryParam("period") List<String> periods,
            @QueryParam("agency") List<String> agencies,
            @QueryParam("children") @DefaultValue("false") boolean children,
            @QueryParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        List<String> wanted = split(periods);
        DataValueSets.DataValueSetView set = dataValueSets.values(regime, wanted, split(agencies), children);
        boolean csv =
                "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (!csv) {
            return Response.ok(set, MediaType.APPLICATION_JSON).build();
        }
        String out = DataValueStreams.writeCsv(set.dataValues().stream()
                .map(v -> List.of(
                        v.dataElement(),
                        v.period(),
                        v.orgUnit(),
                        v.categoryOptionCombo(),
                        v.value(),
                        v.storedBy(),
                        v.status()))
                .toList());
        return Response.ok(out, "text/csv; charset=UTF-8").build();
    }

    /** The registry of connected reporting systems, with their last import and the completeness of what they supply. */
    @GET
    @Path("connected-systems")
    public List<DataValueSets.ConnectedSystemView> connectedSystems() {
        return dataValueSets.connectedSystems();
    }

    /** Repeated or comma-separated query values. */
    private static List<String> split(List<String> values) {
        return values.stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(",")))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .distinct()
                .toList();
    }
}
