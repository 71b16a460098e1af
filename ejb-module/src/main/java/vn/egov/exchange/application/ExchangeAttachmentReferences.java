package vn.egov.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import vn.egov.common.infrastructure.StoredContentReferences;

/**
 * The exchange's files in the shared attachment store: those of committed documents' attachments and
 * the edXML packages kept as sent.
 */
@ApplicationScoped
public class ExchangeAttachmentReferences implements StoredContentReferences {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Override
    public Set<String> referenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>(em.createQuery(
                        "SELECT DISTINCT a.sha256 FROM ExchangeAttachment a WHERE a.sha256 IN :hashes", String.class)
                .setParameter("hashes", hashes)
                .getResultList());
        found.addAll(em.createQuery(
                        "SELECT DISTINCT d.payloadSha256 FROM ExchangeDocument d"
                                + " WHERE d.packageSize IS NOT NULL AND d.payloadSha256 IN :hashes",
                        String.class)
                .setParameter("hashes", hashes)
                .getResultList());
        return found;
    }
}
