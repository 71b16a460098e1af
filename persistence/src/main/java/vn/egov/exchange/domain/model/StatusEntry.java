package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One status message about one delivery (thông điệp trạng thái), kept for ever: the trace is made of these. */
@Entity
@Table(name = "exchange_status")
public class StatusEntry {

    /** What the status message says besides its code: a note and who handled it (StaffInfo). */
    public record Details(
            String description,
            String recordedBy,
            String staffDepartment,
            String staffName,
            String staffEmail,
            String staffMobile) {}

    @Id
    @SequenceGenerator(name = "exchange_status_seq", sequenceName = "exchange_status_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_status_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    private Delivery delivery;

    @Column(name = "code", nullable = false, length = 2)
    private String code;

    @Column(name = "reported_by", nullable = false, length = 20)
    private String reportedBy;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "staff_department", length = 200)
    private String staffDepartment;

    @Column(name = "staff_name", length = 100)
    private String staffName;

    @Column(name = "staff_email", length = 100)
    private String staffEmail;

    @Column(name = "staff_mobile", length = 30)
    private String staffMobile;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    /**
     * The agency this status change is announced to as a status message: the document's sender for a
     * recipient's status, the recipient for the sender's take-back request (13).
     */
    @Column(name = "notice_to", length = 20)
    private String noticeTo;

    /** Whether that agency's system took the status message: null or {@code fail}/{@code processing}: waiting; {@code done}. */
    @Column(name = "notice_state", length = 10)
    private String noticeState;

    protected StatusEntry() {}

    StatusEntry(Delivery delivery, String code, String reportedBy, Details details, OffsetDateTime recordedAt) {
        this.delivery = delivery;
        this.code = code;
        this.reportedBy = reportedBy;
        this.description = details.description();
        this.staffDepartment = details.staffDepartment();
        this.staffName = details.staffName();
        this.staffEmail = details.staffEmail();
        this.staffMobile = details.staffMobile();
        this.recordedBy = details.recordedBy();
        this.recordedAt = recordedAt;
        this.noticeTo = reportedBy.equals(delivery.getRecipientCode())
                ? delivery.getDocument().getSenderCode()
                : delivery.getRecipientCode();
        this.noticeState = NOTICE_WAITING;
    }

    /** The notice state of a status message no system has taken yet. */
    public static final String NOTICE_WAITING = "waiting";

    public String getNoticeTo() {
        return noticeTo;
    }

    public String getNoticeState() {
        return noticeState;
    }

    /** The receiving system's transport acknowledgement of this status message. */
    public void acknowledgeNotice(String state) {
        this.noticeState = state;
    }

    public Long getId() {
        return id;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public String getCode() {
        return code;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public String getDescription() {
        return description;
    }

    public String getStaffDepartment() {
        return staffDepartment;
    }

    public String getStaffName() {
        return staffName;
    }

    public String getStaffEmail() {
        return staffEmail;
    }

    public String getStaffMobile() {
        return staffMobile;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
