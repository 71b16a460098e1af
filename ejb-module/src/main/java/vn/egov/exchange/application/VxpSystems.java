package vn.egov.exchange.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.ExchangeSystem;
import vn.egov.exchange.infrastructure.SecretSealer;
import vn.egov.exchange.infrastructure.VxpSignedHeaders;

/**
 * The document systems connected through the VPCP transport ({@code /vxp}): an agency administrator
 * registers its agency's systems and issues (or rotates) each one's secret, shown once; the axis
 * operator may do so for any agency. Every {@code /vxp} call is then authenticated here from its
 * signed headers ({@link #authenticate}).
 */
@Stateless
@DeclareRoles({Role.AGENCY_ADMIN_ROLE, Role.SYSADMIN_ROLE})
@RolesAllowed({Role.AGENCY_ADMIN_ROLE, Role.SYSADMIN_ROLE})
public class VxpSystems {

    private static final Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private SecretSealer sealer;

    @Inject
    @ConfigProperty(name = "egov.vxp.timestamp-window-seconds", defaultValue = "300")
    private long windowSeconds;

    @Inject
    @ConfigProperty(name = "egov.vxp.zone", defaultValue = "Asia/Ho_Chi_Minh")
    private String zone;

    /** A system as its administrators see it; the secret is never shown again after it was issued. */
    public record SystemView(
            String systemId, String agencyCode, String name, boolean active, OffsetDateTime secretIssuedAt) {
        static SystemView of(ExchangeSystem s) {
            return new SystemView(s.getSystemId(), s.getAgencyCode(), s.getName(), s.isActive(), s.getSecretIssuedAt());
        }
    }

    /** A freshly issued secret: the only time it is shown. */
    public record IssuedSecret(
            String systemId, String agencyCode, String name, String secret, OffsetDateTime issuedAt) {}

    /** Who a {@code /vxp} call is from, with the parameters it signed (names without the prefix). */
    public record VxpCaller(String systemId, String agencyCode, String systemName, Map<String, String> parameters)
            implements java.io.Serializable {}

    /**
     * Registers a system of the caller's agency (the operator names the agency; null: its own) and
     * issues its first secret.
     */
    public IssuedSecret register(String systemId, String name, String agencyCode) {
        Caller caller = callers.current().requireAuthenticated();
        String agency = agencyFor(caller, agencyCode);
        if (systemId == null || !SYSTEM_ID.matcher(systemId).matches()) {
            throw DomainException.invalid(
                    "exchange.system.id-invalid",
                    "a system id is 1 to 64 letters, digits, dots, dashes or underscores, not '" + systemId + "'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw DomainException.invalid(
                    "exchange.system.name-required", "a system needs a name of at most 200 characters");
        }
        TextRule.require("name", name, false);
        if (em.find(ExchangeSystem.class, systemId) != null) {
            throw DomainException.conflict("exchange.system.id-taken", "the system id " + systemId + " is taken");
        }
        ExchangeSystem system = new ExchangeSystem(systemId, agency, name.strip(), caller.name(), now());
        em.persist(system);
        return issue(system);
    }

    /** A new secret for a system; the old one stops working at once. */
    public IssuedSecret rotate(String systemId) {
        return issue(own(systemId, callers.current().requireAuthenticated()));
    }

    /** The systems of the caller's agency; every agency's for the operator. */
    public List<SystemView> list() {
        Caller caller = callers.current().requireAuthenticated();
        boolean operator = callers.isInRole(Role.SYSADMIN_ROLE);
        var query = em.createQuery(
                "SELECT s FROM ExchangeSystem s" + (operator ? "" : " WHERE s.agencyCode = :agency")
                        + " ORDER BY s.systemId",
                ExchangeSystem.class);
        if (!operator) {
            query.setParameter("agency", caller.agencyCode());
        }
        return query.getResultStream().map(SystemView::of).toList();
    }

    /** Disconnects a system: its secret is forgotten and its calls refused. */
    public SystemView deactivate(String systemId) {
        ExchangeSystem system = own(systemId, callers.current().requireAuthenticated());
        system.deactivate();
        return SystemView.of(system);
    }

    private IssuedSecret issue(ExchangeSystem system) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime at = now();
        system.issueSecret(sealer.seal(system.getSystemId(), secret), at);
        return new IssuedSecret(system.getSystemId(), system.getAgencyCode(), system.getName(), secret, at);
    }

    private ExchangeSystem own(String systemId, Caller caller) {
        ExchangeSystem system = systemId == null ? null : em.find(ExchangeSystem.class, systemId);
        if (system == null
                || (!callers.isInRole(Role.SYSADMIN_ROLE)
                        && !system.getAgencyCode().equals(caller.agencyCode()))) {
            throw DomainException.notFound("exchange.system.not-found", "no system " + systemId);
        }
        return system;
    }

    private String agencyFor(Caller caller, String asked) {
        if (asked == null || asked.isBlank() || !callers.isInRole(Role.SYSADMIN_ROLE)) {
            if (caller.agencyCode() == null) {
                throw DomainException.forbidden("exchange.agency.required", "a system belongs to an agency");
            }
            if (asked != null && !asked.isBlank() && !asked.strip().equals(caller.agencyCode())) {
                throw DomainException.forbidden(
                        "exchange.system.agency-mismatch",
                        "an agency administrator registers its own agency's systems");
            }
            return caller.agencyCode();
        }
        AgencyRecord agency = directory.findAgency(asked.strip()).orElse(null);
        if (agency == null || !agency.active()) {
            throw DomainException.invalid("exchange.recipient.unknown", "no active agency has the code " + asked);
        }
        return agency.code();
    }

    /**
     * Who a {@code /vxp} call is from: the system named by {@code XroadVnpt-systemid}, active, whose
     * secret verifies the signed headers, with a fresh timestamp; otherwise a refusal with a
     * {@code vxp.*} code (an unknown system and a wrong signature are told apart: the SDK's operator
     * needs to know which to fix).
     *
     * <p>{@code @PermitAll}: this is the authentication itself; the caller is nobody yet.
     *
     * @param headers the request's headers by name, as the container decoded them
     */
    @PermitAll
    public VxpCaller authenticate(Map<String, String> headers) {
        Function<String, String> header = name -> headers.get(name.toLowerCase(java.util.Locale.ROOT));
        String systemId = VxpSignedHeaders.utf8(header.apply(VxpSignedHeaders.SYSTEM_ID));
        if (systemId == null || systemId.isBlank()) {
            throw DomainException.invalid("vxp.system.missing", "the call needs " + VxpSignedHeaders.SYSTEM_ID);
        }
        ExchangeSystem system = SYSTEM_ID.matcher(systemId).matches() ? em.find(ExchangeSystem.class, systemId) : null;
        if (system == null || !system.isActive() || system.getSecretSealed() == null) {
            throw DomainException.forbidden("vxp.system.unknown", "no connected system has the id " + systemId);
        }
        String secret = sealer.open(system.getSystemId(), system.getSecretSealed())
                .orElseThrow(() -> new IllegalStateException(
                        "the secret of system " + systemId + " does not open with the configured key"));
        Map<String, String> parameters = VxpSignedHeaders.verify(
                header, secret, Instant.now(), Duration.ofSeconds(windowSeconds), ZoneId.of(zone));
        return new VxpCaller(system.getSystemId(), system.getAgencyCode(), system.getName(), Map.copyOf(parameters));
    }
}
