package vn.egov.exchange.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.ExchangeAttachment;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.StatusEntry;

/** What the exchange service hands out: plain values built inside its transaction, safe to serialise. */
public final class Views {

    private Views() {}

    /** The answer to a send: the platform's id, the edXML id and one line per recipient. */
    public record Receipt(long id, String documentId, boolean duplicate, List<DeliveryView> deliveries) {}

    public record DeliveryView(
            String to,
            String toName,
            String status,
            String recallState,
            OffsetDateTime deliveredAt,
            OffsetDateTime arrivedAt,
            OffsetDateTime updatedAt,
            String arrivalNumber,
            String assignee,
            String transport) {

        /** As the recipient agency sees its own delivery: with the person it was forwarded to. */
        static DeliveryView of(Delivery d) {
            return of(d, d.getAssignee());
        }

        /** As the sender sees it: the recipient's internal usernames stay with the recipient. */
        static DeliveryView forSender(Delivery d) {
            return of(d, null);
        }

        private static DeliveryView of(Delivery d, String assignee) {
            return new DeliveryView(
                    d.getRecipientCode(),
                    d.getRecipientName(),
                    d.getStatus() == null ? "sent" : d.getStatus(),
                    d.getRecallState().name(),
                    d.getDeliveredAt(),
                    d.getArrivedAt(),
                    d.getUpdatedAt(),
                    arrivalNumberOf(d),
                    assignee,
                    d.getTransportState());
        }
    }

    /** Số đến as the register prints it: number/year, e.g. 15/2026. */
    static String arrivalNumberOf(Delivery d) {
        return d.getArrivalNumber() == null ? null : d.getArrivalNumber() + "/" + d.getArrivalYear();
    }

    public record AttachmentView(String contentId, String name, String contentType, long size, String sha256) {

        static AttachmentView of(ExchangeAttachment a) {
            return new AttachmentView(a.getContentId(), a.getName(), a.getContentType(), a.getSize(), a.getSha256());
        }
    }

    public record DocumentView(
            long id,
            String documentId,
            String from,
            String fromName,
            String notation,
            String codeNumber,
            String codeNotation,
            Integer typeCode,
            String typeName,
            String subject,
            String content,
            String promulgationPlace,
            LocalDate promulgationDate,
            String signerCompetence,
            String signerPosition,
            String signerName,
            LocalDate dueDate,
            String urgency,
            Integer steeringType,
            String businessType,
            String businessReason,
            String responseFor,
            String payloadSha256,
            String signatureStatus,
            String signerSubject,
            List<String> warnings,
            OffsetDateTime sentAt,
            OffsetDateTime recallRequestedAt,
            String recallReason,
            List<AttachmentView> attachments,
            List<DeliveryView> deliveries,
            int revision,
            Long supersededBy) {

        /** The sender sees every delivery, a recipient its own; see {@link DeliveryView#forSender}. */
        static DocumentView of(ExchangeDocument d, List<Delivery> visible, boolean forSender) {
            return new DocumentView(
                    d.getId(),
                    d.getDocumentId(),
                    d.getSenderCode(),
                    d.getSenderName(),
                    d.notation(),
                    d.getCodeNumber(),
                    d.getCodeNotation(),
                    d.getTypeCode(),
                    d.getTypeName(),
                    d.getSubject(),
                    d.getContent(),
                    d.getPromulgationPlace(),
                    d.getPromulgationDate(),
                    d.getSignerCompetence(),
                    d.getSignerPosition(),
                    d.getSignerName(),
                    d.getDueDate(),
                    d.getUrgency().name(),
                    d.getSteeringType(),
                    d.getBusinessType().name(),
                    d.getBusinessReason(),
                    d.getResponseFor(),
                    d.getPayloadSha256(),
                    d.getSignatureStatus().name(),
                    d.getSignerSubject(),
                    d.getWarnings(),
                    d.getSentAt(),
                    d.getRecallRequestedAt(),
                    d.getRecallReason(),
                    d.getAttachments().stream().map(AttachmentView::of).toList(),
                    visible.stream()
                            .map(forSender ? DeliveryView::forSender : DeliveryView::of)
                            .toList(),
                    d.getRevision(),
                    d.getSupersededBy());
        }
    }

