package vn.egov.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import vn.egov.common.infrastructure.StoredContentReferences;

/** The exchange's files in the shared attachment store: those of committed documents' attachments. */
@ApplicationScoped
public class ExchangeAttachmentReferences implements StoredContentReferences {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Override
    public Set<String> referenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "SELECT DISTINCT a.sha256 FROM ExchangeAttachment a WHERE a.sha256 IN :hashes", String.class)
                .setParameter("hashes", hashes)
                .getResultList());
    }
}
