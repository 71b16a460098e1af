package vn.egov.directory.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The agency tree, read once and kept for a minute: roll-ups and the recipient picker walk it on
 * every request, and the directory changes a few times a year. The instance that registers an agency
 * drops its copy at once; other instances of a cluster see the new agency within a minute.
 *
 * <p>{@code @PermitAll}: called only by {@link DirectoryService}, whose methods say who may call them.
 */
@Singleton
@PermitAll
@Lock(LockType.READ)
public class AgencyTreeCache {

    private static final long TTL_NANOS = 60_000_000_000L;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    private volatile AgencyTree tree;
    private volatile long loadedAt;

    /** The current tree; directory callers go through {@link DirectoryService#tree()}. */
    public AgencyTree tree() {
        AgencyTree current = tree;
        if (current == null || System.nanoTime() - loadedAt > TTL_NANOS) {
            current =
                    new AgencyTree(em.createQuery("SELECT a FROM Agency a", vn.egov.directory.domain.model.Agency.class)
                            .getResultStream()
                            .map(AgencyRecord::of)
                            .toList());
            tree = current;
            loadedAt = System.nanoTime();
        }
        return current;
    }

    /** Forgets the tree: the next reader loads it anew. */
    public void invalidate() {
        tree = null;
    }
}
