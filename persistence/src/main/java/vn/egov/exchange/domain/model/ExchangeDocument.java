package vn.egov.exchange.domain.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.egov.common.SearchText;

/**
 * Văn bản điện tử — an official document as it travels on the exchange axis: the edXML header's
 * metadata, its attachments (stored content-addressed) and one {@link Delivery} per recipient. The
 * edXML {@code DocumentId} is unique per sender; re-sending it finds this document again.
 */
@Entity
@Table(name = "exchange_document")
public class ExchangeDocument {

    @Id
    @SequenceGenerator(name = "exchange_document_seq", sequenceName = "exchange_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_document_seq")
    private Long id;

    @Column(name = "document_id", nullable = false, length = 100)
    private String documentId;

    @Column(name = "sender_code", nullable = false, length = 20)
    private String senderCode;

    @Column(name = "sender_name", nullable = false, length = 200)
    private String senderName;

    @Column(name = "code_number", nullable = false, length = 50)
    private String codeNumber;

    @Column(name = "code_notation", nullable = false, length = 100)
    private String codeNotation;

    @Column(name = "type_code")
    private Integer typeCode;

    @Column(name = "type_name", nullable = false, length = 100)
    private String typeName;

    @Column(name = "subject", nullable = false, length = 500)
    private String subject;

    @Column(name = "content", length = 4000)
    private String content;

    @Column(name = "promulgation_place", length = 100)
    private String promulgationPlace;

    @Column(name = "promulgation_date", nullable = false)
    private LocalDate promulgationDate;

    @Column(name = "signer_competence", length = 100)
    private String signerCompetence;

    @Column(name = "signer_position", length = 100)
    private String signerPosition;

