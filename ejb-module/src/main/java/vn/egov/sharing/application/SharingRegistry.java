package vn.egov.sharing.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.sharing.application.SharingViews.AccessView;
import vn.egov.sharing.application.SharingViews.MemberView;
import vn.egov.sharing.application.SharingViews.ServiceView;
import vn.egov.sharing.domain.model.AccessRight;
import vn.egov.sharing.domain.model.Member;
import vn.egov.sharing.domain.model.ServicePath;
import vn.egov.sharing.domain.model.SharedService;
import vn.egov.sharing.domain.model.SubsystemId;

/**
 * The sharing platform's registry: an agency's administrator registers its subsystems, publishes
 * their services and grants each service to client subsystems one by one; the platform operator
 * (SYSADMIN) does so for any agency. An agency administrator never sees another agency's members,
 * services or grants: they are 404. Everything is denied unless granted.
 */
@Stateless
@DeclareRoles({Role.AGENCY_ADMIN_ROLE, Role.SYSADMIN_ROLE})
@RolesAllowed({Role.AGENCY_ADMIN_ROLE, Role.SYSADMIN_ROLE})
public class SharingRegistry {

    private static final int MAX_OPENAPI = 262_144;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.sharing.instance", defaultValue = "VN")
    private String instance;

    @Inject
    @ConfigProperty(name = "egov.sharing.member-classes", defaultValue = "GOV")
    private List<String> memberClasses;

    @Inject
    @ConfigProperty(name = "egov.sharing.default-timeout-ms", defaultValue = "30000")
    private int defaultTimeout;

    @Inject
    @ConfigProperty(name = "egov.sharing.allow-http", defaultValue = "true")
    private boolean allowHttp;

    /** A member subsystem to register or change. */
    public record MemberRequest(String agency, String subsystemCode, String name, String clientId, Boolean active) {}

    /** A service to publish or change. */
    public record ServiceRequest(
            String serviceCode,
            String name,
            String baseUrl,
            String version,
            String openApi,
            Integer timeoutMillis,
            Boolean active) {}

    // ---- members

    public MemberView registerMember(MemberRequest request) {
        Caller caller = callers.current().requireAuthenticated();
        String agency = agencyFor(caller, request.agency());
        String code = request.subsystemCode();
        if (code == null || !SubsystemId.PART.matcher(code).matches()) {
            throw DomainException.invalid(
                    "sharing.member.code-invalid",
                    "a subsystem code is 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (!em.createQuery(
                        "SELECT m.id FROM Member m WHERE m.agencyCode = :agency AND m.subsystemCode = :code",
                        Long.class)
                .setParameter("agency", agency)
                .setParameter("code", code)
                .getResultList()
                .isEmpty()) {
            throw DomainException.conflict(
                    "sharing.member.taken", "the agency " + agency + " already has a subsystem " + code);
        }
        Member member = new Member(
                agency,
                code,
                name(request.name(), "sharing.member.name-required"),
                client(request.clientId(), agency),
                caller.name(),
                now());
        em.persist(member);
        return view(member);
    }

    /** The caller's agency's subsystems; every agency's for the operator. */
    public List<MemberView> members() {
        Caller caller = callers.current().requireAuthenticated();
        boolean operator = operator();
        var query = em.createQuery(
                "SELECT m FROM Member m" + (operator ? "" : " WHERE m.agencyCode = :agency")
                        + " ORDER BY m.agencyCode, m.subsystemCode",
                Member.class);
        if (!operator) {
            query.setParameter("agency", caller.agencyCode());
        }
        return query.getResultStream().map(this::view).toList();
    }

    public MemberView member(long id) {
        return view(ownMember(id));
    }

    public MemberView updateMember(long id, MemberRequest request) {
        Member member = ownMember(id);
        member.update(
                request.name() == null ? member.getName() : name(request.name(), "sharing.member.name-required"),
                request.clientId() == null ? member.getClientId() : client(request.clientId(), member.getAgencyCode()),
                request.active() == null ? member.isActive() : request.active());
        return view(member);
    }

    // ---- services

