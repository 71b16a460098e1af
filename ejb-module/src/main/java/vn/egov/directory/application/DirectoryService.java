package vn.egov.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
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
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.SearchText;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Agency;
import vn.egov.directory.domain.model.AgencyCode;
import vn.egov.directory.domain.model.Person;
import vn.egov.directory.domain.model.Role;

/**
 * The directory of agencies and people: who exists, under whom, and how to reach them. Any signed-in
 * caller may read it (agencies address each other through it); registering an agency is for the
 * system administrator anywhere, and for an agency administrator inside their own agency's subtree.
 */
@Stateless
@DeclareRoles({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
public class DirectoryService {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

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

    public List<Agency> search(AgencySearch search) {
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
                .getResultList();
    }

    /** One agency by code: 400 {@code agency.code.invalid} for a malformed code, 404 when unknown. */
    public Agency agency(String code) {
        callers.current().requireAuthenticated();
        String checked = checkedCode(code);
        return Optional.ofNullable(em.find(Agency.class, checked)).orElseThrow(() -> DomainException.notFound(
                "agency.not-found", "no agency has the code " + checked));
    }

    /** The agencies at the top of the hierarchy (ministries, central bodies, provinces). */
    public List<Agency> topLevel() {
        callers.current().requireAuthenticated();
        return em.createQuery("SELECT a FROM Agency a WHERE a.parentCode IS NULL AND a.active = :active ORDER BY a.code",
                Agency.class).setParameter("active", true).getResultList();
    }

    /** How many direct children each of {@code codes} has (codes without children are absent). */
    public Map<String, Long> childCounts(List<String> codes) {
        callers.current().requireAuthenticated();
        Map<String, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT a.parentCode, COUNT(a) FROM Agency a WHERE a.parentCode IN :codes AND a.active = :active"
                + " GROUP BY a.parentCode", Object[].class).setParameter("codes", codes).setParameter("active", true).getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public Agency register(NewAgency request) {
        Caller caller = callers.current().requireAuthenticated();
        AgencyCode code = AgencyCode.parse(request.code());
        if (request.level() == null) {
            throw DomainException.invalid("agency.level.invalid", "the level of the agency is required");
        }
        Agency parent = null;
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            if (!request.level().isTopLevel() || code.depth() != 1) {
                throw DomainException.invalid("agency.parent.required",
                        "only a level-1 unit of level CENTRAL, MINISTRY or PROVINCE may have no parent");
            }
        } else {
            parent = em.find(Agency.class, checkedCode(request.parentCode()));
            if (parent == null) {
                throw DomainException.invalid("agency.parent.unknown", "no agency has the code " + request.parentCode());
            }
            if (request.level().isTopLevel()) {
                throw DomainException.invalid("agency.level.invalid",
                        "an agency with a parent is a DEPARTMENT, DISTRICT or COMMUNE");
            }
            if (!code.isChildOf(AgencyCode.parse(parent.getCode()))) {
                throw DomainException.invalid("agency.code.parent-mismatch", "the code " + code
                        + " does not extend its parent's code " + parent.getCode() + " by one level");
            }
        }
        if (!callers.isInRole(Role.SYSADMIN_ROLE) && !withinCallersAgency(caller, parent)) {
            throw DomainException.forbidden("agency.scope.forbidden",
                    "an agency administrator registers agencies only under their own agency");
        }
        if (em.find(Agency.class, code.value()) != null) {
            throw DomainException.conflict("agency.code.taken", "the code " + code + " is already in use");
        }
        Agency agency = new Agency(code, request.name(), request.nameEn(), request.shortName(),
                parent == null ? null : parent.getCode(), request.level());
        agency.setContact(request.address(), request.email(), request.phone(), request.website());
        em.persist(agency);
        return agency;
    }

    public Optional<Person> person(String username) {
        callers.current().requireAuthenticated();
        return em.createNamedQuery("Person.byUsername", Person.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private static boolean withinCallersAgency(Caller caller, Agency parent) {
        if (parent == null || caller.agencyCode() == null || !AgencyCode.STRICT.matcher(caller.agencyCode()).matches()) {
            return false;
        }
        return AgencyCode.parse(parent.getCode()).isWithin(AgencyCode.parse(caller.agencyCode()));
    }

    private String checkedCode(String code) {
        if (code == null || code.length() > 20 || !codePattern.matcher(code).matches()) {
            throw DomainException.invalid("agency.code.invalid",
                    "'" + code + "' is not an agency code of the form LLL.KK.JJ.XNN (e.g. 000.00.00.G22)");
        }
        return code;
    }

}