    @Column(name = "signer_name", length = 50)
    private String signerName;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "urgency", nullable = false, length = 20)
    private Urgency urgency;

    @Column(name = "steering_type")
    private Integer steeringType;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type", nullable = false, length = 20)
    private BusinessType businessType;

    @Column(name = "business_reason", length = 500)
    private String businessReason;

    @Column(name = "response_for", length = 100)
    private String responseFor;

    @Column(name = "search_text", nullable = false, length = 700)
    private String searchText;

    @Column(name = "payload_sha256", nullable = false, length = 64)
    private String payloadSha256;

    /**
     * 0 for a document; 1, 2, … for the orders on it that reuse its DocumentId (BussinessDocType 1
     * revoke, 2 update, 3 replace), in the order they came.
     */
    @Column(name = "revision", nullable = false)
    private int revision;

    /** The id of the revision that updated (2) or replaced (3) this document; null while none has. */
    @Column(name = "superseded_by")
    private Long supersededBy;

    /** The size of the edXML package as sent, kept in the attachment store under {@code payloadSha256}; null for JSON. */
    @Column(name = "package_size")
    private Long packageSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "signature_status", nullable = false, length = 10)
    private SignatureStatus signatureStatus;

    /** The edXML format warnings, codes separated by spaces; null when there are none. */
    @Column(name = "warnings", length = 300)
    private String warnings;

    @Column(name = "signer_subject", length = 300)
    private String signerSubject;

    @Column(name = "sent_by", nullable = false, length = 100)
    private String sentBy;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "recall_requested_at")
    private OffsetDateTime recallRequestedAt;

    @Column(name = "recall_reason", length = 500)
    private String recallReason;

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<ExchangeAttachment> attachments = new ArrayList<>();

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Delivery> deliveries = new ArrayList<>();

    protected ExchangeDocument() {}

    /** The header fields, as parsed and validated from edXML or JSON. */
    public record Header(
            String documentId,
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
            Urgency urgency,
            Integer steeringType,
            BusinessType businessType,
            String businessReason,
            String responseFor) {}

    public ExchangeDocument(
            Header header,
            String senderCode,
            String senderName,
            String payloadSha256,
            SignatureStatus signatureStatus,
            String signerSubject,
            String sentBy,
            OffsetDateTime sentAt) {
        this.signatureStatus = signatureStatus;
        this.signerSubject = signerSubject;
        this.documentId = header.documentId();
        this.codeNumber = header.codeNumber();
        this.codeNotation = header.codeNotation();
        this.typeCode = header.typeCode();
        this.typeName = header.typeName();
        this.subject = header.subject();
        this.content = header.content();
        this.promulgationPlace = header.promulgationPlace();
        this.promulgationDate = header.promulgationDate();
        this.signerCompetence = header.signerCompetence();
        this.signerPosition = header.signerPosition();
        this.signerName = header.signerName();
        this.dueDate = header.dueDate();
        this.urgency = header.urgency();
        this.steeringType = header.steeringType();
        this.businessType = header.businessType();
        this.businessReason = header.businessReason();
        this.responseFor = header.responseFor();
        this.senderCode = senderCode;
        this.senderName = senderName;
        this.payloadSha256 = payloadSha256;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.searchText = truncate(SearchText.fold(notation() + " " + header.subject()), 700);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public ExchangeAttachment addAttachment(
            String contentId, String name, String contentType, long size, String sha256) {
        ExchangeAttachment attachment = new ExchangeAttachment(this, contentId, name, contentType, size, sha256);
        attachments.add(attachment);
        return attachment;
    }

    public Delivery addDelivery(String recipientCode, String recipientName, long inboxSeq) {
        Delivery delivery = new Delivery(this, recipientCode, recipientName, inboxSeq, sentAt);
        deliveries.add(delivery);
        return delivery;
    }

    /** Số, ký hiệu as printed on the document: {@code 7/UBND-VP}. */
    /** The format warnings recorded when the document arrived (codes such as edxml.code-number.nonstandard). */
    /** Makes this document the {@code revision}-th order on an earlier one with the same DocumentId. */
    public void reviseAs(int revision) {
        this.revision = revision;
    }

    public int getRevision() {
        return revision;
    }

    /** Records the revision that updated or replaced this document. */
    public void supersede(long by) {
        this.supersededBy = by;
    }

    public Long getSupersededBy() {
        return supersededBy;
    }

    /** Keeps the edXML package as sent (its bytes are the store's file named by {@code payloadSha256}). */
    public void keepPackage(long size) {
        this.packageSize = size;
    }

    /** The size of the package as sent, or null when the document came as JSON and has none. */
    public Long getPackageSize() {
        return packageSize;
    }

    public java.util.List<String> getWarnings() {
        return warnings == null || warnings.isBlank() ? java.util.List.of() : java.util.List.of(warnings.split(" "));
    }

    public void setWarnings(java.util.List<String> codes) {
        this.warnings = codes == null || codes.isEmpty() ? null : String.join(" ", codes);
    }

    public String notation() {
        return codeNumber + "/" + codeNotation;
    }

    public void requestRecall(String reason, OffsetDateTime at) {
        this.recallRequestedAt = at;
        this.recallReason = reason;
    }

    public Long getId() {
        return id;
    }

    public String getDocumentId() {
        return documentId;
    }

    public String getSenderCode() {
        return senderCode;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getCodeNumber() {
        return codeNumber;
    }

    public String getCodeNotation() {
        return codeNotation;
    }

    public Integer getTypeCode() {
        return typeCode;
    }

    public String getTypeName() {
        return typeName;
    }

    public String getSubject() {
        return subject;
    }

    public String getContent() {
        return content;
    }

    public String getPromulgationPlace() {
        return promulgationPlace;
    }

    public LocalDate getPromulgationDate() {
        return promulgationDate;
    }

    public String getSignerCompetence() {
        return signerCompetence;
    }

    public String getSignerPosition() {
        return signerPosition;
    }

    public String getSignerName() {
        return signerName;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Integer getSteeringType() {
        return steeringType;
    }

    public BusinessType getBusinessType() {
        return businessType;
    }

    public String getBusinessReason() {
        return businessReason;
    }

    public String getResponseFor() {
        return responseFor;
    }

    public String getPayloadSha256() {
        return payloadSha256;
    }

    public SignatureStatus getSignatureStatus() {
        return signatureStatus;
    }

    public String getSignerSubject() {
        return signerSubject;
    }

    public String getSentBy() {
        return sentBy;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getRecallRequestedAt() {
        return recallRequestedAt;
    }

    public String getRecallReason() {
        return recallReason;
    }

    public List<ExchangeAttachment> getAttachments() {
        return attachments;
    }

    public List<Delivery> getDeliveries() {
        return deliveries;
    }
}
