package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.OpinionBallots;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/** One opinion ballot: the question and documents, the member's signed answer, the result once closed. */
@Named
@ViewScoped
public class BallotBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private OpinionBallots ballots;

    @Inject
    private vn.egov.common.application.CallerContext callers;

    private Long id;
    private CabinetViews.BallotDetail ballot;
    private boolean missing;
    private String option = "AGREE";
    private String text;
    private String pin;
    private String reason;

    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            ballot = ballots.ballot(id);
        } catch (DomainException e) {
            missing = true;
            FacesMessages.pageRefusal(e);
        }
    }

    public void answer() {
        try {
            ballots.answer(id, new CabinetViews.SignedRequest(option, text, null, null, pin));
            FacesMessages.info("cabinet.ballot.answered");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        pin = null;
        load();
    }

    public void closeEarly() {
        try {
            ballots.closeEarly(id, reason);
            FacesMessages.info("cabinet.ballot.closedEarly");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    /** A member asked who has not answered yet and the ballot still runs. */
    /** Only a Government member answers: the secretariat follows the answers, it is not shown a form it cannot use. */
    public boolean isAnswerable() {
        return ballot != null
                && "OPEN".equals(ballot.status())
                && ballot.myAnswer() == null
                && callers.isInRole(vn.egov.directory.domain.model.Role.CABINET_MEMBER_ROLE);
    }

    public java.util.Collection<String> getOptions() {
        return OpinionBallots.OPTIONS.keySet();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CabinetViews.BallotDetail getBallot() {
        return ballot;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getOption() {
        return option;
    }

    public void setOption(String option) {
        this.option = option;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
