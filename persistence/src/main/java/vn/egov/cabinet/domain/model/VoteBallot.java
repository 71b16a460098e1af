package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One member's signed choice in a vote. A changed vote is a new row; the earlier one stays,
 * no longer counted, so every change is on record with its own signature.
 */
@Entity
@Table(name = "cabinet_vote_ballot")
public class VoteBallot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "vote_id", nullable = false)
    private Long voteId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "option_code", nullable = false, length = 40)
    private String optionCode;

    @Embedded
    private SignedStatement signed;

    @Column(name = "counted", nullable = false)
    private boolean counted = true;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "superseded_at")
    private OffsetDateTime supersededAt;

    protected VoteBallot() {}

    public VoteBallot(Long voteId, String username, String fullName, SignedChoice choice, OffsetDateTime now) {
        this.voteId = voteId;
        this.username = username;
        this.fullName = fullName;
        this.optionCode = choice.option();
        this.signed = new SignedStatement(choice);
        this.recordedAt = now;
    }

    public void supersede(OffsetDateTime now) {
        counted = false;
        supersededAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getVoteId() {
        return voteId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getOptionCode() {
        return optionCode;
    }

    /** The signed statement; never null for a ballot. */
    public SignedStatement getSigned() {
        return signed;
    }

    public boolean isCounted() {
        return counted;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public OffsetDateTime getSupersededAt() {
        return supersededAt;
    }
}
