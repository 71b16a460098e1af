package vn.egov.exchange.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.DeliveryStatus;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.ExchangeLogHead;
import vn.egov.exchange.domain.model.RecallState;
import vn.egov.exchange.domain.model.StatusEntry;
import vn.egov.exchange.infrastructure.EdxmlWriter;

/**
 * The axis as the VPCP SDK sees it ({@code /vxp}), over the same documents, deliveries and statuses
 * as {@code /api/v1/exchange}: sends and business statuses go through {@link ExchangeService}; this
 * adds what the SDK's pull model needs: what is waiting for a system (documents not yet taken, and
 * one status message per status change on the other side), the package as sent, and the transport
 * acknowledgement ({@code updateStatus}). A document's SDK {@code docId} is its id on the axis (the
 * same number {@code /api/v1/exchange/documents/{id}} uses); a status message's is {@code s} and the
 * status entry's id.
 */
@Stateless
@RolesAllowed(Role.CLERK_ROLE)
public class VxpTransport {

    public static final String EDOC = "edoc";
    public static final String STATUS = "status";
    public static final String DONE = "done";
    public static final String FAIL = "fail";
    public static final String PROCESSING = "processing";

    private static final Map<String, String> STATUS_TEXTS = Map.ofEntries(
            Map.entry("01", "Đã đến"),
            Map.entry("02", "Từ chối tiếp nhận"),
            Map.entry("03", "Đã tiếp nhận, vào sổ"),
            Map.entry("04", "Phân công xử lý"),
            Map.entry("05", "Đang xử lý"),
            Map.entry("06", "Hoàn thành"),
            Map.entry("13", "Yêu cầu lấy lại"),
            Map.entry("15", "Đồng ý lấy lại"),
            Map.entry("16", "Từ chối lấy lại"));
    private static final Map<String, String> TRANSPORT_TEXTS =
            Map.of("waiting", "Chờ nhận", DONE, "Đã nhận", FAIL, "Nhận lỗi, chờ xử lý", PROCESSING, "Đang nhận");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private ExchangeService exchange;

    @Inject
    private ExchangeLog log;

    @Inject
    private AttachmentStore store;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.exchange.inbox.max-page", defaultValue = "500")
    private int maxPage;

    /** One line of {@code getReceivedEdocList}. */
    public record Waiting(
            String docId,
            String messageType,
            String from,
            String to,
            String status,
            String statusDesc,
            OffsetDateTime createdTime,
            OffsetDateTime updatedTime) {}

    /** One line of {@code getSentEdocList}: one recipient of one document. */
    public record SentLine(
            String fromCode,
            String toCode,
            String docId,
            String sendStatus,
            String sendStatusDesc,
            String receiveStatus,
            String receiveStatusDesc,
            OffsetDateTime sentTime,
            OffsetDateTime receivedTime,
            String notation,
            String title) {}

    /** An agency as {@code getAgenciesList} lists it. */
    public record Agency(String id, String pcode, String code, String name, String mail, String mobile, String fax) {}

    private Caller caller() {
        return callers.current().requireAgency("exchange.agency.required", "exchange documents");
    }

    private static String messageType(String asked) {
        if (asked == null || asked.isBlank() || EDOC.equalsIgnoreCase(asked.strip())) {
            return EDOC;
        }
        if (STATUS.equalsIgnoreCase(asked.strip())) {
            return STATUS;
        }
        throw DomainException.invalid("vxp.messagetype.invalid", "messagetype is edoc or status, not '" + asked + "'");
    }

    /** What waits for the caller's system: documents not yet taken, or status messages not yet taken. */
    public List<Waiting> received(String messageType) {
        Caller caller = caller();
        if (messageType(messageType).equals(EDOC)) {
            return waitingDeliveries(caller, maxPage).stream()
                    .map(d -> new Waiting(
                            Long.toString(d.getDocument().getId()),
                            EDOC,
                            d.getDocument().getSenderCode(),
                            d.getRecipientCode(),
                            transport(d.getTransportState()),
                            TRANSPORT_TEXTS.get(transport(d.getTransportState())),
                            d.getDeliveredAt(),
                            d.getUpdatedAt()))
                    .toList();
        }
        return waitingNotices(caller, maxPage).stream()
                .map(e -> new Waiting(
                        "s" + e.getId(),
                        STATUS,
                        e.getReportedBy(),
                        e.getNoticeTo(),
                        e.getCode(),
                        STATUS_TEXTS.getOrDefault(e.getCode(), e.getCode()),
                        e.getRecordedAt(),
                        e.getRecordedAt()))
                .toList();
    }

