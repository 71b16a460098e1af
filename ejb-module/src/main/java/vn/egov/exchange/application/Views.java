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

    private Views() {
    }

    /** The answer to a send: the platform's id, the edXML id and one line per recipient. */
    public record Receipt(long id, String documentId, boolean duplicate, List<DeliveryView> deliveries) {
    }

    public record DeliveryView(String to, String toName, String status, String recallState, OffsetDateTime deliveredAt,
            OffsetDateTime arrivedAt, OffsetDateTime updatedAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.getRecipientCode(), d.getRecipientName(),
                    d.getStatus() == null ? "sent" : d.getStatus(), d.getRecallState().name(), d.getDeliveredAt(),
                    d.getArrivedAt(), d.getUpdatedAt());
        }
    }

    public record AttachmentView(String contentId, String name, String contentType, long size, String sha256) {

        static AttachmentView of(ExchangeAttachment a) {
            return new AttachmentView(a.getContentId(), a.getName(), a.getContentType(), a.getSize(), a.getSha256());
        }
    }

    public record DocumentView(long id, String documentId, String from, String fromName, String notation,
            String codeNumber, String codeNotation, Integer typeCode, String typeName, String subject, String content,
            String promulgationPlace, LocalDate promulgationDate, String signerCompetence, String signerPosition,
            String signerName, LocalDate dueDate, String urgency, Integer steeringType, String businessType,
            String businessReason, String responseFor, String payloadSha256, OffsetDateTime sentAt,
            OffsetDateTime recallRequestedAt, String recallReason, List<AttachmentView> attachments,
            List<DeliveryView> deliveries) {

        static DocumentView of(ExchangeDocument d, List<Delivery> visible) {
            return new DocumentView(d.getId(), d.getDocumentId(), d.getSenderCode(), d.getSenderName(), d.notation(),
                    d.getCodeNumber(), d.getCodeNotation(), d.getTypeCode(), d.getTypeName(), d.getSubject(),
                    d.getContent(), d.getPromulgationPlace(), d.getPromulgationDate(), d.getSignerCompetence(),
                    d.getSignerPosition(), d.getSignerName(), d.getDueDate(), d.getUrgency().name(),
                    d.getSteeringType(), d.getBusinessType().name(), d.getBusinessReason(), d.getResponseFor(),
                    d.getPayloadSha256(), d.getSentAt(), d.getRecallRequestedAt(), d.getRecallReason(),
                    d.getAttachments().stream().map(AttachmentView::of).toList(),
                    visible.stream().map(DeliveryView::of).toList());
        }
    }

    public record InboxItem(long id, String documentId, String from, String fromName, String notation, String subject,
            String urgency, String status, OffsetDateTime deliveredAt, String cursor) {

        static InboxItem of(Delivery d) {
            ExchangeDocument doc = d.getDocument();
            return new InboxItem(doc.getId(), doc.getDocumentId(), doc.getSenderCode(), doc.getSenderName(),
                    doc.notation(), doc.getSubject(), doc.getUrgency().name(), d.getStatus(), d.getDeliveredAt(),
                    Long.toString(d.getInboxSeq()));
        }
    }

    public record InboxPage(List<InboxItem> items, String nextCursor) {
    }

    public record StatusView(String code, String reportedBy, String description, String staffDepartment,
            String staffName, String staffEmail, String staffMobile, String recordedBy, OffsetDateTime at) {

        static StatusView of(StatusEntry s) {
            return new StatusView(s.getCode(), s.getReportedBy(), s.getDescription(), s.getStaffDepartment(),
                    s.getStaffName(), s.getStaffEmail(), s.getStaffMobile(), s.getRecordedBy(), s.getRecordedAt());
        }
    }

    public record RecipientTrace(String to, String toName, String status, String recallState,
            List<StatusView> history) {

        static RecipientTrace of(Delivery d) {
            return new RecipientTrace(d.getRecipientCode(), d.getRecipientName(),
                    d.getStatus() == null ? "sent" : d.getStatus(), d.getRecallState().name(),
                    d.getHistory().stream().map(StatusView::of).toList());
        }
    }

    public record Trace(long id, String documentId, String from, String notation, OffsetDateTime sentAt,
            List<RecipientTrace> recipients) {
    }

    /** The outcome of checking the whole hash chain. */
    public record LogVerification(boolean valid, long entries, Long firstBrokenSeq, String problem, String lastHash) {
    }

    /** A file to hand out: its description and where the store keeps it. */
    public record AttachmentContent(String name, String contentType, long size, String sha256) {
    }
}
