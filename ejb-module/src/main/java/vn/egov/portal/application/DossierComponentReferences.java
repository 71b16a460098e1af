package vn.egov.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import vn.egov.common.infrastructure.StoredContentReferences;

/** The portal's files in the shared attachment store: those of committed dossiers' components. */
@ApplicationScoped
public class DossierComponentReferences implements StoredContentReferences {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Override
    public Set<String> referenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "SELECT DISTINCT c.sha256 FROM DossierComponent c WHERE c.sha256 IN :hashes", String.class)
                .setParameter("hashes", hashes)
                .getResultList());
    }
}
