package vn.egov.security.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.egov.directory.domain.model.Role;
import vn.egov.security.domain.model.SecurityEvent;
import vn.egov.security.domain.model.SecurityEventType;

/**
 * The security audit log. Each event is written in its own transaction: a refused request rolls
 * back its own work, but the record that it was refused must stay.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /**
     * Records one event in a transaction of its own. {@code @PermitAll}: most events are about
     * callers who are not signed in (a refused sign-in, a forged token).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(
            SecurityEventType type, String principal, String agencyCode, String remoteAddress, String detail) {
        em.persist(new SecurityEvent(type, principal, agencyCode, remoteAddress, detail));
    }

    /** The newest events first, optionally of one type. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public List<SecurityEvent> recent(SecurityEventType type, int offset, int limit) {
        String where = type == null ? "" : " WHERE e.type = :type";
        var query =
                em.createQuery("SELECT e FROM SecurityEvent e" + where + " ORDER BY e.id DESC", SecurityEvent.class);
        if (type != null) {
            query.setParameter("type", type);
        }
        return query.setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), 500))
                .getResultList();
    }
}
