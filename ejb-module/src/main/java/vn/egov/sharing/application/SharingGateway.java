package vn.egov.sharing.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Role;
import vn.egov.sharing.domain.model.AccessRight;
import vn.egov.sharing.domain.model.Member;
import vn.egov.sharing.domain.model.ServicePath;
import vn.egov.sharing.domain.model.SharedService;
import vn.egov.sharing.domain.model.SubsystemId;

/**
 * The gateway's decisions, one short transaction per call and none held while the provider answers:
 * who the consumer is (the subsystem named by {@code X-Road-Client}, which must be the one the
 * caller's token proves), whether the service exists, whether a grant allows this consumer to call
 * it, and whether the consumer is within its rate limit; and X-Road's discovery metaservices.
 * Refusals are {@link GatewayRefusal}s in X-Road's terms.
 */
@Stateless
@RolesAllowed(Role.AUTHENTICATED)
public class SharingGateway {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    @ConfigProperty(name = "egov.sharing.instance", defaultValue = "VN")
    private String instance;

    @Inject
    @ConfigProperty(name = "egov.sharing.member-classes", defaultValue = "GOV")
    private List<String> memberClasses;

    @Inject
    @ConfigProperty(name = "egov.sharing.rate-limit.default-per-minute", defaultValue = "600")
    private int defaultPerMinute;

    /** Where a granted call goes, and who its two ends are. */
    public record Route(
            String serviceId, String baseUrl, int timeoutMillis, String clientAgency, String providerAgency) {}

    /** One service in a discovery answer. */
    public record ServiceEntry(
            String instance, String memberClass, String memberCode, String subsystemCode, String serviceCode) {}

    /** A client's identity as it checked out: the subsystem and its agency. */
    public record Consumer(long memberId, String agencyCode) {}

    /**
     * The consumer behind the call: the registered, active subsystem named by {@code X-Road-Client},
     * bound to the partner client whose token the call carries. Unknown and someone else's are told
     * apart by no one: both are {@code Client.IdentifierMismatch}.
     */
    public Consumer consumer(SubsystemId client) {
        Caller caller = callers.current().requireAuthenticated();
        if (caller.kind() != Caller.Kind.SYSTEM) {
            throw new GatewayRefusal(
                    403,
                    "Client.IdentifierMismatch",
                    "only a member system's client-credentials token calls the gateway");
        }
        if (!client.instance().equals(instance) || !memberClasses.contains(client.memberClass())) {
            throw GatewayRefusal.badRequest("the X-Road-Client " + client + " is not of instance " + instance);
        }
        Member member = subsystem(client).orElse(null);
        if (member == null || !member.isActive() || !caller.name().equals(member.getClientId())) {
            throw new GatewayRefusal(
                    403,
                    "Client.IdentifierMismatch",
                    "the token of " + caller.name() + " does not speak for the client subsystem " + client);
        }
        return new Consumer(member.getId(), member.getAgencyCode());
    }

    /**
     * Decides a call to a service: the consumer checked out, the service exists and is active, a
     * grant allows it, and the consumer is within the grant's calls a minute (counted in the database
     * under the grant's lock, so every instance counts the same calls).
     */
    public Route authorise(SubsystemId client, ServicePath target) {
        Consumer consumer = consumer(client);
        SharedService service = service(target);
        AccessRight right = grant(service, consumer)
                .orElseThrow(() -> new GatewayRefusal(
                        403,
                        "Server.ServerProxy.AccessDenied",
                        "the client " + client + " is not allowed to call " + target.serviceId()));
        int limit = right.getCallsPerMinute() == null ? defaultPerMinute : right.getCallsPerMinute();
        if (limit > 0) {
            em.lock(right, LockModeType.PESSIMISTIC_WRITE);
            count(right, limit);
        }
        return new Route(
                target.serviceId(),
                service.getBaseUrl(),
                service.getTimeoutMillis(),
                consumer.agencyCode(),
                service.getProvider().getAgencyCode());
    }

    /** {@code listMethods}: the provider subsystem's published services. */
    public List<ServiceEntry> listMethods(SubsystemId client, SubsystemId provider) {
        consumer(client);
        return published(provider).stream().map(this::entry).toList();
    }

    /** {@code allowedMethods}: those of its services the client may call. */
    public List<ServiceEntry> allowedMethods(SubsystemId client, SubsystemId provider) {
        Consumer consumer = consumer(client);
        return published(provider).stream()
                .filter(s -> grant(s, consumer).isPresent())
                .map(this::entry)
                .toList();
    }

