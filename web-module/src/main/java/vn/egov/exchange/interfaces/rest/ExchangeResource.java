package vn.egov.exchange.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.BoundedInputStream;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.rest.StrictJson;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.IncomingAttachment;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.application.StatusReport;
import vn.egov.exchange.application.Views;
import vn.egov.exchange.application.Webhooks;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.Urgency;
import vn.egov.exchange.infrastructure.EdxmlReaders;

/**
 * The exchange axis for agencies' document-management systems: {@code /api/v1/exchange}. The
 * agency of the access token is the sender or the reader. Bodies are read through a bound, so an
 * oversized request is refused with 413 before it can fill memory or disk.
 */
@Path("exchange")
@Produces(MediaType.APPLICATION_JSON)
// One instance for all requests: per-request creation re-ran every injection below on each send.
@jakarta.enterprise.context.ApplicationScoped
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
public class ExchangeResource {

    @Inject
    private ExchangeService exchange;

    @Inject
    private AttachmentStore store;

    @Inject
    private EdxmlReaders readers;

    @Inject
    private Webhooks webhooks;

    @Inject
    private vn.egov.exchange.application.VxpTransport transport;

    @POST
    @Path("documents")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed("CLERK")
    @BodyLimit(value = "egov.exchange.max-payload-bytes", code = "exchange.payload.too-large")
    public Response sendEdxml(@HeaderParam("Content-Length") Long length, InputStream body) {
        refuseDeclaredOversize(length);
        return accepted(exchange.send(readers.newReader().read(body)));
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("CLERK")
    @BodyLimit(value = "egov.exchange.max-payload-bytes", code = "exchange.payload.too-large")
    public Response sendJson(@HeaderParam("Content-Length") Long length, InputStream body) {
        byte[] bytes = readBounded(length, body);
        SendRequest request;
        try {
            request = StrictJson.instance().fromJson(bytes, SendRequest.class);
        } catch (JsonbException e) {
            throw DomainException.invalid("exchange.json.malformed", "the request body is not the JSON of a document");
        }
        if (request == null) {
            throw DomainException.invalid("exchange.json.malformed", "the request body is empty");
        }
        return accepted(exchange.send(toOutgoing(request, vn.egov.common.Digests.sha256Hex(bytes))));
    }

    private Response accepted(Views.Receipt receipt) {
        return Response.accepted(receipt)
                .location(UriBuilder.fromResource(ExchangeResource.class)
                        .path("documents/{id}")
                        .build(receipt.id()))
                .build();
    }

    private void refuseDeclaredOversize(Long length) {
        if (length != null && length > readers.limits().maxPayloadBytes()) {
            throw tooLarge();
        }
    }

    /** The whole body, for the small-by-nature requests (JSON, demo signing), within the payload bound. */
    private byte[] readBounded(Long length, InputStream body) {
        refuseDeclaredOversize(length);
        try {
            return new BoundedInputStream(body, readers.limits().maxPayloadBytes()).readAllBytes();
        } catch (IOException e) {
            if (BoundedInputStream.isTooLarge(e)) {
                throw tooLarge();
            }
            throw new UncheckedIOException(e);
        }
    }

    private DomainException tooLarge() {
        return new DomainException(
                DomainException.Kind.TOO_LARGE,
                "exchange.payload.too-large",
                "the request exceeds the configured limit of "
                        + readers.limits().maxPayloadBytes() + " bytes");
    }

    private OutgoingDocument toOutgoing(SendRequest r, String payloadSha256) {
        SendRequest.Signer signer = r.signer == null ? new SendRequest.Signer() : r.signer;
        ExchangeDocument.Header header = new ExchangeDocument.Header(
                r.documentId,
                r.codeNumber,
                r.codeNotation,
                r.typeCode,
                r.typeName,
                r.subject,
                r.content,
                r.promulgationPlace,
                date(r.promulgationDate, "promulgationDate"),
                signer.competence,
                signer.position,
                signer.fullName,
                date(r.dueDate, "dueDate"),
                urgency(r.urgency),
                r.steeringType,
                businessType(r.businessType),
                r.businessReason,
                r.responseFor);
        List<IncomingAttachment> attachments = new ArrayList<>();
        if (r.attachments != null) {
            if (r.attachments.size() > readers.limits().maxAttachments()) {
                throw DomainException.invalid(
                        "exchange.attachment.too-many",
                        "a document carries at most " + readers.limits().maxAttachments() + " attachments");
            }
            for (SendRequest.Attachment a : r.attachments) {
                if (a == null || a.content == null) {
                    throw DomainException.invalid(
                            "exchange.attachment.incomplete", "every attachment needs its content");
                }
                byte[] content;
                try {
                    content = Base64.getMimeDecoder().decode(a.content);
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("exchange.attachment.base64", "an attachment is not valid base64");
                }
                if (content.length > readers.limits().maxAttachmentBytes()) {
                    throw new DomainException(
                            DomainException.Kind.TOO_LARGE,
                            "exchange.attachment.too-large",
                            "an attachment exceeds " + readers.limits().maxAttachmentBytes() + " bytes");
                }
                // Kept in memory (the body is already): the service writes it only once the whole send passed.
                attachments.add(IncomingAttachment.inMemory(
                        a.contentId,
                        a.name,
                        a.contentType == null ? "application/octet-stream" : a.contentType,
                        content));
            }
        }
        return new OutgoingDocument(
                r.from, header, r.to == null ? List.of() : r.to, r.confidentiality, attachments, payloadSha256, null);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "exchange.field.invalid", field + " must be a date yyyy-MM-dd, not '" + value + "'");
        }
    }

    private static Urgency urgency(String value) {
        if (value == null || value.isBlank()) {
            return Urgency.NORMAL;
        }
        try {
            return Urgency.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "exchange.urgency.unknown",
                    "urgency must be NORMAL, URGENT, VERY_URGENT or FLASH, not '" + value + "'");
        }
    }

    private static BusinessType businessType(String value) {
        if (value == null || value.isBlank()) {
            return BusinessType.NEW;
        }
        try {
            return BusinessType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "exchange.business-type.unknown",
                    "businessType must be NEW, RECALL, UPDATE or REPLACE, not '" + value + "'");
        }
    }

    /**
     * Demo mode only: signs an edXML package with the demo key of the caller's agency (issued by the
     * demo CA on first use) and returns it, ready to send. {@code ./egov sign} calls this.
     */
    @POST
    @Path("demo/sign")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed("CLERK")
    @BodyLimit(value = "egov.exchange.max-payload-bytes", code = "exchange.payload.too-large")
    public byte[] signDemo(@HeaderParam("Content-Length") Long length, InputStream body) {
        return exchange.signAsMyAgency(readBounded(length, body));
    }

    @GET
    @Path("inbox")
    public Views.InboxPage inbox(
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("status") String status) {
        return exchange.inbox(after, limit, status);
    }

    @GET
    @Path("documents/{id}")
    public Views.DocumentView document(@PathParam("id") long id) {
        return exchange.document(id);
    }

    @GET
    @Path("documents/{id}/attachments/{contentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("contentId") String contentId) {
        Views.AttachmentContent file = exchange.attachment(id, contentId);
        StreamingOutput stream = out -> {
            try (InputStream in = store.open(file.sha256())) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, file.contentType())
                .header("Content-Length", file.size())
                .header("ETag", "\"" + file.sha256() + "\"")
                .header("Content-Disposition", vn.egov.common.interfaces.web.Downloads.attachment(file.name()))
                .build();
    }

    /** The edXML package exactly as its sender sent it (404 {@code exchange.package.not-found} for a JSON send). */
    @GET
    @Path("documents/{id}/package")
    @Produces(MediaType.APPLICATION_XML)
    public Response documentPackage(@PathParam("id") long id) {
        Views.AttachmentContent file = transport.packageOf(id);
        StreamingOutput stream = out -> {
            try (InputStream in = store.open(file.sha256())) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, MediaType.APPLICATION_XML)
                .header("Content-Length", file.size())
                .header("ETag", "\"" + file.sha256() + "\"")
                .header("Content-Disposition", vn.egov.common.interfaces.web.Downloads.attachment(file.name()))
                .build();
    }

    @POST
    @Path("documents/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.DeliveryView status(@PathParam("id") long id, StatusRequest request) {
        if (request == null) {
            throw DomainException.invalid("exchange.status.unknown", "the status message is empty");
        }
        StatusRequest.Staff staff = request.staff == null ? new StatusRequest.Staff() : request.staff;
        return exchange.reportStatus(
                id,
                new StatusReport(
                        request.status, request.description, staff.department, staff.name, staff.email, staff.mobile));
    }

    /**
     * The same status change sent as an edXML status message (what real clients send): read by the
     * safe status reader, then checked to be from the caller's agency and to answer this document.
     */
    @POST
    @Path("documents/{id}/status")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @BodyLimit(value = "egov.exchange.max-payload-bytes", code = "exchange.payload.too-large")
    public Views.DeliveryView statusEdxml(
            @PathParam("id") long id, @HeaderParam("Content-Length") Long length, InputStream body) {
        byte[] xml = readBounded(length, body);
        return exchange.reportStatus(id, readers.newStatusReader().read(new java.io.ByteArrayInputStream(xml)));
    }

    @POST
    @Path("documents/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"CLERK", "LEADER"})
    public Views.DeliveryView assign(@PathParam("id") long id, AssignmentRequest request) {
        return exchange.assign(id, request == null ? null : request.assignee, request == null ? null : request.note);
    }

    @GET
    @Path("assignees")
    public List<Views.Assignee> assignees() {
        return exchange.assignees();
    }

    @POST
    @Path("documents/{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("CLERK")
    public Views.Trace recall(@PathParam("id") long id, RecallRequest request) {
        return exchange.recall(id, request == null ? null : request.reason);
    }

    @GET
    @Path("documents/{id}/trace")
    public Views.Trace trace(@PathParam("id") long id) {
        return exchange.trace(id);
    }

    @PUT
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"CLERK", "AGENCY_ADMIN"})
    public Webhooks.Registration registerWebhook(WebhookRequest request) {
        return webhooks.register(request == null ? null : request.url);
    }

    @GET
    @Path("webhook")
    @RolesAllowed({"CLERK", "AGENCY_ADMIN"})
    public Webhooks.Registration webhook() {
        return webhooks.current();
    }

    @POST
    @Path("webhook/replay")
    @RolesAllowed({"CLERK", "AGENCY_ADMIN"})
    public Webhooks.Registration replayWebhook() {
        return webhooks.replay();
    }

    @GET
    @Path("webhooks")
    @RolesAllowed("SYSADMIN")
    public java.util.Map<String, Webhooks.Registration> webhooks() {
        return webhooks.all();
    }

    @POST
    @Path("webhooks/{agency}/replay")
    @RolesAllowed("SYSADMIN")
    public Webhooks.Registration replayWebhookOf(@PathParam("agency") String agency) {
        return webhooks.replayFor(agency);
    }

    @DELETE
    @Path("webhook")
    @RolesAllowed({"CLERK", "AGENCY_ADMIN"})
    public Response removeWebhook() {
        webhooks.remove();
        return Response.noContent().build();
    }

    @GET
    @Path("statistics")
    @RolesAllowed({"SYSADMIN", "AGENCY_ADMIN"})
    public List<Views.AgencyStatistics> statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return exchange.statistics(date(from, "from"), date(to, "to"));
    }

    @GET
    @Path("log/verification")
    @RolesAllowed("SYSADMIN")
    public Views.LogVerification verifyLog() {
        return exchange.verifyLog();
    }
}
