package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One member's place on an opinion ballot: empty until they answer, then their signed answer, once. */
@Entity
@Table(name = "cabinet_opinion_answer")
public class OpinionAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "ballot_id", nullable = false)
    private Long ballotId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "option_code", length = 10)
    private String optionCode;

    @Column(name = "text", length = 4000)
    private String text;

    @Embedded
    private SignedStatement signed;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    protected OpinionAnswer() {}

    public OpinionAnswer(Long ballotId, String username, String fullName, String agencyCode) {
        this.ballotId = ballotId;
        this.username = username;
        this.fullName = fullName;
        this.agencyCode = agencyCode;
    }

    public void answer(SignedChoice choice, String text, OffsetDateTime now) {
        this.optionCode = choice.option();
        this.text = text;
        this.signed = new SignedStatement(choice);
        this.answeredAt = now;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getBallotId() {
        return ballotId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getOptionCode() {
        return optionCode;
    }

    public String getText() {
        return text;
    }

    /** The signed statement; null until the member answers. */
    public SignedStatement getSigned() {
        return signed;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }
}
