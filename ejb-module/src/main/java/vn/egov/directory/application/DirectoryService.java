package vn.egov.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.SearchText;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Agency;
import vn.egov.directory.domain.model.AgencyCode;
import vn.egov.directory.domain.model.PartnerClient;
import vn.egov.directory.domain.model.Person;
import vn.egov.directory.domain.model.Role;

/**
 * The directory of agencies and people, and the one way every other area reads them: who exists,
 * under whom, with which roles, and how to reach them. It answers with records
 * ({@link AgencyRecord}, {@link PersonRecord}, {@link AgencyTree}), never entities, so no other area
 * queries the directory's tables or depends on their mapping.
 *
 * <p>Two kinds of method. The directory's own operations (search, look-up, registration) check
 * the caller: any signed-in caller may read (agencies address each other through it); registering an
 * agency is for the system administrator anywhere, and for an agency administrator inside their own
 * agency's subtree. The look-ups other areas' services make on their callers' behalf
 * ({@code find…}, {@code tree}, {@code people…}, {@code credentials…}) are {@code @PermitAll}: the
 * calling service has already decided what its caller may do, and sign-in itself runs before anyone is
 * signed in.
 */
@Stateless
@DeclareRoles({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE, Role.AUTHENTICATED})
public class DirectoryService {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private AgencyTreeCache treeCache;

    @Inject
    @ConfigProperty(name = "egov.directory.agency-code-pattern")
    private String codePatternText;

    @Inject
    @ConfigProperty(name = "egov.directory.max-page-size", defaultValue = "1000")
    private int maxPageSize;

    private Pattern codePattern;

    @PostConstruct
    void init() {
        codePattern = Pattern.compile(codePatternText);
    }

    private static final int MAX_SEARCH_WORDS = 8;

