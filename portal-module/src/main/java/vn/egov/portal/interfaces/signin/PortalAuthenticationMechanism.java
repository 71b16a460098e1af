package vn.egov.portal.interfaces.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.application.CitizenPrincipal;

/**
 * The portal's own authentication mechanism: it lives in the portal WAR, so it applies to the portal's requests only
 * and the intranet keeps its own (TOOLCHAIN.md). A citizen signed in is kept in the portal's HTTP session and given to
 * the container as a {@link CitizenPrincipal} with the groups CITIZEN and AUTHENTICATED on every request.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute: the signed-in citizen. */
    static final String SESSION_CITIZEN = "vn.egov.portal.citizen";

    static final Set<String> GROUPS = Set.of(Role.CITIZEN_ROLE, Role.AUTHENTICATED);

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CITIZEN) instanceof CitizenPrincipal citizen) {
            return context.notifyContainerAboutLogin(citizen, GROUPS);
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
