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

    private Views.InboxCounts inbox;
    private Long reportsToFinish;

    public boolean isHandlesDocuments() {
        return callers.isInRole(Role.CLERK_ROLE)
                || callers.isInRole(Role.SPECIALIST_ROLE)
                || callers.isInRole(Role.LEADER_ROLE);
    }

    public boolean isReports() {
        return callers.isInRole(Role.REPORTER_ROLE);
    }

    /** Documents sent to the agency and not yet taken in (not opened, or opened and not registered). */
    public long getWaiting() {
        return inbox().waiting();
    }

    /** Documents assigned to the person and not yet completed. */
    public long getAssignedToMe() {
        return inbox().assignedToMe();
    }

    /** The agency's reports given back for correction or saved as drafts, still to be sent. */
    public long getReportsToFinish() {
        if (reportsToFinish == null) {
            reportsToFinish = reports.count(List.of("RETURNED", "DRAFT"));
        }
        return reportsToFinish;
    }

    /** Counted in the database, once a request, and only for a person whose role handles documents. */
    private Views.InboxCounts inbox() {
        if (inbox == null) {
            inbox = new Views.InboxCounts(0, 0);
            if (isHandlesDocuments()) {
                try {
                    inbox = exchange.inboxCounts();
                } catch (DomainException refused) {
                    // no agency: nothing waits for this person
                }
            }
        }
        return inbox;
    }
}
