package vn.egov.directory.application;

import java.util.EnumSet;
import java.util.Set;
import vn.egov.directory.domain.model.Person;
import vn.egov.directory.domain.model.Role;

/**
 * A person as every other area sees them: name, agency, roles, and their office (title, protocol order; both
 * optional); never the password hash.
 */
public record PersonRecord(
        String username,
        String fullName,
        String email,
        String agencyCode,
        Set<Role> roles,
        boolean active,
        String title,
        Integer protocolOrder)
        implements java.io.Serializable {

    public PersonRecord {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static PersonRecord of(Person p) {
        return new PersonRecord(
                p.getUsername(),
                p.getFullName(),
                p.getEmail(),
                p.getAgencyCode(),
                p.getRoles(),
                p.isActive(),
                p.getTitle(),
                p.getProtocolOrder());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the person has any of {@code wanted}. */
    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
