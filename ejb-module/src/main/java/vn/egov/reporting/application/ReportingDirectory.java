package vn.egov.reporting.application;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The agency tree, read once and kept for a minute: analytics walk it on every query, and the
 * directory changes a few times a year. A new agency shows up in roll-ups within a minute.
 */
@Singleton
@Lock(LockType.READ)
public class ReportingDirectory {

    private static final long TTL_NANOS = 60_000_000_000L;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    private volatile AgencyTree tree;
    private volatile long loadedAt;

    public AgencyTree tree() {
        AgencyTree current = tree;
        if (current == null || System.nanoTime() - loadedAt > TTL_NANOS) {
            List<AgencyTree.Node> nodes = em.createQuery("SELECT a.code, a.parentCode, a.name, a.level FROM Agency a",
                    Object[].class).getResultList().stream().map(row -> new AgencyTree.Node((String) row[0],
                    (String) row[1], (String) row[2], String.valueOf(row[3]))).toList();
            current = new AgencyTree(nodes);
            tree = current;
            loadedAt = System.nanoTime();
        }
        return current;
    }
}
