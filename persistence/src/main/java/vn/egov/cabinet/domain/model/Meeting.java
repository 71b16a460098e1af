package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import vn.egov.common.DomainException;

/**
 * Phiên họp Chính phủ: a session or conference with its chair, status and live state (the item
 * under discussion). {@code revision} grows with every change of the live state, so clients can
 * tell an older snapshot from a newer one.
 */
@Entity
@Table(name = "cabinet_meeting")
public class Meeting {

    @Id
    @SequenceGenerator(name = "cabinet_seq", sequenceName = "cabinet_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private MeetingKind kind;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "place", length = 200)
    private String place;

    @Column(name = "online", nullable = false)
    private boolean online;

    @Column(name = "chair", nullable = false, length = 64)
    private String chair;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private MeetingStatus status = MeetingStatus.DRAFT;

    @Column(name = "current_item_id")
    private Long currentItemId;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "revision", nullable = false)
    private long revision;

    protected Meeting() {}

    public Meeting(
            MeetingKind kind,
            String title,
            OffsetDateTime startsAt,
            String place,
            boolean online,
            String chair,
            String createdBy,
            OffsetDateTime now) {
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.place = place;
        this.online = online;
        this.chair = chair;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Moves the meeting one step on (draft → convened → in progress → closed); anything else is refused. */
    public void advance(MeetingStatus next, OffsetDateTime now) {
        if (!next.mayFollow(status)) {
            throw DomainException.conflict(
                    "cabinet.meeting.transition", "a meeting that is " + status + " cannot become " + next);
        }
        status = next;
        if (next == MeetingStatus.IN_PROGRESS) {
            startedAt = now;
        } else if (next == MeetingStatus.CLOSED) {
            closedAt = now;
            currentItemId = null;
        }
        touch();
    }

    /**
     * Refuses (409) unless the meeting is in the expected status. Each status has its own code, written out so that
     * the code's texts can be checked from the sources (ErrorCodeTextsTest).
     */
    public void requireStatus(MeetingStatus expected, String what) {
        if (status != expected) {
            String code = switch (expected) {
                case DRAFT -> "cabinet.meeting.not-draft";
                case CONVENED -> "cabinet.meeting.not-convened";
                case IN_PROGRESS -> "cabinet.meeting.not-in-progress";
                case CLOSED -> "cabinet.meeting.not-closed";
            };
            throw DomainException.conflict(code, what + " needs the meeting to be " + expected + ", it is " + status);
        }
    }

    public void setCurrentItemId(Long itemId) {
        this.currentItemId = itemId;
        touch();
    }

    /** Marks a change of the live state. */
    public void touch() {
        revision++;
    }

    public Long getId() {
        return id;
    }

    public MeetingKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public String getPlace() {
        return place;
    }

    public boolean isOnline() {
        return online;
    }

    public String getChair() {
        return chair;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public Long getCurrentItemId() {
        return currentItemId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public long getRevision() {
        return revision;
    }
}
