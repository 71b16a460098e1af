package vn.egov.security.application;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import vn.egov.directory.domain.model.Role;

/**
 * The outcome of a successful authentication: the principal and its roles (Jakarta Security groups).
 * The roles always include {@link Role#AUTHENTICATED}, the group of every signed-in caller.
 */
public record AuthenticatedCaller(EgovPrincipal principal, Set<String> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public AuthenticatedCaller {
        Set<String> all = new HashSet<>(roles);
        all.add(Role.AUTHENTICATED);
        roles = Set.copyOf(all);
    }
}
