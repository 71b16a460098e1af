package vn.egov.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

    /** {@code SoDinhDanh} with all but its last four digits hidden, as a page shows it. */
    public String getMaskedPersonalId() {
        return citizen().map(c -> mask(c.personalId())).orElse(null);
    }

    static String mask(String personalId) {
        if (personalId == null || personalId.length() <= 4) {
            return personalId;
        }
        return "*".repeat(personalId.length() - 4) + personalId.substring(personalId.length() - 4);
    }

    private Optional<CitizenPrincipal> citizen() {
        if (citizen == null) {
            citizen = callers.citizen();
        }
        return citizen;
    }
}
