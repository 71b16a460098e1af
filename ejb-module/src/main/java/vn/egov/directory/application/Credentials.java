package vn.egov.directory.application;

import java.util.Set;
import vn.egov.directory.domain.model.Role;

/**
 * What sign-in checks a secret against, for the security area only: a person's or a partner
 * system's name, agency, roles, whether the account is active, and the stored hash of its secret.
 */
public record Credentials(
        Kind kind,
        String name,
        String displayName,
        String agencyCode,
        Set<Role> roles,
        boolean active,
        String secretHash) {

    /** A person signing in with a password, or a partner system with its client secret. */
    public enum Kind {
        PERSON,
        PARTNER_CLIENT
    }

    public Credentials {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        // Never print the hash into a log by accident.
        return "Credentials[" + kind + " " + name + "]";
    }
}
