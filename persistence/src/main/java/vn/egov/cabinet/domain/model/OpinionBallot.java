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

/**
 * Phiếu lấy ý kiến thành viên Chính phủ: a question put to every member between sessions, answered
 * until its deadline. It closes at the deadline, or earlier only by the secretary with a reason.
 */
@Entity
@Table(name = "cabinet_opinion_ballot")
public class OpinionBallot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "question", nullable = false, length = 1000)
    private String question;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "deadline", nullable = false)
    private OffsetDateTime deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private BallotStatus status = BallotStatus.OPEN;

    @Column(name = "issued_by", nullable = false, length = 64)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "close_reason", length = 1000)
    private String closeReason;

    @Column(name = "reminded_at")
    private OffsetDateTime remindedAt;

    protected OpinionBallot() {}

    public OpinionBallot(
            String question, String description, OffsetDateTime deadline, String issuedBy, OffsetDateTime now) {
        this.question = question;
        this.description = description;
        this.deadline = deadline;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    /** Open for answers: not closed early and the deadline not passed. */
    public boolean isOpenAt(OffsetDateTime now) {
        return status == BallotStatus.OPEN && now.isBefore(deadline);
    }

    public void closeEarly(String reason, OffsetDateTime now) {
        status = BallotStatus.CLOSED;
        closedAt = now;
        closeReason = reason;
    }

    public void reminded(OffsetDateTime now) {
        remindedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getQuestion() {
        return question;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getDeadline() {
        return deadline;
    }

    public BallotStatus getStatus() {
        return status;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public OffsetDateTime getIssuedAt() {
        return issuedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public OffsetDateTime getRemindedAt() {
        return remindedAt;
    }
}
