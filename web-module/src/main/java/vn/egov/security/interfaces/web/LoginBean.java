package vn.egov.security.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;
import vn.egov.common.application.CallerContext;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.security.application.AuditLog;
import vn.egov.security.application.SignInThrottledException;
import vn.egov.security.domain.model.SecurityEventType;

/** The intranet's sign-in and sign-out. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private CallerContext callers;

    @Inject
    private AuditLog audit;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(safeTarget(request, EgovAuthenticationMechanism.takeReturnTo(request)));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (request.getAttribute(EgovAuthenticationMechanism.THROTTLED) instanceof SignInThrottledException e) {
                    // Locked out: the same 429 and Retry-After as the API, and the wait in the person's language.
                    external.setResponseStatus(429);
                    external.setResponseHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                    FacesMessages.refusal(e);
                    return;
                }
                ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
                faces.addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle.getString("login.failed"), null));
            }
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        var caller = callers.current();
        if (!caller.isAnonymous()) {
            audit.record(SecurityEventType.LOGOUT, caller.name(), caller.agencyCode(), request.getRemoteAddr(), null);
        }
        request.logout();
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/login.xhtml");
    }

    /** Only a path inside this application: never an open redirect to another site. */
    private static String safeTarget(HttpServletRequest request, String target) {
        String home = request.getContextPath() + "/index.xhtml";
        if (target == null
                || !target.startsWith(request.getContextPath() + "/")
                || target.startsWith("//")
                || target.contains("\\")) {
            return home;
        }
        return target;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
