package vn.egov.sharing.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.HashChain;
import vn.egov.directory.domain.model.Role;
import vn.egov.sharing.application.SharingViews.ChainVerification;
import vn.egov.sharing.application.SharingViews.Evidence;
import vn.egov.sharing.application.SharingViews.LogEntryView;
import vn.egov.sharing.domain.model.MessageLogEntry;
import vn.egov.sharing.domain.model.MessageLogHead;

/**
 * The gateway's message log (X-Road's message log, without the bodies): every call, refused ones
 * included, appended in its own transaction under the head row's lock, committed before the answer
 * leaves, so the chain has no gaps or forks and no answer goes out unrecorded. Administrators search
 * it (an agency's sees the calls its agency made or answered), verify the whole chain and export the
 * evidence for one call ({@code X-Road-Id}) or one dossier ({@code X-Road-Issue}).
 */
@Stateless
@RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
public class MessageLog {

    private static final int PAGE = 1000;
    private static final int MAX_EVIDENCE = 10_000;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    /**
     * Appends one call. {@code @PermitAll}: the gateway records every call, those refused before
     * anyone was authenticated included.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long record(MessageLogEntry.Call call) {
        MessageLogHead head = em.find(MessageLogHead.class, MessageLogHead.ID, LockModeType.PESSIMISTIC_WRITE);
        MessageLogEntry entry = new MessageLogEntry(head.next(), call, head.getLastHash());
        em.persist(entry);
        head.setLastHash(entry.getEntryHash());
        return entry.getSeq();
    }

    /**
     * Entries by dossier ({@code issue}), call ({@code messageId}) or neither, newest first; an
     * agency administrator sees only calls its agency made or answered.
     */
    public List<LogEntryView> search(String issue, String messageId, int limit) {
        return query(issue, messageId)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultStream()
                .map(LogEntryView::of)
                .toList();
    }

    /** The evidence for one dossier's calls or one call: the entries and the chain verified now. */
    public Evidence evidence(String issue, String messageId) {
        if ((issue == null) == (messageId == null)) {
            throw DomainException.invalid("sharing.log.evidence-target", "name exactly one of issue and messageId");
        }
        List<LogEntryView> entries = query(issue, messageId).setMaxResults(MAX_EVIDENCE).getResultList().stream()
                .map(LogEntryView::of)
                .sorted(java.util.Comparator.comparingLong(LogEntryView::seq))
                .toList();
        if (entries.isEmpty()) {
            throw DomainException.notFound("sharing.log.not-found", "no logged call for this issue or message id");
        }
        return new Evidence(issue, messageId, now(), entries, verifyChain());
    }

    /** Re-computes every link; reports the first entry that does not match, or a head that does not. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public ChainVerification verify() {
        return verifyChain();
    }

    private ChainVerification verifyChain() {
        MessageLogHead head = em.find(MessageLogHead.class, MessageLogHead.ID);
        em.refresh(head);
        HashChain.Verification v = HashChain.verify(
                em, MessageLogEntry.class, MessageLogEntry.GENESIS, head.getLastSeq(), head.getLastHash(), PAGE);
        return new ChainVerification(v.valid(), v.entries(), v.firstBrokenSeq(), v.problem(), v.lastHash());
    }

    private TypedQuery<MessageLogEntry> query(String issue, String messageId) {
        Caller caller = callers.current().requireAuthenticated();
        boolean operator = callers.isInRole(Role.SYSADMIN_ROLE);
        if (!operator) {
            caller.requireAgency("sharing.agency.required", "read the message log");
        }
        StringBuilder jpql = new StringBuilder("SELECT e FROM MessageLogEntry e WHERE 1 = 1");
        if (issue != null) {
            jpql.append(" AND e.issue = :issue");
        }
        if (messageId != null) {
            jpql.append(" AND e.messageId = :messageId");
        }
        if (!operator) {
            jpql.append(" AND (e.clientAgency = :agency OR e.providerAgency = :agency)");
        }
        jpql.append(" ORDER BY e.seq DESC");
        TypedQuery<MessageLogEntry> query = em.createQuery(jpql.toString(), MessageLogEntry.class);
        if (issue != null) {
            query.setParameter("issue", issue);
        }
        if (messageId != null) {
            query.setParameter("messageId", messageId);
        }
        if (!operator) {
            query.setParameter("agency", caller.agencyCode());
        }
        return query;
    }
}
