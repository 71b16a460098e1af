package vn.egov.cabinet.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.OpinionBallots;

/** The home page's reminder for a Government member: the open ballots still waiting for their answer. */
@Named
@RequestScoped
public class CabinetHomeBean {

    @Inject
    private OpinionBallots ballots;

    private List<CabinetViews.BallotSummary> pending;

    public List<CabinetViews.BallotSummary> getPending() {
        if (pending == null) {
            pending = ballots.ballots().stream()
                    .filter(b -> "OPEN".equals(b.status()) && b.myAnswer() == null)
                    .toList();
        }
        return pending;
    }
}
