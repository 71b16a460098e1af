package vn.egov.security.application;

import jakarta.security.enterprise.CallerPrincipal;
import java.io.Serial;

/**
 * Who is calling: a person signed in to the intranet or a partner system holding a token, always
 * with the agency it acts for (none for a citizen). Passed to the container at login, so every
 * layer can ask for it.
 */
public class EgovPrincipal extends CallerPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A person (intranet), a partner system (API token) or a citizen signed in to the portal. */
    public enum Kind {
        PERSON,
        SYSTEM,
        CITIZEN
    }

    private final Kind kind;
    private final String agencyCode;
    private final String displayName;

    public EgovPrincipal(String name, Kind kind, String agencyCode, String displayName) {
        super(name);
        this.kind = kind;
        this.agencyCode = agencyCode;
        this.displayName = displayName;
    }

    public Kind getKind() {
        return kind;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getDisplayName() {
        return displayName;
    }
}
