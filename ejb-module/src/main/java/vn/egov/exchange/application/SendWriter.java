package vn.egov.exchange.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.common.Timestamps;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.StoredContent;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.ExchangeLogHead;
import vn.egov.exchange.domain.model.StatusEntry;

/**
 * Writes checked sends, several in one transaction: the documents, their attachments, one delivery
 * per recipient and one exchange-log entry each, under the log's head lock. Only the
 * {@link SendCommitter} calls it, with sends whose callers were checked by {@link ExchangeService}.
 * The new documents' staged attachment files move into the store once the transaction has
 * committed, never before: a rolled-back batch leaves nothing in the store.
 *
 * <p>{@code @PermitAll}: an internal step of a send, reached only through the committer's thread
 * after {@link ExchangeService#send} checked the caller's role and agency.
 */
@Stateless
@PermitAll
public class SendWriter {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private ExchangeLog log;

    @Inject
    private Webhooks webhooks;

    @Inject
    private AttachmentStore store;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /** One receipt per send, in the same order; committed when this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Views.Receipt> write(List<CheckedSend> sends) {
        ExchangeLogHead head = log.lockHead();
        OffsetDateTime now = Timestamps.now();
        Map<CheckedSend.Key, List<ExchangeDocument>> known = alreadySent(sends);
        List<Views.Receipt> receipts = new ArrayList<>(sends.size());
        List<Delivery> deliveries = new ArrayList<>();
        List<StoredContent> newFiles = new ArrayList<>();
        for (CheckedSend send : sends) {
            List<ExchangeDocument> revisions = known.getOrDefault(send.key(), List.of());
            ExchangeDocument earlier = duplicateOf(send, revisions);
            if (earlier != null) {
                // Duplicate detection: the same DocumentId from the same sender, sent before or
                // earlier in this batch, gets the first send's receipt and creates nothing.
                log.append(
                        head,
                        "DUPLICATE",
                        earlier.getId(),
                        send.sender(),
                        send.actor(),
                        "DocumentId " + send.header().documentId() + " sent again; payload " + send.payloadSha256(),
                        now);
                receipts.add(receipt(earlier, true));
                continue;
            }
            ExchangeDocument document = write(head, send, now, revisions.size());
            if (!revisions.isEmpty()) {
                actOn(head, revisions.get(0), document, send, now);
            }
            deliveries.addAll(document.getDeliveries());
            send.attachments().forEach(a -> newFiles.add(a.content()));
            if (send.packageContent() != null) {
                newFiles.add(send.packageContent());
            }
            known.computeIfAbsent(send.key(), k -> new ArrayList<>()).add(document);
            receipts.add(receipt(document, false));
        }
        em.flush();
        if (!newFiles.isEmpty()) {
            transaction.registerInterposedSynchronization(store.promoteOnCommit(newFiles));
        }
        // Pushes refer to their deliveries' rows, so they go in after those are written.
        if (!deliveries.isEmpty()) {
            webhooks.enqueue(deliveries, now);
        }
        return receipts;
    }

    /**
     * The document this send repeats, or null when it is new: a DocumentId sent before is a
     * duplicate of the first, unless the send is an order on it (revoke, update, replace) that is not
     * a package already sent.
     */
    private static ExchangeDocument duplicateOf(CheckedSend send, List<ExchangeDocument> revisions) {
        if (revisions.isEmpty()) {
            return null;
        }
        ExchangeDocument same = revisions.stream()
                .filter(d -> d.getPayloadSha256().equals(send.payloadSha256()))
                .findFirst()
                .orElse(null);
        if (same != null) {
            return same;
        }
        return send.header().businessType() == BusinessType.NEW ? revisions.get(0) : null;
    }