    /** How many documents ({@code edoc}) or status messages ({@code status}) wait for the caller's system. */
    public long count(String messageType) {
        Caller caller = caller();
        if (messageType(messageType).equals(EDOC)) {
            return em.createQuery(
                            "SELECT COUNT(d) FROM Delivery d WHERE d.recipientCode = :agency AND d.status IS NULL"
                                    + " AND d.recallState <> :agreed",
                            Long.class)
                    .setParameter("agency", caller.agencyCode())
                    .setParameter("agreed", RecallState.AGREED)
                    .getSingleResult();
        }
        return em.createQuery(
                        "SELECT COUNT(e) FROM StatusEntry e WHERE e.noticeTo = :agency AND e.noticeState <> :done",
                        Long.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("done", DONE)
                .getSingleResult();
    }

    private List<Delivery> waitingDeliveries(Caller caller, int limit) {
        return em.createQuery(
                        "SELECT d FROM Delivery d JOIN FETCH d.document WHERE d.recipientCode = :agency"
                                + " AND d.status IS NULL AND d.recallState <> :agreed ORDER BY d.inboxSeq",
                        Delivery.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("agreed", RecallState.AGREED)
                .setMaxResults(limit)
                .getResultList();
    }

    private List<StatusEntry> waitingNotices(Caller caller, int limit) {
        return em.createQuery(
                        "SELECT e FROM StatusEntry e WHERE e.noticeTo = :agency AND e.noticeState <> :done"
                                + " ORDER BY e.id",
                        StatusEntry.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("done", DONE)
                .setMaxResults(limit)
                .getResultList();
    }

    private static String transport(String state) {
        return state == null ? "waiting" : state;
    }

    /**
     * The edXML of a {@code docId}: a document's package exactly as sent (generated, unsigned, for a
     * document sent as JSON), or a status message. Another agency's is 404.
     */
    public byte[] edxml(String docId) {
        Caller caller = caller();
        if (isStatusId(docId)) {
            StatusEntry entry = notice(docId, caller);
            String from = entry.getReportedBy();
            return EdxmlWriter.status(entry, new EdxmlWriter.Names(from, directory.agencyName(from)));
        }
        ExchangeDocument document = visible(docId, caller);
        if (document.getPackageSize() != null) {
            try (InputStream in = store.open(document.getPayloadSha256())) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the package of document " + document.getId() + " is unreadable", e);
            }
        }
        return EdxmlWriter.document(
                document,
                document.getDeliveries().stream()
                        .map(Delivery::getRecipientCode)
                        .toList(),
                sha256 -> {
                    try {
                        return store.open(sha256);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * The package of a document as sent, for {@code GET /api/v1/exchange/documents/{id}/package}:
     * the store's hash of it, or 404 {@code exchange.package.not-found} for a JSON send.
     */
    @RolesAllowed({Role.CLERK_ROLE, Role.SPECIALIST_ROLE, Role.LEADER_ROLE})
    public Views.AttachmentContent packageOf(long id) {
        ExchangeDocument document = visible(Long.toString(id), caller());
        if (document.getPackageSize() == null) {
            throw DomainException.notFound(
                    "exchange.package.not-found", "document " + id + " was sent as JSON and has no edXML package");
        }
        return new Views.AttachmentContent(
                document.getId() + ".edxml", "application/xml", document.getPackageSize(), document.getPayloadSha256());
    }

    /**
     * The transport acknowledgement of a document or status message: {@code done} (taken: a
     * document is then arrived, 01, once), {@code fail} (it stays waiting, and the trace shows it to
     * both sides' operators), {@code processing}.
     */
    public void acknowledge(String docId, String state) {
        Caller caller = caller();
        String ack = state == null ? "" : state.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of(DONE, FAIL, PROCESSING).contains(ack)) {
            throw DomainException.invalid(
                    "vxp.status.invalid", "status is done, fail or processing, not '" + state + "'");
        }
        ExchangeLogHead head = log.lockHead();
        OffsetDateTime now = now();
        if (isStatusId(docId)) {
            StatusEntry entry = notice(docId, caller);
            if (!caller.agencyCode().equals(entry.getNoticeTo())) {
                throw DomainException.forbidden(
                        "vxp.status.not-yours", "only the system the status message went to acknowledges it");
            }
            entry.acknowledgeNotice(ack);
            return;
        }
        ExchangeDocument document = visible(docId, caller);
        Delivery delivery = document.getDeliveries().stream()
                .filter(d -> d.getRecipientCode().equals(caller.agencyCode()))
                .findFirst()
                .orElseThrow(() -> DomainException.forbidden(
                        "exchange.status.recipient-only", "only a recipient acknowledges a document"));
        em.refresh(delivery);
        delivery.acknowledgeTransport(ack, now);
        if (DONE.equals(ack)) {
            if (delivery.getStatus() == null && !delivery.isWithdrawn()) {
                log.recordArrival(head, delivery, caller.name(), "taken by system " + caller.name(), now);
            }
        } else {
            log.append(
                    head,
                    "TRANSPORT",
                    document.getId(),
                    caller.agencyCode(),
                    caller.name(),
                    "system " + caller.name() + " acknowledged '" + ack + "'",
                    now);
        }
    }

    /**
     * A status message sent through {@code /vxp}: the document it answers is found by its
     * DocumentId among the documents the caller's agency received (the sender's own take-back
     * request, 13, among those it sent), then the change is {@link ExchangeService}'s. Returns the
     * status message's {@code docId}.
     */
    public String sendStatus(StatusMessage message) {
        Caller caller = caller();
        String documentId = message.responseForDocumentId();
        if (documentId == null || documentId.isBlank()) {
            throw DomainException.invalid(
                    "exchange.status.response-for-missing", "a status message names the document it answers");
        }
        if (DeliveryStatus.RECALL_REQUESTED.code().equals(message.statusCode())) {
            ExchangeDocument document = answered(
                    "SELECT d FROM ExchangeDocument d WHERE d.senderCode = :agency AND d.documentId = :id"
                            + " ORDER BY d.id DESC",
                    caller,
                    documentId,
                    message.responseForOrganId());
            exchange.recall(document.getId(), message.description());
            return latestEntry(document, null);
        }
        ExchangeDocument document = answered(
                "SELECT doc FROM Delivery d JOIN d.document doc WHERE d.recipientCode = :agency"
                        + " AND doc.documentId = :id ORDER BY doc.id DESC",
                caller,
                documentId,
                message.responseForOrganId());
        exchange.reportStatus(document.getId(), message);
        return latestEntry(document, caller.agencyCode());
    }

    private ExchangeDocument answered(String jpql, Caller caller, String documentId, String organId) {
        List<ExchangeDocument> found = em.createQuery(jpql, ExchangeDocument.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("id", documentId)
                .setMaxResults(20)
                .getResultList();
        return found.stream()
                .filter(d -> d.getSenderCode().equals(organId))
                .findFirst()
                .or(() -> found.stream().findFirst())
                .orElseThrow(() -> DomainException.notFound(
                        "exchange.document.not-found", "no document " + documentId + " for this agency"));
    }

    private String latestEntry(ExchangeDocument document, String recipient) {
        var query = em.createQuery(
                        "SELECT MAX(e.id) FROM StatusEntry e WHERE e.delivery.document.id = :doc"
                                + (recipient == null ? "" : " AND e.delivery.recipientCode = :recipient"),
                        Long.class)
                .setParameter("doc", document.getId());
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        Long id = query.getSingleResult();
        return id == null ? Long.toString(document.getId()) : "s" + id;
    }

    /** Per recipient, the documents the caller's agency sent: one ({@code docId}) or the latest. */
    public List<SentLine> sent(String docId) {
        Caller caller = caller();
        List<ExchangeDocument> documents;
        if (docId != null && !docId.isBlank()) {
            ExchangeDocument document = visible(docId, caller);
            if (!document.getSenderCode().equals(caller.agencyCode())) {
                throw DomainException.notFound("exchange.document.not-found", "no document " + docId);
            }
            documents = List.of(document);
        } else {
            documents = em.createQuery(
                            "SELECT d FROM ExchangeDocument d WHERE d.senderCode = :agency ORDER BY d.id DESC",
                            ExchangeDocument.class)
                    .setParameter("agency", caller.agencyCode())
                    .setMaxResults(maxPage)
                    .setHint("eclipselink.batch", "d.deliveries")
                    .setHint("eclipselink.batch.type", "IN")
                    .getResultList();
        }
        return documents.stream()
                .flatMap(d -> d.getDeliveries().stream()
                        .sorted(Comparator.comparing(Delivery::getRecipientCode))
                        .map(line -> new SentLine(
                                d.getSenderCode(),
                                line.getRecipientCode(),
                                Long.toString(d.getId()),
                                transport(line.getTransportState()),
                                TRANSPORT_TEXTS.get(transport(line.getTransportState())),
                                line.getStatus() == null ? "" : line.getStatus(),
                                line.getStatus() == null ? "Đã gửi, chưa nhận" : STATUS_TEXTS.get(line.getStatus()),
                                d.getSentAt(),
                                line.getArrivedAt(),
                                d.notation(),
                                d.getSubject())))
                .toList();
    }

    /** The agencies connected to the axis. */
    public List<Agency> agencies() {
        caller();
        return directory.tree().all().stream()
                .filter(a -> a.active() && a.connected())
                .sorted(Comparator.comparing(vn.egov.directory.application.AgencyRecord::code))
                .map(a -> new Agency(a.code(), a.parentCode(), a.code(), a.name(), a.email(), a.phone(), null))
                .toList();
    }

    private static boolean isStatusId(String docId) {
        return docId != null && docId.startsWith("s");
    }

    private StatusEntry notice(String docId, Caller caller) {
        Long id = number(docId.substring(1));
        StatusEntry entry = id == null ? null : em.find(StatusEntry.class, id);
        return Visibility.visibleOrNotFound(
                entry,
                e -> caller.agencyCode().equals(e.getNoticeTo())
                        || caller.agencyCode().equals(e.getReportedBy()),
                "exchange.document.not-found",
                "no status message " + docId);
    }

    private ExchangeDocument visible(String docId, Caller caller) {
        Long id = number(docId);
        ExchangeDocument document = id == null ? null : em.find(ExchangeDocument.class, id);
        return Visibility.visibleOrNotFound(
                document,
                d -> d.getSenderCode().equals(caller.agencyCode())
                        || d.getDeliveries().stream()
                                .anyMatch(l -> l.getRecipientCode().equals(caller.agencyCode())),
                "exchange.document.not-found",
                "no document " + docId);
    }

    private static Long number(String text) {
        if (text == null || text.isBlank() || text.length() > 18) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