    @RolesAllowed(Role.AUTHENTICATED)
    public List<AgencyRecord> search(AgencySearch search) {
        callers.current().requireAuthenticated();
        StringBuilder jpql = new StringBuilder("SELECT a FROM Agency a WHERE a.active = :active");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("active", true);
        if (search.text() != null && !search.text().isBlank()) {
            // Every word must occur, in any order ("so y te thanh hoa" finds "Sở Y tế tỉnh Thanh Hóa").
            // Plain LIKE, no ESCAPE clause and no function: with either, EclipseLink's H2 platform
            // inlines every parameter of the statement, booleans as 1, which H2 2.x refuses.
            List<String> words = SearchText.words(search.text(), MAX_SEARCH_WORDS);
            for (int i = 0; i < words.size(); i++) {
                jpql.append(" AND a.searchText LIKE :w").append(i);
                parameters.put("w" + i, words.get(i));
            }
        }
        if (search.parentCode() != null && !search.parentCode().isBlank()) {
            jpql.append(" AND a.parentCode = :parent");
            parameters.put("parent", checkedCode(search.parentCode()));
        }
        if (search.level() != null) {
            jpql.append(" AND a.level = :level");
            parameters.put("level", search.level());
        }
        jpql.append(" ORDER BY a.code");
        TypedQuery<Agency> query = em.createQuery(jpql.toString(), Agency.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, search.offset()))
                .setMaxResults(Math.min(Math.max(1, search.limit()), maxPageSize))
                .getResultStream()
                .map(AgencyRecord::of)
                .toList();
    }

    /** One agency by code: 400 {@code agency.code.invalid} for a malformed code, 404 when unknown. */
    @RolesAllowed(Role.AUTHENTICATED)
    public AgencyRecord agency(String code) {
        callers.current().requireAuthenticated();
        String checked = checkedCode(code);
        return Optional.ofNullable(em.find(Agency.class, checked))
                .map(AgencyRecord::of)
                .orElseThrow(() -> DomainException.notFound("agency.not-found", "no agency has the code " + checked));
    }

    /** The agencies at the top of the hierarchy (ministries, central bodies, provinces). */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<AgencyRecord> topLevel() {
        callers.current().requireAuthenticated();
        return em.createQuery(
                        "SELECT a FROM Agency a WHERE a.parentCode IS NULL AND a.active = :active ORDER BY a.code",
                        Agency.class)
                .setParameter("active", true)
                .getResultStream()
                .map(AgencyRecord::of)
                .toList();
    }

    /** How many direct children each of {@code codes} has (codes without children are absent). */
    @RolesAllowed(Role.AUTHENTICATED)
    public Map<String, Long> childCounts(List<String> codes) {
        callers.current().requireAuthenticated();
        Map<String, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        em.createQuery(
                        "SELECT a.parentCode, COUNT(a) FROM Agency a WHERE a.parentCode IN :codes AND a.active = :active"
                                + " GROUP BY a.parentCode",
                        Object[].class)
                .setParameter("codes", codes)
                .setParameter("active", true)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public AgencyRecord register(NewAgency request) {
        Caller caller = callers.current().requireAuthenticated();
        AgencyCode code = AgencyCode.parse(request.code());
        if (request.level() == null) {
            throw DomainException.invalid("agency.level.invalid", "the level of the agency is required");
        }
        Agency parent = null;
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            if (!request.level().isTopLevel() || code.depth() != 1) {
                throw DomainException.invalid(
                        "agency.parent.required",
                        "only a level-1 unit of level CENTRAL, MINISTRY or PROVINCE may have no parent");
            }
        } else {
            parent = em.find(Agency.class, checkedCode(request.parentCode()));
            if (parent == null) {
                throw DomainException.invalid(
                        "agency.parent.unknown", "no agency has the code " + request.parentCode());
            }
            if (request.level().isTopLevel()) {
                throw DomainException.invalid(
                        "agency.level.invalid", "an agency with a parent is a DEPARTMENT, DISTRICT or COMMUNE");
            }
            if (!code.isChildOf(AgencyCode.parse(parent.getCode()))) {
                throw DomainException.invalid(
                        "agency.code.parent-mismatch",
                        "the code " + code + " does not extend its parent's code " + parent.getCode()
                                + " by one level");
            }
        }
        if (!callers.isInRole(Role.SYSADMIN_ROLE) && !withinCallersAgency(caller, parent)) {
            throw DomainException.forbidden(
                    "agency.scope.forbidden", "an agency administrator registers agencies only under their own agency");
        }
        if (em.find(Agency.class, code.value()) != null) {
            throw DomainException.conflict("agency.code.taken", "the code " + code + " is already in use");
        }
        Agency agency = new Agency(
                code,
                request.name(),
                request.nameEn(),
                request.shortName(),
                parent == null ? null : parent.getCode(),
                request.level());
        agency.setContact(request.address(), request.email(), request.phone(), request.website());
        em.persist(agency);
        treeCache.invalidate();
        return AgencyRecord.of(agency);
    }

    // ---------------------------------------------------------------- look-ups for other areas

    /**
     * The agency with this code, active or not; empty when there is none (the code is not checked).
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public Optional<AgencyRecord> findAgency(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(em.find(Agency.class, code)).map(AgencyRecord::of);
    }

    /**
     * The agency's name, or the code itself when the directory has no such agency (for labels).
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public String agencyName(String code) {
        String name = tree().name(code);
        return name == null ? code : name;
    }

    /**
     * The whole agency hierarchy, at most a minute old (see {@link AgencyTreeCache}).
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public AgencyTree tree() {
        return treeCache.tree();
    }

    /**
     * The person with this username, active or not.
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public Optional<PersonRecord> findPerson(String username) {
        return personEntity(username).map(PersonRecord::of);
    }

    /**
     * The person with this username, with their directory entry locked until the caller's
     * transaction ends: for a service that must do something once per person when two requests of
     * the same person arrive together (the cabinet issuing a first signing key).
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public Optional<PersonRecord> lockPerson(String username) {
        return username == null
                ? Optional.empty()
                : em.createNamedQuery("Person.byUsername", Person.class)
                        .setParameter("username", username)
                        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream()
                        .findFirst()
                        .map(PersonRecord::of);
    }

    /**
     * Every active person holding {@code role}, by username.
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public List<PersonRecord> activePeopleWithRole(Role role) {
        return em.createNamedQuery("Person.activeWithRole", Person.class)
                .setParameter("role", role)
                .getResultStream()
                .map(PersonRecord::of)
                .toList();
    }

    /**
     * The active people of one agency holding any of {@code roles}, by full name.
     * {@code @PermitAll}: a look-up for other areas' services, which checked their callers.
     */
    @PermitAll
    public List<PersonRecord> activePeopleOf(String agencyCode, Set<Role> roles) {
        return em.createQuery(
                        "SELECT DISTINCT p FROM Person p JOIN p.roles r WHERE p.agencyCode = :agency"
                                + " AND p.active = :active AND r IN :roles ORDER BY p.fullName",
                        Person.class)
                .setParameter("agency", agencyCode)
                .setParameter("active", true)
                .setParameter("roles", roles)
                // everyone's roles in one more query, not one per person
                .setHint("eclipselink.batch", "p.roles")
                .setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .map(PersonRecord::of)
                .toList();
    }

    /**
     * For sign-in only: the person's stored password hash with who they are.
     * {@code @PermitAll}: sign-in runs before anyone is signed in.
     */
    @PermitAll
    public Optional<Credentials> personCredentials(String username) {
        return personEntity(username)
                .map(p -> new Credentials(
                        Credentials.Kind.PERSON,
                        p.getUsername(),
                        p.getFullName(),
                        p.getAgencyCode(),
                        p.getRoles(),
                        p.isActive(),
                        p.getPasswordHash()));
    }

    /**
     * For sign-in only: a partner system's stored secret hash with its agency and roles.
     * {@code @PermitAll}: sign-in runs before anyone is signed in.
     */
    @PermitAll
    public Optional<Credentials> clientCredentials(String clientId) {
        return Optional.ofNullable(clientId == null ? null : em.find(PartnerClient.class, clientId))
                .map(c -> new Credentials(
                        Credentials.Kind.PARTNER_CLIENT,
                        c.getClientId(),
                        c.getName(),
                        c.getAgencyCode(),
                        c.getRoles(),
                        c.isActive(),
                        c.getSecretHash()));
    }

    /**
     * The agency of an active partner client, for the sharing registry, which binds a member
     * subsystem to the client whose tokens prove it. {@code @PermitAll}: a look-up for other areas'
     * services, which checked their callers.
     */
    @PermitAll
    public Optional<String> activeClientAgency(String clientId) {
        return Optional.ofNullable(clientId == null ? null : em.find(PartnerClient.class, clientId))
                .filter(PartnerClient::isActive)
                .map(PartnerClient::getAgencyCode);
    }

    private Optional<Person> personEntity(String username) {
        return username == null
                ? Optional.empty()
                : em.createNamedQuery("Person.byUsername", Person.class)
                        .setParameter("username", username)
                        .getResultStream()
                        .findFirst();
    }

    private static boolean withinCallersAgency(Caller caller, Agency parent) {
        if (parent == null
                || caller.agencyCode() == null
                || !AgencyCode.STRICT.matcher(caller.agencyCode()).matches()) {
            return false;
        }
        return AgencyCode.parse(parent.getCode()).isWithin(AgencyCode.parse(caller.agencyCode()));
    }

    private String checkedCode(String code) {
        if (code == null || code.length() > 20 || !codePattern.matcher(code).matches()) {
            throw DomainException.invalid(
                    "agency.code.invalid",
                    "'" + code + "' is not an agency code of the form LLL.KK.JJ.XNN (e.g. 000.00.00.G22)");
        }
        return code;
    }
}
