package vn.egov.security.application;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/** The outcome of a successful authentication: the principal and its roles (Jakarta Security groups). */
public record AuthenticatedCaller(EgovPrincipal principal, Set<String> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public AuthenticatedCaller {
        roles = Set.copyOf(roles);
    }
}
