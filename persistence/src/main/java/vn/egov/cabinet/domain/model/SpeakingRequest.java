package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Đăng ký phát biểu: a member asks for the floor on the current item; the chair gives and ends it. */
@Entity
@Table(name = "cabinet_speaking_request")
public class SpeakingRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private SpeakingStatus status = SpeakingStatus.WAITING;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "seconds_allowed")
    private Integer secondsAllowed;

    protected SpeakingRequest() {}

    public SpeakingRequest(Long meetingId, Long itemId, String username, String fullName, OffsetDateTime now) {
        this.meetingId = meetingId;
        this.itemId = itemId;
        this.username = username;
        this.fullName = fullName;
        this.requestedAt = now;
    }

    public void giveFloor(int seconds, OffsetDateTime now) {
        status = SpeakingStatus.SPEAKING;
        startedAt = now;
        secondsAllowed = seconds;
    }

    public void end(OffsetDateTime now) {
        status = SpeakingStatus.DONE;
        endedAt = now;
    }

    public void withdraw(OffsetDateTime now) {
        status = SpeakingStatus.WITHDRAWN;
        endedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public SpeakingStatus getStatus() {
        return status;
    }

    public OffsetDateTime getRequestedAt() {
        return requestedAt;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getEndedAt() {
        return endedAt;
    }

    public Integer getSecondsAllowed() {
        return secondsAllowed;
    }
}