    public ServiceView publish(long memberId, ServiceRequest request) {
        Caller caller = callers.current().requireAuthenticated();
        Member provider = ownMember(memberId);
        String code = request.serviceCode();
        if (code == null || !SubsystemId.PART.matcher(code).matches() || ServicePath.METASERVICES.contains(code)) {
            throw DomainException.invalid(
                    "sharing.service.code-invalid",
                    "a service code is 1 to 64 letters, digits, dots, dashes or underscores, and not a metaservice's");
        }
        if (!em.createQuery(
                        "SELECT s.id FROM SharedService s WHERE s.provider = :provider AND s.serviceCode = :code",
                        Long.class)
                .setParameter("provider", provider)
                .setParameter("code", code)
                .getResultList()
                .isEmpty()) {
            throw DomainException.conflict("sharing.service.taken", "the subsystem already publishes " + code);
        }
        SharedService service = new SharedService(provider, code, caller.name(), now());
        describe(service, request, true);
        em.persist(service);
        return view(service);
    }

    public List<ServiceView> services(long memberId) {
        Member provider = ownMember(memberId);
        return em.createQuery(
                        "SELECT s FROM SharedService s WHERE s.provider = :provider ORDER BY s.serviceCode",
                        SharedService.class)
                .setParameter("provider", provider)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    public ServiceView service(long id) {
        return view(ownService(id));
    }

    public ServiceView updateService(long id, ServiceRequest request) {
        SharedService service = ownService(id);
        describe(service, request, false);
        return view(service);
    }

    private void describe(SharedService service, ServiceRequest r, boolean fresh) {
        String name = r.name() == null && !fresh ? service.getName() : name(r.name(), "sharing.service.name-required");
        String baseUrl = r.baseUrl() == null && !fresh ? service.getBaseUrl() : baseUrl(r.baseUrl());
        String version = r.version() == null && !fresh ? service.getVersion() : version(r.version());
        String openApi = r.openApi() == null ? service.getOpenApi() : openApi(r.openApi());
        int timeout = r.timeoutMillis() == null
                ? (fresh ? defaultTimeout : service.getTimeoutMillis())
                : timeout(r.timeoutMillis());
        boolean active = r.active() == null ? fresh || service.isActive() : r.active();
        service.describe(name, baseUrl, version, openApi, timeout, active, now());
    }

    // ---- access rights

    /**
     * Grants the service to a client subsystem, named by its X-Road identifier
     * ({@code INSTANCE/CLASS/MEMBER/SUBSYSTEM}); granting again changes the rate limit only.
     */
    public AccessView grant(long serviceId, String client, Integer callsPerMinute) {
        Caller caller = callers.current().requireAuthenticated();
        SharedService service = ownService(serviceId);
        if (callsPerMinute != null && (callsPerMinute < 0 || callsPerMinute > 1_000_000)) {
            throw DomainException.invalid(
                    "sharing.access.limit-invalid", "a rate limit is 0 (none) to 1,000,000 calls a minute");
        }
        Member clientMember = clientMember(client);
        AccessRight existing = em.createQuery(
                        "SELECT a FROM AccessRight a WHERE a.service = :service AND a.client = :client",
                        AccessRight.class)
                .setParameter("service", service)
                .setParameter("client", clientMember)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (existing != null) {
            existing.limit(callsPerMinute, caller.name(), now());
            return view(existing);
        }
        AccessRight right = new AccessRight(service, clientMember, callsPerMinute, caller.name(), now());
        em.persist(right);
        return view(right);
    }

    public List<AccessView> access(long serviceId) {
        SharedService service = ownService(serviceId);
        return em.createQuery("SELECT a FROM AccessRight a WHERE a.service = :service ORDER BY a.id", AccessRight.class)
                .setParameter("service", service)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** Revokes a grant: the client's next call is denied. */
    public void revoke(long serviceId, long accessId) {
        SharedService service = ownService(serviceId);
        AccessRight right = Visibility.visibleOrNotFound(
                em.find(AccessRight.class, accessId),
                a -> a.getService().getId().equals(service.getId()),
                "sharing.access.not-found",
                "no access right " + accessId + " on this service");
        em.remove(right);
    }

    // ---- rules

    private Member clientMember(String identifier) {
        SubsystemId id;
        try {
            id = SubsystemId.parse(identifier);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("sharing.access.client-invalid", e.getMessage());
        }
        if (!id.instance().equals(instance) || !memberClasses.contains(id.memberClass())) {
            throw DomainException.invalid(
                    "sharing.access.client-unknown", "no member subsystem " + id + " on this platform");
        }
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.agencyCode = :agency AND m.subsystemCode = :code", Member.class)
                .setParameter("agency", id.memberCode())
                .setParameter("code", id.subsystemCode())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(
                        "sharing.access.client-unknown", "no member subsystem " + id + " on this platform"));
    }

    private Member ownMember(long id) {
        return Visibility.visibleOrNotFound(
                em.find(Member.class, id),
                m -> mayManage(m.getAgencyCode()),
                "sharing.member.not-found",
                "no member " + id);
    }

    private SharedService ownService(long id) {
        return Visibility.visibleOrNotFound(
                em.find(SharedService.class, id),
                s -> mayManage(s.getProvider().getAgencyCode()),
                "sharing.service.not-found",
                "no service " + id);
    }

    private boolean mayManage(String agencyCode) {
        return operator() || agencyCode.equals(callers.current().agencyCode());
    }

    private boolean operator() {
        return callers.isInRole(Role.SYSADMIN_ROLE);
    }

    private String agencyFor(Caller caller, String asked) {
        if (asked == null || asked.isBlank() || !operator()) {
            caller.requireAgency("sharing.agency.required", "register subsystems");
            if (asked != null && !asked.isBlank() && !asked.strip().equals(caller.agencyCode())) {
                throw DomainException.forbidden(
                        "sharing.member.agency-mismatch",
                        "an agency administrator registers its own agency's subsystems");
            }
            return caller.agencyCode();
        }
        AgencyRecord agency = directory.findAgency(asked.strip()).orElse(null);
        if (agency == null || !agency.active()) {
            throw DomainException.invalid("sharing.member.agency-unknown", "no active agency has the code " + asked);
        }
        return agency.code();
    }

    /** The partner client proving the subsystem: one of the subsystem's own agency. */
    private String client(String clientId, String agency) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        String id = clientId.strip();
        if (!directory.activeClientAgency(id).map(agency::equals).orElse(false)) {
            throw DomainException.invalid(
                    "sharing.member.client-unknown", "no active partner client " + clientId + " of agency " + agency);
        }
        return id;
    }

