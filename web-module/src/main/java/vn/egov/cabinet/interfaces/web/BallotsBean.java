package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.OpinionBallots;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/** A member's opinion ballots (the secretariat: all), and the secretariat's form to issue one. */
@Named
@ViewScoped
public class BallotsBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    private OpinionBallots ballots;

    private List<CabinetViews.BallotSummary> list;
    private String question;
    private String description;
    private LocalDateTime deadline;

    public List<CabinetViews.BallotSummary> getBallots() {
        if (list == null) {
            try {
                list = ballots.ballots();
            } catch (DomainException e) {
                list = List.of();
                FacesMessages.refusal(e);
            }
        }
        return list;
    }

    public String issue() {
        if (deadline == null) {
            FacesMessages.fieldError("issue:deadline", "cabinet.deadline.required");
            return null;
        }
        try {
            long id = ballots.issue(
                    question, description, deadline.atZone(VIETNAM).toOffsetDateTime(), List.of());
            return "/cabinet/ballot?faces-redirect=true&id=" + id;
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            return null;
        }
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDateTime deadline) {
        this.deadline = deadline;
    }
}
