package vn.egov.exchange.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.ExchangeLogHead;
import vn.egov.exchange.domain.model.ExchangePush;
import vn.egov.exchange.domain.model.ExchangeWebhook;
import vn.egov.exchange.domain.model.RecallState;

/**
 * The optional push of deliveries to an agency's own webhook. An agency registers one address;
 * every delivery to it from then on gets a push record in the send's own transaction, which the
 * {@link WebhookPusher} posts (JSON, the same shape as an inbox item, signed with HMAC-SHA256 under
 * the agency's key) and retries with back-off. A 2xx answer marks the delivery arrived (01), as a
 * fetch would; pull keeps working regardless, and a push may arrive more than once (the
 * {@code X-Egov-Delivery} header names it).
 */
@Stateless
@DeclareRoles({Role.CLERK_ROLE, Role.AGENCY_ADMIN_ROLE, Role.SYSADMIN_ROLE})
public class Webhooks {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_URL = 500;

    /** What an agency sees of its webhook; the key only in the answer to registering. */
    public record Registration(
            String url,
            String secret,
            OffsetDateTime registeredAt,
            String registeredBy,
            long pending,
            long pushed,
            long abandoned) {}

    /** One push ready to post. */
    public record PushRequest(long deliveryId, String url, byte[] body, String signature) {}

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private ExchangeLog log;

    /** Plain http (not https) addresses: for tests and demos on one machine only. */
    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.allow-http", defaultValue = "false")
    private boolean allowHttp;

    /** Loopback addresses (this machine): for tests and demos on one machine only. */
    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.allow-loopback", defaultValue = "false")
    private boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.retry-base-seconds", defaultValue = "30")
    private int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.retry-max-seconds", defaultValue = "3600")
    private int retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.max-attempts", defaultValue = "10")
    private int maxAttempts;

    private Caller agencyCaller() {
        return callers.current().requireAgency("exchange.agency.required", "have a webhook");
    }