    private static String name(String name, String code) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw DomainException.invalid(code, "a name of 1 to 200 characters is required");
        }
        return TextRule.require("name", name.strip(), true);
    }

    private String baseUrl(String value) {
        URI uri;
        try {
            uri = value == null ? null : new URI(value.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null
                || value.length() > 1000
                || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw DomainException.invalid(
                    "sharing.service.url-invalid",
                    "the base URL must be an absolute " + (allowHttp ? "http(s)" : "https")
                            + " address without user, query or fragment, at most 1000 characters");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String version(String value) {
        if (value == null || !value.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,19}")) {
            throw DomainException.invalid(
                    "sharing.service.version-invalid", "a version is 1 to 20 letters, digits, dots or dashes");
        }
        return value.strip();
    }

    private static String openApi(String text) {
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_OPENAPI) {
            throw DomainException.invalid(
                    "sharing.service.openapi-too-long", "an OpenAPI description is at most 262,144 characters");
        }
        return TextRule.require("openApi", text, false);
    }

    private static int timeout(int millis) {
        if (millis < 100 || millis > 300_000) {
            throw DomainException.invalid(
                    "sharing.service.timeout-invalid", "a timeout is 100 to 300,000 milliseconds");
        }
        return millis;
    }

    private MemberView view(Member m) {
        return MemberView.of(m, instance, memberClasses.get(0));
    }

    private ServiceView view(SharedService s) {
        return ServiceView.of(s, instance, memberClasses.get(0));
    }

    private AccessView view(AccessRight a) {
        return AccessView.of(a, instance, memberClasses.get(0));
    }
}
