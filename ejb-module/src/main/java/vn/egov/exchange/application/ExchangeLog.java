package vn.egov.exchange.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import vn.egov.common.application.HashChain;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.DeliveryStatus;
import vn.egov.exchange.domain.model.ExchangeLogEntry;
import vn.egov.exchange.domain.model.ExchangeLogHead;
import vn.egov.exchange.domain.model.StatusEntry;

/**
 * The append-only, hash-chained exchange log. Appends happen inside the caller's transaction, under
 * the head row's lock, so the chain has no gaps or forks and a rolled-back exchange leaves no entry.
 *
 * <p>{@code @PermitAll}: its appends are steps of exchange operations whose callers those services
 * checked, some on threads that carry no caller (the send committer, the webhook timer). Verifying
 * the whole chain is for the system administrator.
 */
@Stateless
@PermitAll
public class ExchangeLog {

    private static final int PAGE = 1000;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /** Locks the head for the rest of the transaction; every exchange operation takes it first. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ExchangeLogHead lockHead() {
        return em.find(ExchangeLogHead.class, ExchangeLogHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ExchangeLogEntry append(
            ExchangeLogHead head,
            String action,
            Long documentPk,
            String agencyCode,
            String actor,
            String detail,
            OffsetDateTime at) {
        ExchangeLogEntry entry = new ExchangeLogEntry(
                head.next(), at, action, documentPk, agencyCode, actor, detail, head.getLastHash());
        em.persist(entry);
        head.setLastHash(entry.getEntryHash());
        return entry;
    }

    /**
     * Records that a delivery arrived (01) — fetched from the inbox or taken by the agency's webhook —
     * with its history entry and its log entry, once: a delivery that had arrived stays as it was.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordArrival(ExchangeLogHead head, Delivery delivery, String actor, String how, OffsetDateTime at) {
        StatusEntry entry = delivery.report(
                DeliveryStatus.ARRIVED, new StatusEntry.Details(how, actor, null, null, null, null), at);
        if (entry != null) {
            em.persist(entry);
            append(
                    head,
                    "ARRIVED",
                    delivery.getDocument().getId(),
                    delivery.getRecipientCode(),
                    actor,
                    "status 01 (" + how + ")",
                    at);
        }
    }

    /** Re-computes every link; reports the first entry that does not match, or a head that does not. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Views.LogVerification verify() {
        ExchangeLogHead head = em.find(ExchangeLogHead.class, ExchangeLogHead.ID);
        em.refresh(head);
        HashChain.Verification v = HashChain.verify(
                em, ExchangeLogEntry.class, ExchangeLogEntry.GENESIS, head.getLastSeq(), head.getLastHash(), PAGE);
        return new Views.LogVerification(v.valid(), v.entries(), v.firstBrokenSeq(), v.problem(), v.lastHash());
    }
}
