package vn.egov.common.application;

import vn.egov.common.DomainException;

/**
 * The one view every service has of who is calling: a name, whether a person or a partner system,
 * and the agency acted for. Agency scoping rules are written against this, so the intranet and the
 * API cannot disagree.
 */
public record Caller(String name, Kind kind, String agencyCode, String displayName) {

    /** Who is behind the call. */
    public enum Kind {
        ANONYMOUS,
        PERSON,
        SYSTEM,
        /** A citizen or business signed in to the public portal; {@code name} is the personal id (SoDinhDanh). */
        CITIZEN
    }

    public static final Caller ANONYMOUS = new Caller(null, Kind.ANONYMOUS, null, null);

    public boolean isCitizen() {
        return kind == Kind.CITIZEN;
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** Refuses anonymous callers; services call it first, whatever the web layer already checked. */
    public Caller requireAuthenticated() {
        if (isAnonymous()) {
            throw new DomainException(
                    DomainException.Kind.UNAUTHENTICATED, "auth.unauthenticated", "authentication is required");
        }
        return this;
    }

    /**
     * Refuses callers who act for no agency (403 with the given code), after refusing anonymous
     * ones; {@code doing} completes "only callers acting for an agency …".
     */
    public Caller requireAgency(String code, String doing) {
        requireAuthenticated();
        if (agencyCode == null) {
            throw DomainException.forbidden(code, "only callers acting for an agency " + doing);
        }
        return this;
    }
}
