package vn.egov.common.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the readiness check asks: does the database answer through the application's own pool?
 * {@code @PermitAll}: the health endpoint is asked by the orchestrator, which does not sign in.
 */
@Stateless
@PermitAll
public class PlatformStatus {

    private static final Logger LOG = Logger.getLogger(PlatformStatus.class.getName());

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    public boolean databaseAnswers() {
        try {
            return em.createQuery("SELECT COUNT(a) FROM Agency a", Long.class).getSingleResult() >= 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "database does not answer", e);
            return false;
        }
    }
}