    /** Registers (or moves) the caller's agency's webhook; answers with a new signing key. */
    @RolesAllowed({Role.CLERK_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Registration register(String url) {
        Caller caller = agencyCaller();
        String checked = checkedUrl(url);
        String secret = HexFormat.of().formatHex(randomKey());
        ExchangeWebhook hook = em.find(ExchangeWebhook.class, caller.agencyCode(), LockModeType.PESSIMISTIC_WRITE);
        if (hook == null) {
            hook = new ExchangeWebhook(caller.agencyCode(), checked, secret, caller.name(), now());
            em.persist(hook);
        } else {
            hook.change(checked, secret, caller.name(), now());
        }
        return view(hook, secret);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The caller's agency's webhook and how its pushes stand; 404 if it has none. */
    @RolesAllowed({Role.CLERK_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Registration current() {
        ExchangeWebhook hook = em.find(ExchangeWebhook.class, agencyCaller().agencyCode());
        if (hook == null) {
            throw DomainException.notFound("exchange.webhook.not-found", "the agency has no webhook");
        }
        return view(hook, null);
    }

    /** Removes the caller's agency's webhook; pushes not yet made are abandoned (pull still has them). */
    @RolesAllowed({Role.CLERK_ROLE, Role.AGENCY_ADMIN_ROLE})
    public void remove() {
        String agency = agencyCaller().agencyCode();
        ExchangeWebhook hook = em.find(ExchangeWebhook.class, agency, LockModeType.PESSIMISTIC_WRITE);
        if (hook == null) {
            throw DomainException.notFound("exchange.webhook.not-found", "the agency has no webhook");
        }
        em.remove(hook);
        em.createQuery(
                        "SELECT p FROM ExchangePush p WHERE p.agencyCode = :agency AND p.state = :pending",
                        ExchangePush.class)
                .setParameter("agency", agency)
                .setParameter("pending", ExchangePush.State.PENDING)
                .getResultStream()
                .forEach(p -> p.abandon("webhook removed"));
    }

    /**
     * Puts the agency's abandoned pushes back in line, each with a fresh set of attempts (after
     * its system was down longer than the retries last); answers with the counts.
     */
    @RolesAllowed({Role.CLERK_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Registration replay() {
        return requeue(agencyCaller().agencyCode());
    }

    /** The axis operator's view: every agency's webhook and how its pushes stand, by agency code. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public java.util.Map<String, Registration> all() {
        java.util.Map<String, long[]> counts = counts(null);
        java.util.Map<String, Registration> all = new java.util.TreeMap<>();
        em.createQuery("SELECT w FROM ExchangeWebhook w", ExchangeWebhook.class)
                .getResultStream()
                .forEach(w -> all.put(w.getAgencyCode(), view(w, null, counts)));
        return all;
    }

    /** The axis operator replays an agency's abandoned pushes. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Registration replayFor(String agency) {
        return requeue(agency);
    }

    private Registration requeue(String agency) {
        ExchangeWebhook hook = agency == null ? null : em.find(ExchangeWebhook.class, agency);
        if (hook == null) {
            throw DomainException.notFound("exchange.webhook.not-found", "the agency has no webhook");
        }
        OffsetDateTime now = now();
        em.createQuery(
                        "SELECT p FROM ExchangePush p WHERE p.agencyCode = :agency AND p.state = :abandoned",
                        ExchangePush.class)
                .setParameter("agency", agency)
                .setParameter("abandoned", ExchangePush.State.ABANDONED)
                .getResultStream()
                .forEach(p -> p.retry(now));
        em.flush();
        return view(hook, null);
    }

    private Registration view(ExchangeWebhook hook, String secret) {
        return view(hook, secret, counts(hook.getAgencyCode()));
    }

    private static Registration view(ExchangeWebhook hook, String secret, java.util.Map<String, long[]> counts) {
        long[] c = counts.getOrDefault(hook.getAgencyCode(), new long[ExchangePush.State.values().length]);
        return new Registration(
                hook.getUrl(),
                secret,
                hook.getRegisteredAt(),
                hook.getRegisteredBy(),
                c[ExchangePush.State.PENDING.ordinal()],
                c[ExchangePush.State.PUSHED.ordinal()],
                c[ExchangePush.State.ABANDONED.ordinal()]);
    }

    /** Pushes per agency and state, in one query: of one agency, or of all ({@code agency} null). */
    private java.util.Map<String, long[]> counts(String agency) {
        var query = em.createQuery(
                "SELECT p.agencyCode, p.state, COUNT(p) FROM ExchangePush p"
                        + (agency == null ? "" : " WHERE p.agencyCode = :agency") + " GROUP BY p.agencyCode, p.state",
                Object[].class);
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.computeIfAbsent((String) row[0], a -> new long[ExchangePush.State.values().length])[
                            ((ExchangePush.State) row[1]).ordinal()] =
                    ((Number) row[2]).longValue();
        }
        return counts;
    }

    /** An absolute https address (http only where allowed), without credentials in it, bounded. */
    private String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.strip().length() > MAX_URL) {
            throw invalidUrl("a webhook needs an absolute address of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl("'" + url.strip() + "' is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || (allowHttp && scheme.equals("http"))) || uri.getHost() == null) {
            throw invalidUrl("a webhook address must be an absolute https URL" + (allowHttp ? " or http URL" : ""));
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalidUrl("a webhook address carries no user name, password or fragment");
        }
        checkAddress(uri.getHost());
        return uri.toString();
    }

    /**
     * Refuses hosts that are this machine or its link (loopback, link-local such as a cloud's
     * metadata service, the wildcard address, multicast): pushes go to partner systems, never back
     * into the platform's own network neighbourhood. Private networks stay allowed, as agencies'
     * systems sit on the Government's private data network.
     */
    private void checkAddress(String host) {
        java.net.InetAddress[] addresses;
        try {
            addresses = java.net.InetAddress.getAllByName(host);
        } catch (java.net.UnknownHostException e) {
            throw invalidUrl("the host " + host + " does not resolve");
        }
        for (java.net.InetAddress address : addresses) {
            if (address.isAnyLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isMulticastAddress()
                    || (address.isLoopbackAddress() && !allowLoopback)) {
                throw invalidUrl("the host " + host + " is a local address (" + address.getHostAddress()
                        + "), not a partner system");
            }
        }
    }

    private static DomainException invalidUrl(String message) {
        return new DomainException(
                DomainException.Kind.INVALID,
                "exchange.webhook.url-invalid",
                message,
                java.util.Map.of("field", "url"));
    }

    /**
     * Adds a push for each delivery whose recipient has a webhook; in the send's transaction, after its flush.
     * {@code @PermitAll}: called by the {@link SendWriter} on the committer's thread, which carries no caller.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(List<Delivery> deliveries, OffsetDateTime now) {
        Set<String> recipients =
                deliveries.stream().map(Delivery::getRecipientCode).collect(Collectors.toSet());
        Set<String> hooked = Set.copyOf(em.createQuery(
                        "SELECT w.agencyCode FROM ExchangeWebhook w " + "WHERE w.agencyCode IN :codes", String.class)
                .setParameter("codes", recipients)
                .getResultList());
        if (hooked.isEmpty()) {
            return;
        }
        for (Delivery d : deliveries) {
            if (hooked.contains(d.getRecipientCode())) {
                em.persist(new ExchangePush(d.getId(), d.getRecipientCode(), now));
            }
        }
    }

    /** Pushes due now, oldest first. {@code @PermitAll}: for the {@link WebhookPusher}'s timer, which runs as no caller. */
    @PermitAll
    public List<Long> due(int max) {
        return em.createQuery(
                        "SELECT p.deliveryId FROM ExchangePush p WHERE p.state = :pending "
                                + "AND p.nextAttemptAt <= :now ORDER BY p.nextAttemptAt, p.deliveryId",
                        Long.class)
                .setParameter("pending", ExchangePush.State.PENDING)
                .setParameter("now", now())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The request for one push, or nothing if it is no longer wanted (the webhook is gone, the
     * document was taken back, or the push was made meanwhile). {@code @PermitAll}: for the
     * {@link WebhookPusher}'s timer, which runs as no caller.
     */
    @PermitAll
    public Optional<PushRequest> prepare(long deliveryId) {
        ExchangePush push = em.find(ExchangePush.class, deliveryId);
        if (push == null || push.getState() != ExchangePush.State.PENDING) {
            return Optional.empty();
        }
        ExchangeWebhook hook = em.find(ExchangeWebhook.class, push.getAgencyCode());
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (hook == null || delivery.getRecallState() == RecallState.AGREED) {
            push.abandon(hook == null ? "webhook removed" : "document taken back");
            return Optional.empty();
        }
        try {
            // Checked again at each push: what a name resolves to may have changed since registration.
            checkAddress(URI.create(hook.getUrl()).getHost());
        } catch (DomainException refused) {
            failed(deliveryId, refused.getMessage());
            return Optional.empty();
        }
        byte[] body = JSON.toJson(Views.InboxItem.of(delivery)).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new PushRequest(deliveryId, hook.getUrl(), body, "sha256=" + hmac(hook.getSecret(), body)));
    }

    /** HMAC-SHA256 of the body under the agency's key, in hex: what the receiver recomputes. */
    public static String hmac(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /**
     * The endpoint took the push: the delivery has arrived (01), once, as a fetch would record it.
     * {@code @PermitAll}: for the {@link WebhookPusher}'s timer, which runs as no caller.
     */
    @PermitAll
    public void succeeded(long deliveryId) {
        ExchangeLogHead head = log.lockHead();
        ExchangePush push = em.find(ExchangePush.class, deliveryId);
        if (push == null || push.getState() != ExchangePush.State.PENDING) {
            return;
        }
        OffsetDateTime now = now();
        push.pushed(now);
        Delivery delivery = em.find(Delivery.class, deliveryId);
        em.refresh(delivery);
        log.recordArrival(head, delivery, "webhook", "pushed to the agency's webhook", now);
    }

    /**
     * The attempt failed: retried later with back-off, or abandoned after the last attempt.
     * {@code @PermitAll}: for the {@link WebhookPusher}'s timer, which runs as no caller.
     */
    @PermitAll
    public void failed(long deliveryId, String error) {
        ExchangePush push = em.find(ExchangePush.class, deliveryId);
        if (push != null && push.getState() == ExchangePush.State.PENDING) {
            push.failed(
                    error,
                    now(),
                    Duration.ofSeconds(retryBaseSeconds),
                    Duration.ofSeconds(retryMaxSeconds),
                    maxAttempts);
        }
    }
}
