package vn.egov.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.common.interfaces.web.Money;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.PaymentViews;
import vn.egov.portal.application.PortalDossiers;
import vn.egov.portal.application.PortalPayments;

/**
 * The one-stop officer's intranet pages ({@code /onestop/dossiers.xhtml}, {@code /onestop/dossier.xhtml?code=}):
 * the dossiers addressed to the officer's agency, and one dossier with its timeline, files and the actions its
 * status allows — the same service the officers' API calls — with what the dossier owes, its online payments and
 * their receipts, and the refunds the officer records.
 */
@Named
@ViewScoped
public class OneStopBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private PortalDossiers dossiers;

    @Inject
    private PortalPayments payments;

    private Integer status;
    private List<DossierViews.DossierSummary> list;
    private String code;
    private DossierViews.DossierDetail dossier;
    private boolean missing;
    private String content;
    private PaymentViews.Bill bill;
    private String refundReason;

    /** The list page's viewAction. */
    public void loadList() {
        try {
            list = dossiers.agencyDossiers(status);
        } catch (DomainException e) {
            list = List.of();
            FacesMessages.pageRefusal(e);
        }
    }

    public void filter() {
        loadList();
    }

    /** The dossier page's viewAction, once the code parameter is set. */
    public void load() {
        if (code == null || code.isBlank()) {
            missing = true;
            return;
        }
        try {
            dossier = dossiers.forOfficer(code);
            bill = payments.forOfficer(code);
        } catch (DomainException e) {
            missing = true;
            FacesMessages.pageRefusal(e);
        }
    }

    /**
     * Records that the payment {@code reference} of this dossier was refunded to the citizen, with the reason typed;
     * a payment not paid, or no reason, is refused with the service's message.
     */
    public void refund(String reference) {
        try {
            bill = payments.refund(code, reference, refundReason);
            refundReason = null;
            FacesMessages.info("onestop.payment.refunded");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    /** An amount in đồng as Vietnam writes it (8.000 đ), whatever the page's language. */
    public String money(long amount) {
        return Money.dong(amount);
    }

    /** Moves the dossier to {@code target} with the note typed, along the national transitions. */
    public void move(int target) {
        try {
            dossier = dossiers.record(code, new DossierViews.OfficerAction(target, content, null));
            content = null;
            FacesMessages.info("onestop.done");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    /** Records a step without changing the status. */
    public void note() {
        try {
            dossier = dossiers.record(code, new DossierViews.OfficerAction(null, content, null));
            content = null;
            FacesMessages.info("onestop.done");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public void requestSupplement() {
        try {
            dossier = dossiers.requestSupplement(code, content);
            content = null;
            FacesMessages.info("onestop.done");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    /** Whether the dossier may move to {@code target} now (the buttons shown). */
    public boolean can(int target) {
        return dossier != null && dossier.nextStatuses().contains(target);
    }

    /** The national statuses 1–10, for the list's filter. */
    public List<Integer> getStatuses() {
        return java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList();
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public List<DossierViews.DossierSummary> getList() {
        return list;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public DossierViews.DossierDetail getDossier() {
        return dossier;
    }

    public boolean isMissing() {
        return missing;
    }

    public PaymentViews.Bill getBill() {
        return bill;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
