package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.MemberKeys;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/**
 * A member's signing certificate: the one registered, and the form to register their own (the
 * secretariat may name the member it registers one for). The same refusals as the API, localised.
 */
@Named
@ViewScoped
public class CertificateBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private MemberKeys keys;

    private CabinetViews.CertificateView current;
    private boolean loaded;
    private String member;
    private String pem;

    public CabinetViews.CertificateView getCurrent() {
        if (!loaded) {
            loaded = true;
            try {
                current = keys.registered(null).orElse(null);
            } catch (DomainException e) {
                FacesMessages.refusal(e);
            }
        }
        return current;
    }

    public void register() {
        try {
            CabinetViews.CertificateView registered =
                    keys.register(member == null || member.isBlank() ? null : member.strip(), pem);
            if (member == null
                    || member.isBlank()
                    || registered.username().equals(current == null ? null : current.username())) {
                current = registered;
            }
            pem = null;
            member = null;
            FacesMessages.info("cabinet.certificate.registered");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getPem() {
        return pem;
    }

    public void setPem(String pem) {
        this.pem = pem;
    }
}
