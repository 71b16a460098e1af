package vn.egov.exchange.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.StatusReport;
import vn.egov.exchange.application.Views;

/**
 * One document: its metadata, attachments, signature and trace; for a recipient the status steps
 * (register, refuse, assign, in progress, completed, answer a take-back), for the sender the recall.
 */
@Named
@ViewScoped
public class DocumentBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private ExchangeService exchange;

    @Inject
    private CallerContext callers;

    private Long id;
    private Views.DocumentView document;
    private Views.Trace trace;
    private String note;
    private boolean missing;
    private String assignee;
    private List<Views.Assignee> assignees;

    /** Called by the page's viewAction, once the id parameter is set. */
    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            document = exchange.document(id);
            trace = exchange.trace(id);
        } catch (DomainException e) {
            missing = true;
            FacesMessages.pageRefusal(e);
        }
    }

    public boolean isSender() {
        return document != null && document.from().equals(callers.current().agencyCode());
    }

    /** The caller's own delivery, when the caller is a recipient. */
    public Views.DeliveryView getMine() {
        if (document == null || isSender()) {
            return null;
        }
        return document.deliveries().isEmpty() ? null : document.deliveries().get(0);
    }

    public void report(String code) {
        try {
            exchange.reportStatus(
                    id,
                    new StatusReport(
                            code,
                            note == null || note.isBlank() ? null : note,
                            null,
                            callers.current().displayName(),
                            null,
                            null));
            note = null;
            FacesMessages.info("exchange.status.recorded");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    /** Chuyển xử lý: forwards the document to a leader or specialist of the agency (04). */
    public void assign() {
        try {
            exchange.assign(id, assignee, note);
            note = null;
            assignee = null;
            FacesMessages.info("exchange.assign.done");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    /** Who the document can be forwarded to; read once per view. */
    public List<Views.Assignee> getAssignees() {
        if (assignees == null) {
            assignees = callers.isInRole("CLERK") || callers.isInRole("LEADER") ? exchange.assignees() : List.of();
        }
        return assignees;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public void recall() {
        try {
            exchange.recall(id, note);
            note = null;
            FacesMessages.info("exchange.recall.requested");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    /**
     * A step's note as the person reads it: the transport's own notes of how a document arrived (recorded in
     * English for the log's other readers) in the person's language; what a person typed, as typed.
     */
    public String historyNote(String recorded) {
        if (recorded == null) {
            return "";
        }
        if (recorded.startsWith("fetched by ")) {
            return FacesMessages.text("exchange.history.fetched");
        }
        if (recorded.startsWith("taken by system ")) {
            return FacesMessages.text("exchange.history.taken");
        }
        if (recorded.equals("pushed to the agency's webhook")) {
            return FacesMessages.text("exchange.history.pushed");
        }
        return recorded;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Views.DocumentView getDocument() {
        return document;
    }

    public Views.Trace getTrace() {
        return trace;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
