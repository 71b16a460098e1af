package vn.egov.reporting.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.reporting.application.ReportSubmissions;
import vn.egov.reporting.application.ReportingViews;

/** Reports as the caller follows them: the receiving body reviews submitted ones; agencies see their own and below. */
@Named
@ViewScoped
public class ReviewBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private ReportSubmissions submissions;

    private String status = "SUBMITTED";
    private List<ReportingViews.ReportView> reports;
    private String reason;

    public List<ReportingViews.ReportView> getReports() {
        if (reports == null) {
            try {
                reports = submissions.reports(status, 200);
            } catch (DomainException e) {
                reports = List.of();
                FacesMessages.refusal(e);
            }
        }
        return reports;
    }

    public void filter() {
        reports = null;
    }

    public void approve(long id) {
        review(id, true);
    }

    public void giveBack(long id) {
        review(id, false);
    }

    private void review(long id, boolean approve) {
        try {
            submissions.review(id, approve, reason);
            reason = null;
            FacesMessages.info(approve ? "reporting.approved" : "reporting.returned");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        reports = null;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