    /**
     * An order on a document sent before: 1 (revoke) asks each of its recipients not yet done for
     * it back, as a take-back request (13) does; 2 (update) and 3 (replace) mark it superseded by
     * the order. The order itself is delivered like any document.
     */
    private void actOn(
            ExchangeLogHead head,
            ExchangeDocument original,
            ExchangeDocument order,
            CheckedSend send,
            OffsetDateTime now) {
        if (send.header().businessType() == BusinessType.RECALL) {
            String reason = send.header().businessReason() == null
                    ? "Thu hồi văn bản (BussinessDocType 1)"
                    : send.header().businessReason();
            for (Delivery delivery : original.getDeliveries()) {
                StatusEntry entry = delivery.requestRecall(
                        original.getSenderCode(),
                        new StatusEntry.Details(reason, send.actor(), null, null, null, null),
                        now);
                if (entry != null) {
                    em.persist(entry);
                    log.append(
                            head,
                            "RECALL",
                            original.getId(),
                            delivery.getRecipientCode(),
                            send.actor(),
                            "status 13 by revoking order " + order.getId() + ": " + reason,
                            now);
                }
            }
            original.requestRecall(reason, now);
        } else {
            original.supersede(order.getId());
            log.append(
                    head,
                    send.header().businessType() == BusinessType.UPDATE ? "UPDATED" : "REPLACED",
                    original.getId(),
                    send.sender(),
                    send.actor(),
                    "by order " + order.getId() + " (revision " + order.getRevision() + ")",
                    now);
        }
    }

    private ExchangeDocument write(ExchangeLogHead head, CheckedSend send, OffsetDateTime now, int revision) {
        ExchangeDocument document = new ExchangeDocument(
                send.header(),
                send.sender(),
                send.senderName(),
                send.payloadSha256(),
                send.signature().status(),
                send.signature().signerSubject(),
                send.actor(),
                now);
        document.setWarnings(send.warnings());
        document.reviseAs(revision);
        if (send.packageContent() != null) {
            document.keepPackage(send.packageContent().size());
        }
        for (IncomingAttachment a : send.attachments()) {
            document.addAttachment(
                    a.contentId(),
                    a.name(),
                    a.contentType(),
                    a.content().size(),
                    a.content().sha256());
        }
        em.persist(document);
        // One log entry records the send and its deliveries; each delivery's inbox position is that
        // entry's number, handed out under the head lock, so positions grow in commit order and an
        // inbox cursor never skips a delivery that committed late.
        long position = head.getLastSeq() + 1;
        for (CheckedSend.Recipient recipient : send.recipients()) {
            em.persist(document.addDelivery(recipient.code(), recipient.name(), position));
        }
        log.append(
                head,
                "SENT",
                document.getId(),
                send.sender(),
                send.actor(),
                "DocumentId "
                        + send.header().documentId() + "; notation " + document.notation() + "; payload "
                        + send.payloadSha256() + "; signature "
                        + send.signature().status()
                        + (send.signature().signerSubject() == null
                                ? ""
                                : " by " + send.signature().signerSubject())
                        + "; attachments "
                        + send.attachments().stream()
                                .map(a -> a.content().sha256())
                                .toList()
                        + "; delivered to "
                        + send.recipients().stream()
                                .map(CheckedSend.Recipient::code)
                                .toList(),
                now);
        return document;
    }

    /** The documents of this batch already on the axis, every revision, oldest first, found in one query. */
    private Map<CheckedSend.Key, List<ExchangeDocument>> alreadySent(List<CheckedSend> sends) {
        Map<CheckedSend.Key, List<ExchangeDocument>> found = new HashMap<>();
        List<String> senders =
                sends.stream().map(CheckedSend::sender).distinct().toList();
        List<String> ids =
                sends.stream().map(s -> s.header().documentId()).distinct().toList();
        for (ExchangeDocument d : em.createQuery(
                        "SELECT d FROM ExchangeDocument d WHERE d.senderCode IN :senders AND d.documentId IN :ids"
                                + " ORDER BY d.revision",
                        ExchangeDocument.class)
                .setParameter("senders", senders)
                .setParameter("ids", ids)
                .getResultList()) {
            found.computeIfAbsent(new CheckedSend.Key(d.getSenderCode(), d.getDocumentId()), k -> new ArrayList<>())
                    .add(d);
        }
        return found;
    }

    static Views.Receipt receipt(ExchangeDocument document, boolean duplicate) {
        return new Views.Receipt(
                document.getId(),
                document.getDocumentId(),
                duplicate,
                document.getDeliveries().stream()
                        .map(Views.DeliveryView::forSender)
                        .toList());
    }
}