    /** {@code getOpenAPI?serviceCode=}: the description of a service the client may call. */
    public String openApi(SubsystemId client, SubsystemId provider, String serviceCode) {
        Consumer consumer = consumer(client);
        if (serviceCode == null || !SubsystemId.PART.matcher(serviceCode).matches()) {
            throw GatewayRefusal.badRequest(
                    "getOpenAPI needs a serviceCode of letters, digits, dots, dashes or underscores");
        }
        SharedService service = service(new ServicePath(provider, serviceCode, ""));
        if (grant(service, consumer).isEmpty()) {
            throw new GatewayRefusal(
                    403,
                    "Server.ServerProxy.AccessDenied",
                    "the client " + client + " is not allowed to call " + provider + "/" + serviceCode);
        }
        if (service.getOpenApi() == null) {
            throw new GatewayRefusal(
                    404,
                    "Server.ServerProxy.OpenApiNotFound",
                    "the service " + serviceCode + " has no OpenAPI description");
        }
        return service.getOpenApi();
    }

    /** The provider's active services, or UnknownService when the provider subsystem is not a member. */
    private List<SharedService> published(SubsystemId provider) {
        Member member = known(provider).orElseThrow(() -> unknown(provider.toString()));
        return em.createQuery(
                        "SELECT s FROM SharedService s WHERE s.provider = :provider AND s.active = TRUE"
                                + " ORDER BY s.serviceCode",
                        SharedService.class)
                .setParameter("provider", member)
                .getResultList();
    }

    private SharedService service(ServicePath target) {
        Member provider = known(target.provider()).orElseThrow(() -> unknown(target.serviceId()));
        return em.createQuery(
                        "SELECT s FROM SharedService s WHERE s.provider = :provider AND s.serviceCode = :code"
                                + " AND s.active = TRUE",
                        SharedService.class)
                .setParameter("provider", provider)
                .setParameter("code", target.serviceCode())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> unknown(target.serviceId()));
    }

    private Optional<Member> known(SubsystemId id) {
        if (!id.instance().equals(instance) || !memberClasses.contains(id.memberClass())) {
            return Optional.empty();
        }
        return subsystem(id).filter(Member::isActive);
    }

    private Optional<Member> subsystem(SubsystemId id) {
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.agencyCode = :agency AND m.subsystemCode = :code", Member.class)
                .setParameter("agency", id.memberCode())
                .setParameter("code", id.subsystemCode())
                .getResultStream()
                .findFirst();
    }

    private Optional<AccessRight> grant(SharedService service, Consumer consumer) {
        return em.createQuery(
                        "SELECT a FROM AccessRight a WHERE a.service = :service AND a.client.id = :client",
                        AccessRight.class)
                .setParameter("service", service)
                .setParameter("client", consumer.memberId())
                .getResultStream()
                .findFirst();
    }

    /** Counts the call in this minute's window; beyond the limit, 429 until the next minute. */
    private void count(AccessRight right, int limit) {
        long now = Instant.now().getEpochSecond();
        long minute = now / 60;
        long service = right.getService().getId();
        long client = right.getClient().getId();
        List<?> found = em.createNativeQuery(
                        "SELECT calls FROM sharing_rate_window WHERE service_pk = ? AND client_member_pk = ?"
                                + " AND window_start = ?")
                .setParameter(1, service)
                .setParameter(2, client)
                .setParameter(3, minute)
                .getResultList();
        if (found.isEmpty()) {
            em.createNativeQuery("DELETE FROM sharing_rate_window WHERE service_pk = ? AND client_member_pk = ?")
                    .setParameter(1, service)
                    .setParameter(2, client)
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO sharing_rate_window (service_pk, client_member_pk, window_start, calls)"
                            + " VALUES (?, ?, ?, 1)")
                    .setParameter(1, service)
                    .setParameter(2, client)
                    .setParameter(3, minute)
                    .executeUpdate();
            return;
        }
        int calls = ((Number) found.get(0)).intValue();
        if (calls >= limit) {
            throw new GatewayRefusal(
                    429,
                    "Client.RateLimitExceeded",
                    "the client may call this service " + limit + " times a minute",
                    (minute + 1) * 60 - now);
        }
        em.createNativeQuery(
                        "UPDATE sharing_rate_window SET calls = calls + 1 WHERE service_pk = ? AND client_member_pk = ?"
                                + " AND window_start = ?")
                .setParameter(1, service)
                .setParameter(2, client)
                .setParameter(3, minute)
                .executeUpdate();
    }

    private ServiceEntry entry(SharedService s) {
        Member m = s.getProvider();
        return new ServiceEntry(
                instance, memberClasses.get(0), m.getAgencyCode(), m.getSubsystemCode(), s.getServiceCode());
    }

    private static GatewayRefusal unknown(String serviceId) {
        return new GatewayRefusal(
                404, "Server.ServerProxy.UnknownService", "no service " + serviceId + " on this platform");
    }
}
