package vn.egov.directory.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.directory.domain.model.Agency;
import vn.egov.directory.domain.model.AgencyCode;
import vn.egov.directory.domain.model.PartnerClient;
import vn.egov.directory.domain.model.Person;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.application.Passwords;

/**
 * Demo mode, applied at every start. On: the demo directory is loaded into an empty directory,
 * demo people and partner clients exist, and their password / secret follow the configuration.
 * Off: no demo person or client exists (agencies stay: documents will refer to them).
 *
 * <p>Every demo account shares one hash of the demo password: hashing it once per account would
 * cost seconds of PBKDF2 at each start for no security gain in a demo.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    /** Extra demo clients beyond one per agency, for administration through the API. */
    static final String SYSADMIN_CLIENT = "sysadmin-client";

    static final String H41_ADMIN_CLIENT = "000.00.00.H41-admin";

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "egov.demo.password", defaultValue = "demo")
    private String password;

    @Inject
    @ConfigProperty(name = "egov.demo.client-secret", defaultValue = "demo")
    private String clientSecret;

    @Inject
    private Passwords hasher;

    @PostConstruct
    void apply() {
        if (!enabled) {
            removeDemoAccounts();
            return;
        }
        loadAgencies();
        loadPeople();
        loadClients();
    }

    private void removeDemoAccounts() {
        List<Person> people = demoPeople();
        List<PartnerClient> clients = demoClients();
        people.forEach(em::remove);
        clients.forEach(em::remove);
        if (!people.isEmpty() || !clients.isEmpty()) {
            LOG.info(() -> "Demo mode is off: removed " + people.size() + " demo people and " + clients.size()
                    + " demo clients");
        }
    }

    private void loadAgencies() {
        long existing =
                em.createQuery("SELECT COUNT(a) FROM Agency a", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        for (DemoDirectory.DemoAgency demo : DemoDirectory.agencies()) {
            Agency agency = new Agency(
                    AgencyCode.parse(demo.code()),
                    demo.name(),
                    demo.nameEn(),
                    demo.shortName(),
                    demo.parentCode(),
                    demo.level());
            agency.setConnected(demo.parentCode() == null);
            em.persist(agency);
            // Parents first: the foreign key is checked row by row.
            em.flush();
        }
        LOG.info("Demo directory loaded");
    }

    private void loadPeople() {
        Set<String> existing = demoPeople().stream().map(Person::getUsername).collect(Collectors.toSet());
        String hash = currentHash(
                hasher,
                password,
                demoPeople().stream().map(Person::getPasswordHash).findFirst().orElse(null));
        for (DemoDirectory.DemoPerson demo : DemoDirectory.people()) {
            if (!existing.contains(demo.username())) {
                em.persist(new Person(
                        demo.username(),
                        demo.fullName(),
                        demo.username() + "@demo.egov.vn",
                        demo.agencyCode(),
                        hash,
                        demo.roles(),
                        true));
            }
        }
        Map<String, DemoDirectory.DemoOffice> offices = DemoDirectory.offices();
        for (Person p : demoPeople()) {
            p.setPasswordHash(hash);
            // Set again on every start, so a database made before offices were recorded gets them too.
            DemoDirectory.DemoOffice office = offices.get(p.getUsername());
            if (office != null) {
                p.setOffice(office.title(), office.protocolOrder() > 0 ? office.protocolOrder() : null);
            }
        }
    }

    private void loadClients() {
        Set<String> existing =
                demoClients().stream().map(PartnerClient::getClientId).collect(Collectors.toSet());
        String hash = currentHash(
                hasher,
                clientSecret,
                demoClients().stream()
                        .map(PartnerClient::getSecretHash)
                        .findFirst()
                        .orElse(null));
        Set<Role> systemRoles = EnumSet.of(Role.CLERK, Role.REPORTER);
        for (DemoDirectory.DemoAgency demo : DemoDirectory.agencies()) {
            if (!existing.contains(demo.code())) {
                em.persist(new PartnerClient(
                        demo.code(), "Demo system of " + demo.nameEn(), demo.code(), hash, systemRoles, true));
            }
        }
        for (DemoDirectory.DemoOneStopSystem system : DemoDirectory.oneStopSystems()) {
            if (!existing.contains(system.clientId())) {
                em.persist(new PartnerClient(
                        system.clientId(),
                        system.name(),
                        system.agencyCode(),
                        hash,
                        EnumSet.of(Role.ONE_STOP_SYSTEM),
                        true));
            }
        }
        if (!existing.contains(SYSADMIN_CLIENT)) {
            em.persist(new PartnerClient(
                    SYSADMIN_CLIENT,
                    "Demo directory administration",
                    "000.00.00.G22",
                    hash,
                    EnumSet.of(Role.SYSADMIN),
                    true));
        }
        if (!existing.contains(H41_ADMIN_CLIENT)) {
            em.persist(new PartnerClient(
                    H41_ADMIN_CLIENT,
                    "Demo administration of Nghệ An",
                    "000.00.00.H41",
                    hash,
                    EnumSet.of(Role.AGENCY_ADMIN),
                    true));
        }
        demoClients().forEach(c -> c.setSecretHash(hash));
    }

    private List<Person> demoPeople() {
        return em.createNamedQuery("Person.demo", Person.class)
                .setParameter("demo", true)
                .getResultList();
    }

    private List<PartnerClient> demoClients() {
        return em.createNamedQuery("PartnerClient.demo", PartnerClient.class)
                .setParameter("demo", true)
                .getResultList();
    }

    /** Keeps the stored hash when it still matches the configured value, so restarts stay cheap. */
    private static String currentHash(Passwords hasher, String value, String stored) {
        return stored != null && hasher.verify(value, stored) ? stored : hasher.hash(value);
    }
}
