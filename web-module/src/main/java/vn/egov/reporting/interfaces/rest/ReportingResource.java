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
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.reporting.application.ReportSubmissions;
import vn.egov.reporting.application.ReportingAnalytics;
import vn.egov.reporting.application.ReportingDefinitions;
import vn.egov.reporting.application.ReportingExports;
import vn.egov.reporting.application.ReportingViews;
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
}
