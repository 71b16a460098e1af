package vn.egov.portal.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Money;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.PaymentViews;
import vn.egov.portal.application.PortalDossiers;
import vn.egov.portal.application.PortalPayments;
import vn.egov.portal.application.ProcedureCatalogue;
import vn.egov.portal.application.ProcedureRecord;

/**
 * The citizen's dossier pages: my dossiers ({@code /dossiers/}), a new dossier
 * ({@code /dossiers/new.xhtml?procedure=<MaTTHC>}), one dossier with its timeline, supplement upload and
 * withdrawal ({@code /dossiers/dossier.xhtml?code=}); they call the same service as the citizens' API. A
 * dossier's page reloads its status on every view and polls it while open, so an officer's step shows at once.
 */
@Named
@ViewScoped
public class CitizenDossiersBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The first segment of the portal bundle's keys (the bundle's own texts, not refusal codes). */
    static final String TEXT = "portal.";

    @Inject
    private PortalDossiers dossiers;

    @Inject
    private ProcedureCatalogue catalogue;

    @Inject
    private PortalPayments payments;

    private String procedureCode;
    private ProcedureRecord procedure;
    private String agencyCode;
    private String summary;
    private String phone;
    private String email;
    private int delivery;
    /** The files chosen on the new-dossier form, per component; used within the submitting request only. */
    private transient Map<String, Part> files;

    private List<DossierViews.DossierSummary> mine;
    private String code;
    private DossierViews.DossierDetail dossier;
    private PaymentViews.Bill bill;
    private String paymentUrl;
    private String supplementComponent;
    private transient Part supplementFile;
    private String reason;

    public void loadMine() {
        try {
            mine = dossiers.mine();
        } catch (DomainException e) {
            mine = List.of();
            refusal(e);
        }
    }

    public void loadNew() {
        procedure = procedureCode == null
                ? null
                : catalogue
                        .find(procedureCode)
                        .filter(ProcedureRecord::published)
                        .orElse(null);
        if (procedure == null) {
            refusal("portal.procedure.not-found");
        } else if (procedure.implementingAgencies().size() == 1) {
            agencyCode = procedure.implementingAgencies().get(0).code();
        }
    }

    public void load() {
        if (code == null || code.isBlank()) {
            refusal("portal.dossier.not-found");
            return;
        }
        refresh();
    }

    /** Reads the dossier again (the page's poll). */
    public void refresh() {
        try {
            dossier = dossiers.mine(code);
        } catch (DomainException e) {
            dossier = null;
            refusal(e);
        }
        try {
            bill = dossier == null ? null : payments.bill(code);
        } catch (DomainException e) {
            // No payee or platform configured: the page shows the dossier without what it owes.
            bill = null;
        }
    }

    /**
     * Thanh toán trực tuyến: starts the payment and offers the link to the payment platform's page.
     * A link, not a redirect of this form's POST: the portal's pages allow forms to post to the
     * portal only ({@code form-action 'self'}), and browsers apply that to a redirect after a post,
     * so a redirect to a platform on another origin would be blocked. A refusal stays on this page
     * with its message.
     */
    public void pay() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            PaymentViews.Started started = payments.pay(
                    code,
                    ((jakarta.servlet.http.HttpServletRequest)
                                    faces.getExternalContext().getRequest())
                            .getRemoteAddr());
            paymentUrl = started.paymentUrl();
            if (paymentUrl == null) {
                refusal("portal.payment.init-refused");
            }
        } catch (DomainException e) {
            refusal(e);
        }
        refresh();
    }

    /** The payment platform's page of the payment just started, null before. */
    public String getPaymentUrl() {
        return paymentUrl;
    }

    /** An amount in đồng as Vietnam writes it (8.000 đ), whatever the page's language. */
    public String money(long amount) {
        return Money.dong(amount);
    }

    public PaymentViews.Bill getBill() {
        return bill;
    }

    public String submit() {
        List<DossierViews.UploadedFile> uploads = new ArrayList<>();
        for (ProcedureRecord.Document document : getDocuments()) {
            Part part = getFiles().get(document.code());
            if (part != null && part.getSize() > 0) {
                uploads.add(upload(document.code(), part));
            }
        }
        try {
            DossierViews.DossierDetail created = dossiers.submit(new DossierViews.NewDossier(
                    procedureCode, null, agencyCode, summary, phone, email, delivery, uploads));
            return "/dossiers/dossier?faces-redirect=true&code=" + created.code();
        } catch (DomainException e) {
            refusal(e);
            return null;
        }
    }

    public void answerSupplement(long supplementId) {
        if (supplementFile == null || supplementFile.getSize() == 0) {
            refusal("portal.component.missing");
            return;
        }
        try {
            dossier =
                    dossiers.answerSupplement(code, supplementId, List.of(upload(supplementComponent, supplementFile)));
            message(FacesMessage.SEVERITY_INFO, TEXT + "dossier.supplement.sent");
        } catch (DomainException e) {
            refusal(e);
        }
    }

    public void withdraw() {
        try {
            dossier = dossiers.withdraw(code, reason);
            message(FacesMessage.SEVERITY_INFO, TEXT + "dossier.withdrawn");
        } catch (DomainException e) {
            refusal(e);
        }
    }

    private static DossierViews.UploadedFile upload(String component, Part part) {
        try {
            return new DossierViews.UploadedFile(
                    component, part.getSubmittedFileName(), part.getContentType(), part.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusal in the page's language: the portal bundle's text for its code, else a general one. */
    private static void refusal(DomainException e) {
        refusal(e.code());
    }

    private static void refusal(String code) {
        message(FacesMessage.SEVERITY_ERROR, TEXT + "error." + code);
    }

    private static void message(FacesMessage.Severity severity, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "txt");
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException missing) {
            text = bundle.getString(TEXT + "error.other");
        }
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    public List<ProcedureRecord.Document> getDocuments() {
        return procedure == null ? List.of() : procedure.documents(null);
    }

    /** Every component of the dossier's procedure, for the supplement's choice. */
    public List<ProcedureRecord.Document> getAllDocuments() {
        if (dossier == null) {
            return List.of();
        }
        return catalogue.find(dossier.procedureCode()).stream()
                .flatMap(p -> p.components().stream())
                .flatMap(c -> c.documents().stream())
                .toList();
    }

    public boolean isWithdrawable() {
        return dossier != null && dossier.nextStatuses().contains(7);
    }

    public DossierViews.SupplementView getOpenSupplement() {
        return dossier == null
                ? null
                : dossier.supplements().stream()
                        .filter(s -> s.answeredAt() == null)
                        .findFirst()
                        .orElse(null);
    }

    public ProcedureRecord getProcedure() {
        return procedure;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public int getDelivery() {
        return delivery;
    }

    public void setDelivery(int delivery) {
        this.delivery = delivery;
    }

    public Map<String, Part> getFiles() {
        if (files == null) {
            files = new HashMap<>();
        }
        return files;
    }

    public List<DossierViews.DossierSummary> getMine() {
        return mine;
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

    public String getSupplementComponent() {
        return supplementComponent;
    }

    public void setSupplementComponent(String supplementComponent) {
        this.supplementComponent = supplementComponent;
    }

    public Part getSupplementFile() {
        return supplementFile;
    }

    public void setSupplementFile(Part supplementFile) {
        this.supplementFile = supplementFile;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