    public record InboxItem(
            long id,
            String documentId,
            String from,
            String fromName,
            String notation,
            String subject,
            String urgency,
            String status,
            OffsetDateTime deliveredAt,
            String cursor) {

        static InboxItem of(Delivery d) {
            ExchangeDocument doc = d.getDocument();
            return new InboxItem(
                    doc.getId(),
                    doc.getDocumentId(),
                    doc.getSenderCode(),
                    doc.getSenderName(),
                    doc.notation(),
                    doc.getSubject(),
                    doc.getUrgency().name(),
                    d.getStatus(),
                    d.getDeliveredAt(),
                    Long.toString(d.getInboxSeq()));
        }
    }

    public record InboxPage(List<InboxItem> items, String nextCursor) {}

    /** The inbox's work for the home page: documents waiting to be taken in, and those assigned to the caller. */
    public record InboxCounts(long waiting, long assignedToMe) {}

    /** A sent document with where it stands at each recipient. */
    public record OutboxItem(
            long id,
            String documentId,
            String notation,
            String subject,
            String urgency,
            OffsetDateTime sentAt,
            boolean recallRequested,
            List<DeliveryView> deliveries) {

        static OutboxItem of(ExchangeDocument d) {
            return new OutboxItem(
                    d.getId(),
                    d.getDocumentId(),
                    d.notation(),
                    d.getSubject(),
                    d.getUrgency().name(),
                    d.getSentAt(),
                    d.getRecallRequestedAt() != null,
                    d.getDeliveries().stream().map(DeliveryView::of).toList());
        }
    }

    /**
     * The intranet inbox's filters; any may be null. {@code assignedTo}: a username, to list only
     * what was forwarded to that person.
     */
    public record InboxFilter(
            String status,
            String urgency,
            String sender,
            String text,
            LocalDate from,
            LocalDate to,
            String assignedTo) {}

    /** Someone in the caller's agency a document can be forwarded to, as a leader or a specialist. */
    public record Assignee(String username, String fullName, String role) {}

    public record StatusView(
            String code,
            String reportedBy,
            String description,
            String staffDepartment,
            String staffName,
            String staffEmail,
            String staffMobile,
            String recordedBy,
            OffsetDateTime at) {

        static StatusView of(StatusEntry s) {
            return new StatusView(
                    s.getCode(),
                    s.getReportedBy(),
                    s.getDescription(),
                    s.getStaffDepartment(),
                    s.getStaffName(),
                    s.getStaffEmail(),
                    s.getStaffMobile(),
                    s.getRecordedBy(),
                    s.getRecordedAt());
        }
    }

    public record RecipientTrace(
            String to,
            String toName,
            String status,
            String recallState,
            String arrivalNumber,
            List<StatusView> history) {

        static RecipientTrace of(Delivery d) {
            return new RecipientTrace(
                    d.getRecipientCode(),
                    d.getRecipientName(),
                    d.getStatus() == null ? "sent" : d.getStatus(),
                    d.getRecallState().name(),
                    arrivalNumberOf(d),
                    d.getHistory().stream().map(StatusView::of).toList());
        }
    }

    public record Trace(
            long id,
            String documentId,
            String from,
            String notation,
            OffsetDateTime sentAt,
            List<RecipientTrace> recipients) {}

    /** Documents one agency sent and received in a period. */
    public record AgencyStatistics(String agency, String name, long sent, long received) {}

    /** The outcome of checking the whole hash chain. */
    public record LogVerification(boolean valid, long entries, Long firstBrokenSeq, String problem, String lastHash) {}

    /** A file to hand out: its description and where the store keeps it. */
    public record AttachmentContent(String name, String contentType, long size, String sha256) {}
}
