package vn.egov.common.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import vn.egov.security.application.CitizenPrincipal;
import vn.egov.security.application.EgovPrincipal;

/**
 * The injectable "current caller": reads the principal the authentication mechanism gave the
 * container (an {@link EgovPrincipal}, carrying the agency) for the request being served.
 */
@ApplicationScoped
public class CallerContext {

    @Inject
    private SecurityContext securityContext;

    public Caller current() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        EgovPrincipal egov = principal instanceof EgovPrincipal p
                ? p
                : securityContext.getPrincipalsByType(EgovPrincipal.class).stream()
                        .findFirst()
                        .orElse(null);
        if (egov == null) {
            // Only the platform's own mechanism logs callers in, always with an EgovPrincipal.
            throw new IllegalStateException("caller " + principal.getName() + " has no agency context");
        }
        Caller.Kind kind = switch (egov.getKind()) {
            case SYSTEM -> Caller.Kind.SYSTEM;
            case CITIZEN -> Caller.Kind.CITIZEN;
            case PERSON -> Caller.Kind.PERSON;
        };
        return new Caller(egov.getName(), kind, egov.getAgencyCode(), egov.getDisplayName());
    }

    /**
     * The citizen signed in to the portal, with the claims the identity provider vouched for, or
     * empty when the caller is anyone else.
     */
    public Optional<CitizenPrincipal> citizen() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal instanceof CitizenPrincipal citizen) {
            return Optional.of(citizen);
        }
        return principal == null
                ? Optional.empty()
                : securityContext.getPrincipalsByType(CitizenPrincipal.class).stream()
                        .findFirst();
    }

    public boolean isInRole(String role) {
        return securityContext.isCallerInRole(role);
    }
}
