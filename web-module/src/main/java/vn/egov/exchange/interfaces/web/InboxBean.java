package vn.egov.exchange.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;

/** Văn bản đến — the clerk's inbox: documents delivered to the agency, filtered and searched. */
@Named
@ViewScoped
public class InboxBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private ExchangeService exchange;

    @Inject
    private CallerContext callers;

    private String status;
    private String urgency;
    private String sender;
    private String text;
    private LocalDate from;
    private LocalDate to;
    /** Only what was forwarded to the signed-in person (their own handling list). */
    private boolean assignedToMe;

    private List<Views.InboxItem> items = List.of();

    @PostConstruct
    void init() {
        // Leaders and specialists handle what is forwarded to them; clerks see the whole agency's inbox.
        assignedToMe = !callers.isInRole("CLERK");
        search();
    }

    public void search() {
        try {
            items = exchange.inboxView(new Views.InboxFilter(
                    status,
                    urgency,
                    sender,
                    text,
                    from,
                    to,
                    assignedToMe ? callers.current().name() : null));
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            items = List.of();
        }
    }

    /**
     * The bundle key of a delivery's status as its recipient says it: a document not yet opened is
     * new ("Mới đến"), one opened but not yet registered is "Đã mở, chưa vào sổ"; the sender's words
     * ("Đã gửi, chưa nhận", "Đã đến") are for the sender's trace, not for the inbox (issue 14).
     */
    public String statusKey(String status) {
        // EL hands a null status over as "" (it coerces null to an empty String)
        if (status == null || status.isBlank()) {
            return "exchange.inbox.status.new";
        }
        return "01".equals(status) ? "exchange.inbox.status.01" : "exchange.status." + status;
    }

    public List<Views.InboxItem> getItems() {
        return items;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public boolean isAssignedToMe() {
        return assignedToMe;
    }

    public void setAssignedToMe(boolean assignedToMe) {
        this.assignedToMe = assignedToMe;
    }
}
