package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.DossierViews.DossierDetail;
import vn.egov.portal.application.DossierViews.DossierSummary;
import vn.egov.portal.application.DossierViews.OfficerAction;
import vn.egov.portal.application.DossierViews.UploadedFile;
import vn.egov.portal.application.NotificationOutbox;
import vn.egov.portal.application.PortalDossiers;
import vn.egov.portal.application.PortalHolidays;

/**
 * Online dossiers: {@code /api/v1/portal/...}. Three audiences, one service:
 *
 * <ul>
 *   <li>the applicant ({@code CITIZEN}, a Keycloak access token) under {@code me/dossiers}: submit
 *       (JSON, each component's file base64 in {@code files[].content}), list, read, receipt PDF,
 *       answer a supplement request, withdraw;
 *   <li>the agency's one-stop officers ({@code ONE_STOP_OFFICER}, a platform token) under
 *       {@code dossiers}: the agency's dossiers, steps and status moves, supplement requests;
 *   <li>anyone: {@code dossiers/lookup?code=&phone=|personalId=} (no personal data);
 * </ul>
 *
 * and system administrators: {@code holidays/{yyyy-MM-dd}}, {@code notifications} (the outbox).
 */
@Path("portal")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    @Inject
    private PortalDossiers dossiers;

    @Inject
    private PortalHolidays holidays;

    @Inject
    private NotificationOutbox outbox;

    @Context
    private HttpServletRequest request;

    // ------------------------------------------------------------ the applicant

    /** A new dossier as JSON; its files base64 in {@code files[].content}. */
    public static class NewDossierRequest {
        public String procedureCode;
        public String caseName;
        public String agencyCode;
        public String summary;
        public String phone;
        public String email;
        public Integer delivery;
        public List<FileRequest> files;
    }

    /** One file of a component: the procedure's component code, a name, a type, base64 content. */
    public static class FileRequest {
        public String componentCode;
        public String fileName;
        public String contentType;
        public String content;
    }

    public static class FilesRequest {
        public List<FileRequest> files;
    }

    public static class TextRequest {
        public String content;
    }

    public static class StepRequest {
        public Integer status;
        public String content;
        public String unit;
    }

    public static class HolidayRequest {
        public String name;
    }

    @GET
    @Path("me/dossiers")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public List<DossierSummary> mine() {
        return dossiers.mine();
    }

    @POST
    @Path("me/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITIZEN_ROLE)
    @BodyLimit(
            value = "egov.portal.dossier.max-submission-bytes",
            encoding = BodyLimit.Encoding.BASE64_IN_JSON,
            code = "portal.dossier.too-large")
    public Response submit(NewDossierRequest body) {
        if (body == null) {
            throw DomainException.invalid("portal.dossier.body-required", "the request has no dossier");
        }
        DossierDetail created = dossiers.submit(new DossierViews.NewDossier(
                body.procedureCode,
                body.caseName,
                body.agencyCode,
                body.summary,
                body.phone,
                body.email,
                body.delivery == null ? 0 : body.delivery,
                files(body.files)));
        return Response.created(UriBuilder.fromResource(DossierResource.class)
                        .path("me/dossiers/{code}")
                        .build(created.code()))
                .entity(created)
                .build();
    }

    @GET
    @Path("me/dossiers/{code}")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail myDossier(@PathParam("code") String code) {
        return dossiers.mine(code);
    }

    @GET
    @Path("me/dossiers/{code}/receipt")
    @Produces("application/pdf")
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Response receipt(@PathParam("code") String code) {
        DossierViews.Receipt receipt = dossiers.receipt(code);
        return Response.ok(receipt.pdf(), "application/pdf")
                .header("Content-Disposition", Downloads.attachment("bien-nhan-" + receipt.code() + ".pdf"))
                .build();
    }

    @GET
    @Path("me/dossiers/{code}/components/{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Response myComponent(@PathParam("code") String code, @PathParam("id") long id) {
        return download(dossiers.component(code, id));
    }

    @POST
    @Path("me/dossiers/{code}/supplements/{id}/components")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITIZEN_ROLE)
    @BodyLimit(
            value = "egov.portal.dossier.max-submission-bytes",
            encoding = BodyLimit.Encoding.BASE64_IN_JSON,
            code = "portal.dossier.too-large")
    public DossierDetail answerSupplement(@PathParam("code") String code, @PathParam("id") long id, FilesRequest body) {
        return dossiers.answerSupplement(code, id, files(body == null ? null : body.files));
    }

    @POST
    @Path("me/dossiers/{code}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail withdraw(@PathParam("code") String code, TextRequest body) {
        return dossiers.withdraw(code, body == null ? null : body.content);
    }

    // ------------------------------------------------------------ anyone

    /** Tra cứu hồ sơ: open to anyone (web.xml lets it through); the code and phone or personal id are the check. */
    @GET
    @Path("dossiers/lookup")
    @PermitAll
    public DossierViews.PublicDossierView lookup(
            @QueryParam("code") String code,
            @QueryParam("phone") String phone,
            @QueryParam("personalId") String personalId) {
        return dossiers.lookup(code, phone, personalId, request.getRemoteAddr());
    }

    // ------------------------------------------------------------ the agency's officers

    @GET
    @Path("dossiers")
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public List<DossierSummary> agencyDossiers(@QueryParam("status") Integer status) {
        return dossiers.agencyDossiers(status);
    }

    @GET
    @Path("dossiers/{code}")
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail dossier(@PathParam("code") String code) {
        return dossiers.forOfficer(code);
    }

    @GET
    @Path("dossiers/{code}/components/{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public Response component(@PathParam("code") String code, @PathParam("id") long id) {
        return download(dossiers.component(code, id));
    }

    /** A step of the handling, with the status it moves to (optional). */
    @POST
    @Path("dossiers/{code}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail step(@PathParam("code") String code, StepRequest body) {
        if (body == null) {
            throw DomainException.invalid("portal.dossier.step-empty", "a step says what was done or moves the status");
        }
        return dossiers.record(code, new OfficerAction(body.status, body.content, body.unit));
    }

    @POST
    @Path("dossiers/{code}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail accept(@PathParam("code") String code, TextRequest body) {
        return move(code, 2, body);
    }

    @POST
    @Path("dossiers/{code}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail refuse(@PathParam("code") String code, TextRequest body) {
        return move(code, 3, body);
    }

    @POST
    @Path("dossiers/{code}/process")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail process(@PathParam("code") String code, TextRequest body) {
        return move(code, 4, body);
    }

    @POST
    @Path("dossiers/{code}/finish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail finish(@PathParam("code") String code, TextRequest body) {
        return move(code, 9, body);
    }

    @POST
    @Path("dossiers/{code}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail returnResult(@PathParam("code") String code, TextRequest body) {
        return move(code, 10, body);
    }

    @POST
    @Path("dossiers/{code}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail stop(@PathParam("code") String code, TextRequest body) {
        return move(code, 8, body);
    }

    @POST
    @Path("dossiers/{code}/supplements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail requestSupplement(@PathParam("code") String code, TextRequest body) {
        return dossiers.requestSupplement(code, body == null ? null : body.content);
    }

    private DossierDetail move(String code, int status, TextRequest body) {
        return dossiers.record(code, new OfficerAction(status, body == null ? null : body.content, null));
    }

    // ------------------------------------------------------------ administrators

    /** The holidays of a year (default: this year in Vietnam). Open like the catalogue. */
    @GET
    @Path("holidays")
    @PermitAll
    public List<DossierViews.HolidayView> holidays(@QueryParam("year") Integer year) {
        return holidays.year(
                year != null
                        ? year
                        : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    }

    @PUT
    @Path("holidays/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Response putHoliday(@PathParam("day") String day, HolidayRequest body) {
        LocalDate date = day(day);
        boolean created = holidays.put(date, body == null ? null : body.name);
        DossierViews.HolidayView view = new DossierViews.HolidayView(date, body.name.strip());
        return (created ? Response.status(Response.Status.CREATED) : Response.ok())
                .entity(view)
                .build();
    }

    @DELETE
    @Path("holidays/{day}")
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Response deleteHoliday(@PathParam("day") String day) {
        holidays.remove(day(day));
        return Response.noContent().build();
    }

    /** The applicants' e-mails not sent yet, with their last error (what a mail outage leaves behind). */
    @GET
    @Path("notifications")
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public List<NotificationOutbox.Pending> pendingNotifications(@QueryParam("limit") Integer limit) {
        return outbox.pending(limit == null ? 100 : limit);
    }

    // ------------------------------------------------------------ helpers

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("portal.holiday.day-invalid", "a day is written yyyy-MM-dd");
        }
    }

    private static List<UploadedFile> files(List<FileRequest> requests) {
        List<UploadedFile> files = new ArrayList<>();
        if (requests == null) {
            return files;
        }
        for (FileRequest f : requests) {
            if (f == null) {
                continue;
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(f.content == null ? "" : f.content);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("portal.component.base64", "a file's content is not valid base64");
            }
            InputStream in = new ByteArrayInputStream(content);
            files.add(new UploadedFile(f.componentCode, f.fileName, f.contentType, in));
        }
        return files;
    }

    private static Response download(DossierViews.ComponentContent file) {
        StreamingOutput stream = out -> {
            try (InputStream in = file.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, file.component().contentType())
                .header("Content-Length", file.component().size())
                .header("ETag", "\"" + file.component().sha256() + "\"")
                .header(
                        "Content-Disposition",
                        Downloads.attachment(file.component().fileName()))
                .build();
    }
}
