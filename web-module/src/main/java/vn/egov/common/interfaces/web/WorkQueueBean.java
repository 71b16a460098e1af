package vn.egov.common.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;
import vn.egov.reporting.application.ReportSubmissions;

/**
 * The home page as the person's work queue (issue 14): how many documents wait to be taken in, how many are assigned
 * to them and not yet done, how many of their agency's reports were given back or are still drafts. Each count is
 * asked only of a person whose role has that work, through the services that guard it; the opinion ballots waiting
 * for a member come from the cabinet's own home bean.
 */
@Named
@RequestScoped
public class WorkQueueBean {

    @Inject
    private CallerContext callers;

    @Inject
    private ExchangeService exchange;

    @Inject
    private ReportSubmissions reports;

    private Integer waiting;
    private Integer assignedToMe;
    private Integer reportsToFinish;

    public boolean isHandlesDocuments() {
        return callers.isInRole(Role.CLERK_ROLE)
                || callers.isInRole(Role.SPECIALIST_ROLE)
                || callers.isInRole(Role.LEADER_ROLE);
    }

    public boolean isReports() {
        return callers.isInRole(Role.REPORTER_ROLE);
    }

    /** Documents sent to the agency and not yet taken in (not fetched, or arrived and not registered). */
    public int getWaiting() {
        if (waiting == null) {
            waiting = inbox("sent", null).size() + inbox("01", null).size();
        }
        return waiting;
    }

    /** Documents assigned to the person and not yet completed. */
    public int getAssignedToMe() {
        if (assignedToMe == null) {
            assignedToMe = (int) inbox(null, callers.current().name()).stream()
                    .filter(d -> !"06".equals(d.status()))
                    .count();
        }
        return assignedToMe;
    }

    /** The agency's reports given back for correction or saved as drafts, still to be sent. */
    public int getReportsToFinish() {
        if (reportsToFinish == null) {
            reportsToFinish = reports.reports("RETURNED", 5000).size()
                    + reports.reports("DRAFT", 5000).size();
        }
        return reportsToFinish;
    }

    private List<Views.InboxItem> inbox(String status, String assignee) {
        if (!isHandlesDocuments()) {
            return List.of();
        }
        try {
            return exchange.inboxView(new Views.InboxFilter(status, null, null, null, null, null, assignee));
        } catch (DomainException refused) {
            return List.of();
        }
    }
}
