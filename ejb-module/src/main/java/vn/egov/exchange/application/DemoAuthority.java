package vn.egov.exchange.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import vn.egov.common.infrastructure.Certificates;
import vn.egov.common.infrastructure.Pem;
import vn.egov.exchange.domain.model.TrustAnchor;

/**
 * The demo certification authority, created once in a transaction of its own: a send that is
 * refused (and rolled back) must not take the CA it happened to create with it, while the trust
 * list already holds it. A singleton, so callers arriving together on a new database (members
 * voting for the first time) wait for the one that creates it instead of inserting it twice.
 *
 * <p>{@code @PermitAll}: called only by other beans (exchange signatures, cabinet member keys) that
 * checked their own callers.
 */
@Singleton
@PermitAll
public class DemoAuthority {

    private static final Logger LOG = Logger.getLogger(DemoAuthority.class.getName());
    static final String NAME = "demo-ca";

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Certificates.Issued ensure() {
        TrustAnchor row = em.find(TrustAnchor.class, NAME);
        if (row == null) {
            Certificates.Issued issued = Certificates.demoAuthority();
            em.persist(new TrustAnchor(NAME, Pem.of(issued.certificate()), Pem.of(issued.key()), OffsetDateTime.now()));
            LOG.info("Created the demo certification authority");
            return issued;
        }
        return new Certificates.Issued(
                Pem.privateKey(row.getPrivateKeyPem()), Pem.certificate(row.getCertificatePem()));
    }
}
