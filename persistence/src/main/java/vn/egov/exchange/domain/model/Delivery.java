package vn.egov.exchange.domain.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.egov.common.DomainException;

/**
 * One recipient's copy of a document: its place in that agency's inbox, the business status the
 * recipient reported last and the whole history of statuses, both ways.
 */
@Entity
@Table(name = "exchange_delivery")
public class Delivery {

    @Id
    @SequenceGenerator(name = "exchange_delivery_seq", sequenceName = "exchange_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_delivery_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_pk")
    private ExchangeDocument document;

    @Column(name = "recipient_code", nullable = false, length = 20)
    private String recipientCode;

    @Column(name = "recipient_name", nullable = false, length = 200)
    private String recipientName;

    @Column(name = "inbox_seq", nullable = false)
    private long inboxSeq;

    /** The last business status code the recipient reported; null until the document is fetched. */
    @Column(name = "status", length = 2)
    private String status;

    @Enumerated(EnumType.STRING)
    @Column(name = "recall_state", nullable = false, length = 10)
    private RecallState recallState;

    @Column(name = "delivered_at", nullable = false)
    private OffsetDateTime deliveredAt;

    @Column(name = "arrived_at")
    private OffsetDateTime arrivedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Số đến: the number in the recipient's incoming register, given when it registers the document (03). */
    @Column(name = "arrival_year")
    private Integer arrivalYear;

    @Column(name = "arrival_number")
    private Integer arrivalNumber;

    /** The username of the person in the recipient agency the document was last forwarded to (04). */
    @Column(name = "assignee", length = 64)
    private String assignee;

    /**
     * The recipient system's transport acknowledgement through {@code /vxp updateStatus} ({@code done},
     * {@code fail}, {@code processing}); null until it says anything. Not a business status: {@code done}
     * also records 01, {@code fail} leaves the document waiting for the operator to see.
     */
    @Column(name = "transport_state", length = 10)
    private String transportState;

    @Column(name = "transport_at")
    private OffsetDateTime transportAt;

    @OneToMany(mappedBy = "delivery", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<StatusEntry> history = new ArrayList<>();

    protected Delivery() {}

    Delivery(
            ExchangeDocument document,
            String recipientCode,
            String recipientName,
            long inboxSeq,
            OffsetDateTime deliveredAt) {
        this.document = document;
        this.recipientCode = recipientCode;
        this.recipientName = recipientName;
        this.inboxSeq = inboxSeq;
        this.recallState = RecallState.NONE;
        this.deliveredAt = deliveredAt;
        this.updatedAt = deliveredAt;
    }

    public DeliveryStatus currentStatus() {
        return status == null ? null : DeliveryStatus.ofCode(status).orElseThrow();
    }

    /** Whether the document is still in the recipient's working lists (not taken back by agreement). */
    public boolean isWithdrawn() {
        return recallState == RecallState.AGREED;
    }

    /**
     * Applies a status the recipient reports, or refuses it with the reason; returns the history
     * entry to keep. Reporting 01 again changes nothing and returns null.
     */
    public StatusEntry report(DeliveryStatus reported, StatusEntry.Details details, OffsetDateTime at) {
        switch (reported) {
            case RECALL_AGREED, RECALL_REFUSED -> {
                if (recallState != RecallState.PENDING) {
                    throw DomainException.conflict(
                            "exchange.recall.not-pending",
                            "status " + reported.code() + " answers a take-back request, and none is pending");
                }
                recallState = reported == DeliveryStatus.RECALL_AGREED ? RecallState.AGREED : RecallState.REFUSED;
            }
            case RECALL_REQUESTED ->
                throw DomainException.invalid(
                        "exchange.status.sender-only",
                        "status 13 is the sender's take-back request: use the recall call");
            default -> {
                if (recallState == RecallState.AGREED) {
                    throw DomainException.conflict(
                            "exchange.document.withdrawn",
                            "the document was taken back by its sender with this agency's agreement");
                }
                if (reported == DeliveryStatus.ARRIVED && status != null) {
                    return null;
                }
                if (!reported.mayFollow(currentStatus())) {
                    throw DomainException.conflict(
                            "exchange.status.transition",
                            "status " + reported.code() + " cannot follow "
                                    + (status == null ? "a document not yet fetched" : "status " + status));
                }
                if (reported == DeliveryStatus.REFUSED
                        && (details.description() == null
                                || details.description().isBlank())) {
                    throw DomainException.invalid(
                            "exchange.status.reason-required",
                            "refusing a document (02) needs the reason in 'description'");
                }
                status = reported.code();
                if (reported == DeliveryStatus.ARRIVED) {
                    arrivedAt = at;
                }
            }
        }
        updatedAt = at;
        StatusEntry entry = new StatusEntry(this, reported.code(), recipientCode, details, at);
        history.add(entry);
        return entry;
    }

    /** The sender's take-back request (13); refused once the recipient has completed or refused it. */
    public StatusEntry requestRecall(String senderCode, StatusEntry.Details details, OffsetDateTime at) {
        DeliveryStatus current = currentStatus();
        if (current != null && current.isFinal()) {
            return null;
        }
        if (recallState == RecallState.PENDING || recallState == RecallState.AGREED) {
            return null;
        }
        recallState = RecallState.PENDING;
        updatedAt = at;
        StatusEntry entry = new StatusEntry(this, DeliveryStatus.RECALL_REQUESTED.code(), senderCode, details, at);
        history.add(entry);
        return entry;
    }

    /** Records the arrival number given by the incoming register; once. */
    public void register(int year, int number) {
        if (arrivalNumber == null) {
            arrivalYear = year;
            arrivalNumber = number;
        }
    }

    public Integer getArrivalYear() {
        return arrivalYear;
    }

    public Integer getArrivalNumber() {
        return arrivalNumber;
    }

    public Long getId() {
        return id;
    }

    public ExchangeDocument getDocument() {
        return document;
    }

    public String getRecipientCode() {
        return recipientCode;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public long getInboxSeq() {
        return inboxSeq;
    }

    public String getStatus() {
        return status;
    }

    public RecallState getRecallState() {
        return recallState;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime getArrivedAt() {
        return arrivedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public List<StatusEntry> getHistory() {
        return history;
    }

    public String getAssignee() {
        return assignee;
    }

    /** Records who the document is with now; the status entry (04) records the forwarding itself. */
    public void assignTo(String username) {
        this.assignee = username;
    }

    public String getTransportState() {
        return transportState;
    }

    public OffsetDateTime getTransportAt() {
        return transportAt;
    }

    /** Records the recipient system's transport acknowledgement ({@code done}, {@code fail}, {@code processing}). */
    public void acknowledgeTransport(String state, OffsetDateTime at) {
        this.transportState = state;
        this.transportAt = at;
    }
}
