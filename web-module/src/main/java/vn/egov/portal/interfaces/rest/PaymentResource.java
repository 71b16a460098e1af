package vn.egov.portal.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.PaymentViews;
import vn.egov.portal.application.PortalPayments;
import vn.egov.portal.infrastructure.PaymentPlatform;

/**
 * The payment platform's confirm call ({@code POST /api/v1/portal/payments/confirm}, public in
 * web.xml: the checksum is its credential) and the officers' view of a dossier's payments with
 * refunds ({@code ONE_STOP_OFFICER}, their agency's dossiers only).
 */
@Path("portal/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String MESSAGE_INVALID = "portal.payment.message-invalid";

    @Inject
    private PortalPayments payments;

    public static class RefundRequest {
        public String reason;
    }

    /**
     * Confirm: {@code LoaiBanTin, MaLoi, MaDoiTac, MaThamChieu, SoTien, MaTienTe, MaGiaoDich,
     * MaNganHang, ThoiGianGD, ThongTinGiaoDich, MaXacThuc}. Answered {@code MaLoi "00"} with our own
     * checksum, or a problem (403 wrong checksum, 404 unknown reference, 400 amount, 409 settled otherwise).
     */
    @POST
    @Path("confirm")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @PermitAll
    public JsonObject confirm(byte[] body) {
        JsonObject m = object(body);
        PaymentViews.ConfirmAnswer answer = payments.confirm(new PaymentPlatform.Confirm(
                PaymentPlatform.text(m, "LoaiBanTin"),
                PaymentPlatform.text(m, "MaLoi"),
                PaymentPlatform.text(m, "MaDoiTac"),
                PaymentPlatform.text(m, "MaThamChieu"),
                PaymentPlatform.text(m, "SoTien"),
                PaymentPlatform.text(m, "MaTienTe"),
                PaymentPlatform.text(m, "MaGiaoDich"),
                PaymentPlatform.text(m, "MaNganHang"),
                PaymentPlatform.text(m, "ThoiGianGD"),
                PaymentPlatform.text(m, "ThongTinGiaoDich"),
                PaymentPlatform.text(m, "MaXacThuc")));
        return Json.createObjectBuilder()
                .add("MaLoi", answer.error())
                .add("MoTaLoi", answer.description())
                .add("MaDoiTac", answer.partner())
                .add("MaThamChieu", answer.reference())
                .add("ThoiGianGD", answer.time())
                .add("MaXacThuc", answer.checksum())
                .build();
    }

    /**
     * The day's settlement report ({@code day} yyyy-MM-dd, default today in Vietnam): CSV, or Excel when asked
     * for by {@code format=xlsx} or an {@code Accept} of the spreadsheet type.
     */
    @GET
    @Path("settlement")
    @Produces({"text/csv", XLSX})
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public Response settlement(
            @QueryParam("day") String day, @QueryParam("format") String format, @Context HttpHeaders headers) {
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("portal.payment.day-invalid", "a day is written yyyy-MM-dd");
        }
        boolean excel;
        if (format == null || format.isBlank()) {
            excel = headers.getAcceptableMediaTypes().stream()
                    .filter(t -> !t.isWildcardType())
                    .findFirst()
                    .map(t -> t.isCompatible(MediaType.valueOf(XLSX)))
                    .orElse(false);
        } else if (format.equals("xlsx") || format.equals("csv")) {
            excel = format.equals("xlsx");
        } else {
            throw DomainException.invalid("portal.payment.format-invalid", "the settlement report is csv or xlsx");
        }
        if (excel) {
            return Response.ok(payments.settlementXlsx(date), XLSX)
                    .header("Content-Disposition", Downloads.attachment("doi-soat-" + date + ".xlsx"))
                    .build();
        }
        return Response.ok(payments.settlement(date), "text/csv; charset=UTF-8")
                .header("Content-Disposition", Downloads.attachment("doi-soat-" + date + ".csv"))
                .build();
    }

    @GET
    @Path("dossiers/{code}")
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public PaymentViews.Bill forOfficer(@PathParam("code") String code) {
        return payments.forOfficer(code);
    }

    @POST
    @Path("dossiers/{code}/{reference}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public PaymentViews.Bill refund(
            @PathParam("code") String code, @PathParam("reference") String reference, RefundRequest body) {
        return payments.refund(code, reference, body == null ? null : body.reason);
    }

    /** The body as one JSON object; anything else is {@code portal.payment.message-invalid}. */
    static JsonObject object(byte[] body) {
        if (body == null || body.length == 0) {
            throw DomainException.invalid(MESSAGE_INVALID, "the message is empty");
        }
        try (JsonReader reader = Json.createReader(
                new java.io.InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw DomainException.invalid(MESSAGE_INVALID, "the message is not a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw DomainException.invalid(MESSAGE_INVALID, "the message is not JSON");
        }
    }
}
