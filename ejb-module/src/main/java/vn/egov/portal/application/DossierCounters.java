package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import vn.egov.portal.domain.model.DossierCounter;

/**
 * The running numbers of dossier codes, from the database: the day's counter of the receiving
 * agency is locked ({@code PESSIMISTIC_WRITE}) while a number is taken, so two submissions — on one
 * instance or two — never get the same number; the counter is created on first use, in a
 * transaction of its own, so a race to create it only fails the loser's creation, which then finds the
 * winner's row.
 *
 * <p>Not a public entry point: the submission service calls it inside its own, authorised
 * transaction, hence {@code @PermitAll}.
 */
@Stateless
@PermitAll
public class DossierCounters {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /** Creates the day's counter of {@code agencyCode} unless it exists (another submission may create it at the same time). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String agencyCode, LocalDate day) {
        if (em.find(DossierCounter.class, new DossierCounter.Key(agencyCode, day)) != null) {
            return;
        }
        // A race to create it fails this transaction at flush or commit; the caller then finds the winner's row.
        em.persist(new DossierCounter(agencyCode, day));
        em.flush();
    }

    /** The next number of the day, taken under the counter's lock until the caller's transaction ends. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int take(String agencyCode, LocalDate day) {
        DossierCounter counter =
                em.find(DossierCounter.class, new DossierCounter.Key(agencyCode, day), LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("no dossier counter for " + agencyCode + " on " + day);
        }
        return counter.next();
    }
}
