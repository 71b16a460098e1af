package vn.egov.exchange.interfaces.vxp;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.BoundedInputStream;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.application.Views;
import vn.egov.exchange.application.VxpSystems;
import vn.egov.exchange.application.VxpTransport;
import vn.egov.exchange.infrastructure.EdxmlReaders;
import vn.egov.exchange.infrastructure.VxpSignedHeaders;

/**
 * {@code /vxp/<operation>}: the VPCP SDK's operations over the exchange axis. The platform's
 * authentication mechanism has checked the signed headers before this runs (and left the caller, or
 * the refusal, on the request); every answer, refusals and failures included, is 200 JSON in the
 * SDK's shape ({@link VxpAnswer}), never a redirect or a page. Parameters are read from the signed
 * JSON only. A servlet rather than a JAX-RS resource: no provider, mapper or content negotiation of
 * the API's stands between the SDK and its answer.
 */
@WebServlet(urlPatterns = {"/vxp", "/vxp/*"})
public class VxpServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(VxpServlet.class.getName());
    /** Request attribute: the {@link VxpSystems.VxpCaller} of an authenticated call. */
    public static final String CALLER = "vn.egov.vxp.caller";
    /** Request attribute: the {@link DomainException} refusing the call's authentication. */
    public static final String REFUSAL = "vn.egov.vxp.refusal";

    private static final Set<String> OPERATIONS = Set.of(
            "sendEdoc",
            "getReceivedEdocList",
            "getEdoc",
            "updateStatus",
            "getSentEdocList",
            "countReceiveEdoc",
            "countReceiveStatus",
            "getAgenciesList");
    /** Operations that change nothing, which some SDK versions send as GET. */
    private static final Set<String> READS = Set.of(
            "getReceivedEdocList",
            "getEdoc",
            "getSentEdocList",
            "countReceiveEdoc",
            "countReceiveStatus",
            "getAgenciesList");

    @Inject
    private ExchangeService exchange;

    @Inject
    private VxpTransport transport;

    @Inject
    private EdxmlReaders readers;

    @Inject
    private AttachmentStore store;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = VxpAnswer.locale(request);
        JsonObject answer;
        try {
            answer = answer(request);
        } catch (DomainException e) {
            answer = VxpAnswer.fail(e.code(), e.getMessage(), locale);
        } catch (RuntimeException e) {
            DomainException refusal = refusalIn(e);
            if (refusal != null) {
                answer = VxpAnswer.fail(refusal.code(), refusal.getMessage(), locale);
            } else {
                LOG.log(Level.SEVERE, "unexpected failure serving " + request.getRequestURI(), e);
                answer = VxpAnswer.fail(
                        "vxp.internal", "the request could not be completed; it has been logged", locale);
            }
        }
        VxpAnswer.write(response, answer);
    }

    private static DomainException refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        return null;
    }

    private JsonObject answer(HttpServletRequest request) throws IOException {
        String path = request.getPathInfo();
        String operation = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        if (!OPERATIONS.contains(operation)) {
            throw DomainException.notFound("vxp.operation.unknown", "no operation '" + operation + "' under /vxp");
        }
        if (!"POST".equals(request.getMethod()) && !("GET".equals(request.getMethod()) && READS.contains(operation))) {
            throw DomainException.invalid(
                    "vxp.method.not-allowed", operation + " is called with POST, not " + request.getMethod());
        }
        if (request.getAttribute(REFUSAL) instanceof DomainException refused) {
            throw refused;
        }
        if (!(request.getAttribute(CALLER) instanceof VxpSystems.VxpCaller caller)) {
            throw DomainException.invalid("vxp.system.missing", "the call needs " + VxpSignedHeaders.SYSTEM_ID);
        }
        Map<String, String> p = caller.parameters();
        return switch (operation) {
            case "sendEdoc" -> sendEdoc(request, caller, p);
            case "getReceivedEdocList" -> {
                JsonArrayBuilder data = Json.createArrayBuilder();
                transport
                        .received(p.get("messagetype"))
                        .forEach(w -> data.add(Json.createObjectBuilder()
                                .add("docId", w.docId())
                                .add("serviceType", "eDoc")
                                .add("messageType", w.messageType())
                                .add("from", w.from())
                                .add("to", w.to())
                                .add("status", w.status())
                                .add("status_desc", w.statusDesc())
                                .add("created_time", time(w.createdTime()))
                                .add("updated_time", time(w.updatedTime()))));
                yield VxpAnswer.ok().add("data", data).build();
            }
            case "getEdoc" ->
                VxpAnswer.ok()
                        .add("data", Base64.getEncoder().encodeToString(transport.edxml(required(p, "docId"))))
                        .build();
            case "updateStatus" -> {
                transport.acknowledge(required(p, "docId"), required(p, "status"));
                yield VxpAnswer.ok().build();
            }
            case "getSentEdocList" -> {
                JsonArrayBuilder data = Json.createArrayBuilder();
                transport
                        .sent(p.get("docId"))
                        .forEach(s -> data.add(Json.createObjectBuilder()
                                .add("serviceType", "eDoc")
                                .add("messageType", "edoc")
                                .add("fromCode", s.fromCode())
                                .add("toCode", s.toCode())
                                .add("senderDocId", s.docId())
                                .add("receiverDocId", s.docId())
                                .add("sendStatus", s.sendStatus())
                                .add("sendStatusDesc", s.sendStatusDesc())
                                .add("receiveStatus", s.receiveStatus())
                                .add("receiveStatusDesc", s.receiveStatusDesc())
                                .add("sentTime", time(s.sentTime()))
                                .add("receivedTime", time(s.receivedTime()))
                                .add("notation", s.notation())
                                .add("title", s.title())));
                yield VxpAnswer.ok().add("data", data).build();
            }
            case "countReceiveEdoc" ->
                VxpAnswer.ok().add("count", transport.count(VxpTransport.EDOC)).build();
            case "countReceiveStatus" ->
                VxpAnswer.ok()
                        .add("count", transport.count(VxpTransport.STATUS))
                        .build();
            case "getAgenciesList" -> {
                JsonArrayBuilder data = Json.createArrayBuilder();
                transport.agencies().forEach(a -> {
                    JsonObjectBuilder agency = Json.createObjectBuilder()
                            .add("id", a.id())
                            .add("code", a.code())
                            .add("name", a.name());
                    agency.add("pcode", a.pcode() == null ? "" : a.pcode());
                    agency.add("mail", a.mail() == null ? "" : a.mail());
                    agency.add("mobile", a.mobile() == null ? "" : a.mobile());
                    agency.add("fax", a.fax() == null ? "" : a.fax());
                    data.add(agency);
                });
                yield VxpAnswer.ok().add("data", data).build();
            }
            default -> throw new IllegalStateException(operation);
        };
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(
                    "vxp.parameter.missing", "the signed headers need " + VxpSignedHeaders.PREFIX + name);
        }
        return value.strip();
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : at.toString();
    }

    /**
     * A document or a status message, as its edXML file (with the CRLF the SDK adds after it); the
     * file's SHA-256 must be the signed {@code hash-file}. A document goes through the same send as
     * {@code POST /api/v1/exchange/documents}.
     */
    private JsonObject sendEdoc(HttpServletRequest request, VxpSystems.VxpCaller caller, Map<String, String> p)
            throws IOException {
        String hashFile = required(p, "hash-file").toLowerCase(Locale.ROOT);
        String from = p.get("from");
        if (from != null && !from.isBlank() && !from.strip().equals(caller.agencyCode())) {
            throw DomainException.forbidden(
                    "exchange.sender.mismatch",
                    "the call says it is from " + from + " but the system acts for " + caller.agencyCode());
        }
        long max = readers.limits().maxPayloadBytes();
        if (request.getContentLengthLong() > max + 2) {
            throw tooLarge(max);
        }
        String messageType = p.get("messagetype");
        InputStream body = request.getInputStream();
        if (VxpTransport.STATUS.equalsIgnoreCase(messageType == null ? "" : messageType.strip())) {
            TrailingCrlf file = new TrailingCrlf(new BoundedInputStream(body, max + 2));
            byte[] xml;
            try {
                xml = file.readAllBytes();
            } catch (IOException e) {
                if (BoundedInputStream.isTooLarge(e)) {
                    throw tooLarge(max);
                }
                throw e;
            }
            checkHash(hashFile, vn.egov.common.Digests.sha256Hex(xml), file);
            String docId = transport.sendStatus(readers.newStatusReader().read(new ByteArrayInputStream(xml)));
            return VxpAnswer.ok().add("DocId", docId).build();
        }
        if (messageType != null && !messageType.isBlank() && !VxpTransport.EDOC.equalsIgnoreCase(messageType.strip())) {
            throw DomainException.invalid(
                    "vxp.messagetype.invalid", "messagetype is edoc or status, not '" + messageType + "'");
        }
        TrailingCrlf file = new TrailingCrlf(body);
        OutgoingDocument document = readers.newReader().read(file);
        try {
            checkHash(hashFile, document.payloadSha256(), file);
        } catch (DomainException e) {
            document.attachments().forEach(a -> store.discard(a.content()));
            if (document.packageContent() != null) {
                store.discard(document.packageContent());
            }
            throw e;
        }
        Views.Receipt receipt = exchange.send(document);
        return VxpAnswer.ok().add("DocId", Long.toString(receipt.id())).build();
    }

    private static void checkHash(String declared, String fileSha256, TrailingCrlf body) {
        if (declared.equals(VxpSignedHeaders.sdkHashForm(fileSha256))
                || declared.equals(fileSha256)
                || declared.equals(VxpSignedHeaders.sdkHashForm(body.wholeBodySha256()))) {
            return;
        }
        throw DomainException.invalid(
                "vxp.hash-file.mismatch",
                "the file's SHA-256 is not the signed " + VxpSignedHeaders.PREFIX + "hash-file");
    }

    private static DomainException tooLarge(long max) {
        return new DomainException(
                DomainException.Kind.TOO_LARGE,
                "exchange.payload.too-large",
                "the request exceeds the configured limit of " + max + " bytes");
    }
}
