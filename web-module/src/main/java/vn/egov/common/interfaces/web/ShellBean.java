package vn.egov.common.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;

/** What the page header shows: the signed-in person, their agency, and what they may open. */
@Named
@RequestScoped
public class ShellBean {

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private LocaleBean locale;

    private Caller caller;
    private AgencyRecord agency;

    public Caller getCaller() {
        if (caller == null) {
            caller = callers.current();
        }
        return caller;
    }

    /** The signed-in person's name for the header (EL 5 does not read record components). */
    public String getDisplayName() {
        Caller current = getCaller();
        return current.displayName() != null ? current.displayName() : current.name();
    }

    public boolean isSignedIn() {
        return !getCaller().isAnonymous();
    }

    public String getAgencyName() {
        if (!isSignedIn() || getCaller().agencyCode() == null) {
            return null;
        }
        if (agency == null) {
            try {
                agency = directory.agency(getCaller().agencyCode());
            } catch (DomainException unknown) {
                return getCaller().agencyCode();
            }
        }
        return locale.isEnglish() && agency.nameEn() != null ? agency.nameEn() : agency.name();
    }

    public boolean isSysadmin() {
        return callers.isInRole(Role.SYSADMIN_ROLE);
    }
}
