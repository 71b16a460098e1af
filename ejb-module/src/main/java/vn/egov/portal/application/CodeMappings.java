package vn.egov.portal.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;

/**
 * The local ↔ national code mappings status sync translates through (procedure, field, agency,
 * status): data an administrator maintains, not code. A system administrator maintains any
 * agency's; an agency administrator those of its agency and the agencies below it — another
 * agency's answer as not found. The tables are plain rows keyed by (agency, local code), written
 * with SQL here because the three tables share one shape and sync reads them with one query.
 */
@Stateless
@DeclareRoles({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
public class CodeMappings {

    public static final String NOT_FOUND = "portal.mapping.not-found";
    public static final String INVALID = "portal.mapping.invalid";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    /** The mappings of one kind held by {@code agency} (default: the caller's). */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public List<CodeMapping> list(MappingKind kind, String agency) {
        String owner = owner(agency);
        return rows(kind, owner, null);
    }

    /** One mapping; 404 {@code portal.mapping.not-found} when there is none (or it is another agency's). */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public CodeMapping get(MappingKind kind, String agency, String localCode) {
        String owner = owner(agency);
        return rows(kind, owner, local(localCode)).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(NOT_FOUND, "no such mapping"));
    }

    /** Sets what {@code localCode} means nationally for {@code agency} and the agencies below it. */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public CodeMapping put(
            MappingKind kind, String agency, String localCode, String nationalCode, String nationalName) {
        String owner = owner(agency);
        String local = local(localCode);
        String national = text("nationalCode", nationalCode, kind.nationalLength(), true);
        String name = text("nationalName", nationalName, kind == MappingKind.PROCEDURE ? 1000 : 500, false);
        if (kind == MappingKind.STATUS && !national.matches("[1-9]|10")) {
            throw DomainException.invalid(INVALID, "a status maps to a national status 1–10");
        }
        if (kind == MappingKind.AGENCY && !directory.tree().contains(national)) {
            throw DomainException.invalid(INVALID, "an agency maps to an agency code of the directory");
        }
        String who = callers.current().name();
        OffsetDateTime now = OffsetDateTime.now();
        delete(kind, owner, local, false);
        StringBuilder sql =
                new StringBuilder("INSERT INTO ").append(kind.table()).append(" (agency_code, ");
        if (kind.dictionary() != null) {
            sql.append("kind, ");
        }
        sql.append("local_code, national_code, ");
        if (kind != MappingKind.STATUS) {
            sql.append("national_name, ");
        }
        sql.append("updated_by, updated_at) VALUES (?1, ");
        if (kind.dictionary() != null) {
            sql.append("'").append(kind.dictionary()).append("', ");
        }
        sql.append("?2, ?3, ");
        if (kind != MappingKind.STATUS) {
            sql.append("?4, ");
        }
        sql.append("?5, ?6)");
        var insert = em.createNativeQuery(sql.toString())
                .setParameter(1, owner)
                .setParameter(2, local)
                .setParameter(3, kind == MappingKind.STATUS ? (Object) Integer.valueOf(national) : national)
                .setParameter(5, who)
                .setParameter(6, now);
        if (kind != MappingKind.STATUS) {
            insert.setParameter(4, name);
        }
        insert.executeUpdate();
        return new CodeMapping(kind, owner, local, national, kind == MappingKind.STATUS ? null : name, who, now);
    }

    /** Removes a mapping: the local code is taken as national again. 404 when there is none. */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public void remove(MappingKind kind, String agency, String localCode) {
        delete(kind, owner(agency), local(localCode), true);
    }

    private void delete(MappingKind kind, String owner, String local, boolean mustExist) {
        String sql = "DELETE FROM " + kind.table() + " WHERE agency_code = ?1 AND local_code = ?2"
                + (kind.dictionary() == null ? "" : " AND kind = '" + kind.dictionary() + "'");
        int deleted = em.createNativeQuery(sql)
                .setParameter(1, owner)
                .setParameter(2, local)
                .executeUpdate();
        if (mustExist && deleted == 0) {
            throw DomainException.notFound(NOT_FOUND, "no such mapping");
        }
    }

    private List<CodeMapping> rows(MappingKind kind, String owner, String local) {
        String sql = "SELECT local_code, CAST(national_code AS VARCHAR(50)), "
                + (kind == MappingKind.STATUS ? "NULL" : "national_name")
                + ", updated_by, updated_at FROM " + kind.table() + " WHERE agency_code = ?1"
                + (kind.dictionary() == null ? "" : " AND kind = '" + kind.dictionary() + "'")
                + (local == null ? "" : " AND local_code = ?2")
                + " ORDER BY local_code";
        var query = em.createNativeQuery(sql).setParameter(1, owner);
        if (local != null) {
            query.setParameter(2, local);
        }
        return ((List<?>) query.getResultList())
                .stream()
                        .map(row -> (Object[]) row)
                        .map(r -> new CodeMapping(
                                kind,
                                owner,
                                (String) r[0],
                                ((String) r[1]).strip(),
                                (String) r[2],
                                (String) r[3],
                                toOffset(r[4])))
                        .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString().replace(' ', 'T'));
    }

    /** The agency whose mappings are meant, checked against the caller; another agency's is 404. */
    private String owner(String agency) {
        Caller caller = callers.current().requireAgency(NOT_FOUND, "maintain code mappings");
        String owner = agency == null || agency.isBlank() ? caller.agencyCode() : agency.strip();
        boolean sysadmin = callers.isInRole(Role.SYSADMIN_ROLE);
        if (!directory.tree().contains(owner) || (!sysadmin && !directory.tree().within(owner, caller.agencyCode()))) {
            throw DomainException.notFound(NOT_FOUND, "no such mapping");
        }
        return owner;
    }

    private static String local(String code) {
        return text("localCode", code, 50, true);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainException.invalid(INVALID, field + " is required");
            }
            return null;
        }
        if (TextRule.violation(value, true) != null) {
            throw DomainException.invalid(TextRule.CODE, field + " is not single-line text");
        }
        String text = value.strip();
        if (text.length() > max) {
            throw DomainException.invalid(INVALID, field + " is longer than " + max + " characters");
        }
        return text;
    }
}
