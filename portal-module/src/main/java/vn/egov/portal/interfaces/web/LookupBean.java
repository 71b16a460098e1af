package vn.egov.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ResourceBundle;
import vn.egov.common.DomainException;
import vn.egov.portal.application.DossierViews;
import vn.egov.portal.application.PortalDossiers;

/** Tra cứu hồ sơ ({@code /lookup.xhtml}): anyone, by the code and the applicant's phone or personal id. */
@Named
@RequestScoped
public class LookupBean {

    @Inject
    private PortalDossiers dossiers;

    private String code;
    private String contact;
    private DossierViews.PublicDossierView result;

    public void lookUp() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        String value = contact == null ? "" : contact.strip();
        boolean personalId = value.matches("\\d{12}");
        try {
            result = dossiers.lookup(
                    code, personalId ? null : value, personalId ? value : null, request.getRemoteAddr());
        } catch (DomainException e) {
            ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "txt");
            String key = CitizenDossiersBean.TEXT
                    + (e.kind() == DomainException.Kind.TOO_MANY_REQUESTS ? "error.429" : "lookup.none");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle.getString(key), null));
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public DossierViews.PublicDossierView getResult() {
        return result;
    }
}
