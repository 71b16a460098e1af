package vn.egov.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import vn.egov.common.application.CallerContext;
import vn.egov.security.application.CitizenPrincipal;

/** What the portal's page header shows: whether a citizen is signed in, and their name. */
@Named
@RequestScoped
public class PortalShellBean {

    @Inject
    private CallerContext callers;

    private Optional<CitizenPrincipal> citizen;

    /** The signed-in citizen, if any. */
    public CitizenPrincipal getCitizen() {
        return citizen().orElse(null);
    }

    public boolean isSignedIn() {
        return citizen().isPresent();
    }

    /** {@code HoVaTen}, or the personal id when the identity provider sent no name. */
    public String getDisplayName() {
        return citizen()
                .map(c -> c.fullName() != null ? c.fullName() : c.personalId())
                .orElse(null);
    }

    private Optional<CitizenPrincipal> citizen() {
        if (citizen == null) {
            citizen = callers.citizen();
        }
        return citizen;
    }

    /** Signs the citizen out of the portal and goes back to the home page. */
    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
        FacesContext.getCurrentInstance().responseComplete();
    }
}
