package vn.egov.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.security.application.CitizenPrincipal;

/**
 * Mức độ bảo đảm xác thực — the level of assurance of a citizen's sign-in, checked against what a procedure requires
 * (a password sign-in is level 1; the identity provider's {@code loAs}/{@code acr} decide, mapped by the portal's
 * {@code egov.portal.oidc.assurance-levels}). A service calls {@link #require(int)} before it lets a citizen act on a
 * procedure; the refusal names both levels so the page can tell the citizen to sign in again at the higher one.
 */
@ApplicationScoped
public class Assurance {

    /** A citizen's sign-in is below what the procedure requires (403). */
    public static final String INSUFFICIENT = "portal.assurance.insufficient";
    /** The caller is not a citizen signed in through the identity provider (401). */
    public static final String NOT_SIGNED_IN = "portal.citizen.not-signed-in";

    @Inject
    private CallerContext callers;

    /** The signed-in citizen, whose sign-in is at least {@code required}; otherwise a refusal. */
    public CitizenPrincipal require(int required) {
        CitizenPrincipal citizen = callers.citizen()
                .orElseThrow(() -> new DomainException(
                        DomainException.Kind.UNAUTHENTICATED,
                        NOT_SIGNED_IN,
                        "a citizen signed in to the portal is required"));
        check(citizen, required);
        return citizen;
    }

    /** Refuses {@code citizen} when the sign-in's level is below {@code required}. */
    public static void check(CitizenPrincipal citizen, int required) {
        if (citizen.assuranceLevel() < required) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    INSUFFICIENT,
                    "the procedure requires sign-in assurance level " + required + ", this sign-in has "
                            + citizen.assuranceLevel(),
                    Map.of("required", required, "current", citizen.assuranceLevel()));
        }
    }
}
