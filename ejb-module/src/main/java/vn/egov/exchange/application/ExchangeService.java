package vn.egov.exchange.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.SearchText;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.DeliveryStatus;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.ExchangeLogHead;
import vn.egov.exchange.domain.model.IncomingRegister;
import vn.egov.exchange.domain.model.RecallState;
import vn.egov.exchange.domain.model.StatusEntry;

/**
 * The document exchange axis: agencies send documents to each other, each recipient reports
 * status back, senders may ask for a document back. Once {@link #send} returns, the document and
 * one delivery per recipient are committed (written by the {@link SendCommitter}, possibly in one
 * transaction with other sends), so it survives a crash and sits in each recipient's inbox exactly
 * once. Every other operation is one transaction of its own. Every write takes the exchange log's
 * head lock first and writes its log entry in the same transaction.
 *
 * <p>Who may see what: a document exists only for its sender and its recipients; anyone else is
 * told it does not exist (404), never that it is forbidden.
 */
@Stateless
@jakarta.annotation.security.DeclareRoles({
    Role.CLERK_ROLE,
    Role.SPECIALIST_ROLE,
    Role.LEADER_ROLE,
    Role.SYSADMIN_ROLE,
    Role.AGENCY_ADMIN_ROLE
})
@RolesAllowed({Role.CLERK_ROLE, Role.SPECIALIST_ROLE, Role.LEADER_ROLE})
public class ExchangeService {

    private static final Set<String> CONFIDENTIAL = Set.of("mat", "toi mat", "tuyet mat");
    /** The people a received document is forwarded to for handling. */
    private static final Set<Role> HANDLERS = Set.of(Role.LEADER, Role.SPECIALIST);

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private ExchangeLog log;

    @Inject
    private DirectoryService directory;

    @Inject
    private ExchangeSignatures signatures;

    @Inject
    private SendCommitter committer;

    @Inject
    private AttachmentStore store;

    @Inject
    @ConfigProperty(name = "egov.directory.agency-code-pattern")
    private String codePatternText;

    @Inject
    @ConfigProperty(name = "egov.exchange.max-recipients", defaultValue = "200")
    private int maxRecipients;

    @Inject
    @ConfigProperty(name = "egov.exchange.inbox.max-page", defaultValue = "500")
    private int maxInboxPage;

    private Pattern codePattern;

    @jakarta.annotation.PostConstruct
    void compilePatterns() {
        codePattern = Pattern.compile(codePatternText);
    }

    private Caller agencyCaller() {
        return callers.current().requireAgency("exchange.agency.required", "exchange documents");
    }

    /**
     * Checks a send here, in the caller's thread (fields, recipients, attachments, signature), then
     * has the {@link SendCommitter} write it with whatever other sends are waiting; returns once it
     * is committed. Holds no transaction meanwhile: the reads here need none.
     *
     * <p>Attachment files: a JSON send's are staged only once every check passed; an edXML send's
     * were staged as the package streamed in. Either way they reach the store only when their
     * document commits; a refused send's, and a duplicate's, are removed here. When the outcome is
     * unknown (the committer timed out or stopped), they are left for the store's sweep, which keeps
     * them if the document committed after all.
     */
    @RolesAllowed(Role.CLERK_ROLE)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Views.Receipt send(OutgoingDocument outgoing) {
        List<IncomingAttachment> staged = List.of();
        try {
            CheckedSend checked = check(outgoing);
            staged = stage(checked.attachments());
            CheckedSend send = new CheckedSend(
                    checked.sender(),
                    checked.senderName(),
                    checked.actor(),
                    checked.header(),
                    checked.recipients(),
                    staged,
                    checked.payloadSha256(),
                    checked.signature(),
                    checked.warnings(),
                    checked.packageContent());
            Views.Receipt receipt = committer.commit(send);
            if (receipt.duplicate()) {
                staged.forEach(a -> store.discard(a.content()));
                discardPackage(outgoing);
            }
            return receipt;
        } catch (RuntimeException e) {
            if (!outcomeUnknown(e)) {
                outgoing.attachments().forEach(a -> store.discard(a.content()));
                staged.forEach(a -> store.discard(a.content()));
                discardPackage(outgoing);
            }
            throw e;
        }
    }

    private void discardPackage(OutgoingDocument outgoing) {
        if (outgoing.packageContent() != null) {
            store.discard(outgoing.packageContent());
        }
    }

    /** Whether the send may still be written although its caller was told otherwise. */
    private static boolean outcomeUnknown(RuntimeException e) {
        return e instanceof DomainException d && d.kind() == DomainException.Kind.UNAVAILABLE;
    }

    /** Every check of a send, before any of its files is written. */
    private CheckedSend check(OutgoingDocument outgoing) {
        Caller caller = agencyCaller();
        String sender = caller.agencyCode();
        if (outgoing.senderCode() != null && !outgoing.senderCode().equals(sender)) {
            throw DomainException.forbidden(
                    "exchange.sender.mismatch",
                    "the document says it is from " + outgoing.senderCode() + " but the caller acts for " + sender);
        }
        checkConfidentiality(outgoing.confidentiality());
        // An edXML package comes from software we do not control: formats it keeps differently are warnings.
        boolean tolerant = outgoing.envelope() != null;
        ExchangeDocument.Header header = validHeader(outgoing.header(), sender, tolerant);
        List<String> warnings =
                tolerant ? HeaderFormats.merge(outgoing.warnings(), HeaderFormats.warnings(header, sender)) : List.of();
        List<CheckedSend.Recipient> recipients = validRecipients(outgoing.recipients(), sender).stream()
                .map(a -> new CheckedSend.Recipient(a.code(), a.name()))
                .toList();
        checkAttachments(outgoing.attachments());
        ExchangeSignatures.Verdict signature = signatures.check(outgoing, sender);
        return new CheckedSend(
                sender,
                directory.agencyName(sender),
                caller.name(),
                header,
                recipients,
                outgoing.attachments(),
                outgoing.payloadSha256(),
                signature,
                warnings,
                outgoing.packageContent());
    }

    /** Writes the attachments still in memory to the store's staging area; the others are staged already. */
    private List<IncomingAttachment> stage(List<IncomingAttachment> attachments) {
        List<IncomingAttachment> staged = new ArrayList<>(attachments.size());
        try {
            for (IncomingAttachment a : attachments) {
                staged.add(a.unstaged() == null ? a : a.staged(store.stage(a.unstaged())));
            }
        } catch (RuntimeException e) {
            staged.forEach(a -> store.discard(a.content()));
            throw e;
        }
        return staged;
    }

    private static void checkConfidentiality(String level) {
        if (level == null || level.isBlank()) {
            return;
        }
        String folded = SearchText.fold(level);
        if (CONFIDENTIAL.contains(folded)) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "exchange.document.confidential",
                    "documents classified '" + level.strip() + "' (state secrets) never travel on the exchange axis");
        }
        throw DomainException.invalid(
                "exchange.confidentiality.unknown",
                "confidentiality must be empty or one of Mật, Tối mật, Tuyệt mật, not '" + level.strip() + "'");
    }

    /**
     * The header's checks. {@code tolerant} (edXML) lets identifiers and numbers in other formats
     * through, as warnings ({@link HeaderFormats}); lengths, dates and everything else stay refusals.
     */
    private ExchangeDocument.Header validHeader(ExchangeDocument.Header h, String sender, boolean tolerant) {
        required(h.documentId(), "documentId", 100);
        if (!tolerant && !h.documentId().startsWith(sender + ",")) {
            throw DomainException.invalid(
                    "exchange.document-id.invalid",
                    "DocumentId must read '<sender code>," + "<yyyy/MM/dd>,<number/notation>' and start with " + sender
                            + ",");
        }
        required(h.codeNumber(), "codeNumber", tolerant ? HeaderFormats.MAX_TOLERATED_NUMBER : 11);
        if (!tolerant && !HeaderFormats.NUMBER.matcher(h.codeNumber()).matches()) {
            throw DomainException.invalid(
                    "exchange.number.invalid", "CodeNumber must be 1 to 11 digits, not '" + h.codeNumber() + "'");
        }
        required(h.codeNotation(), "codeNotation", tolerant ? HeaderFormats.MAX_TOLERATED_NOTATION : 30);
        if (!tolerant && !HeaderFormats.NOTATION.matcher(h.codeNotation()).matches()) {
            throw DomainException.invalid(
                    "exchange.notation.invalid",
                    "CodeNotation must read like UBND-VP or " + "QĐ-UBND, not '" + h.codeNotation() + "'");
        }
        required(h.typeName(), "typeName", 100);
        required(h.subject(), "subject", 500);
        optional(h.content(), "content", 4000);
        optional(h.promulgationPlace(), "promulgationPlace", 100);
        optional(h.signerCompetence(), "signerCompetence", 100);
        optional(h.signerPosition(), "signerPosition", 100);
        optional(h.signerName(), "signerName", 50);
        optional(h.businessReason(), "businessReason", 500);
        optional(h.responseFor(), "responseFor", 100);
        if (h.promulgationDate() == null) {
            throw DomainException.invalid("exchange.field.required", "promulgationDate is required");
        }
        if (h.promulgationDate().isAfter(LocalDate.now(ZoneOffset.ofHours(7)).plusDays(1))) {
            throw DomainException.invalid(
                    "exchange.date.future", "promulgationDate " + h.promulgationDate() + " is in the future");
        }
        if (!tolerant && h.dueDate() != null && h.dueDate().isBefore(h.promulgationDate())) {
            throw DomainException.invalid("exchange.date.due-before-issue", "dueDate is before promulgationDate");
        }
        if (h.urgency() == null || h.businessType() == null) {
            throw DomainException.invalid("exchange.field.required", "urgency and business type are required");
        }
        return h;
    }

    private static void required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "exchange.field.required",
                    field + " is required",
                    java.util.Map.of("field", field));
        }
        optional(value, field, max);
    }

    private static void optional(String value, String field, int max) {
        // edXML reaches here unchecked by the JSON binding: XML refuses C0 controls, not DEL, C1 or noncharacters.
        vn.egov.common.TextRule.require(field, value, false);
        if (value != null && value.length() > max) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "exchange.field.too-long",
                    field + " is longer than " + max + " characters",
                    java.util.Map.of("field", field));
        }
    }

    private List<AgencyRecord> validRecipients(List<String> codes, String sender) {
        if (codes == null || codes.isEmpty()) {
            throw DomainException.invalid("exchange.recipients.required", "a document needs at least one recipient");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || !codePattern.matcher(code.strip()).matches()) {
                throw DomainException.invalid("exchange.recipient.invalid", "'" + code + "' is not an agency code");
            }
            unique.add(code.strip());
        }
        if (unique.size() > maxRecipients) {
            throw DomainException.invalid(
                    "exchange.recipients.too-many", "a document goes to at most " + maxRecipients + " agencies");
        }
        if (unique.contains(sender)) {
            throw DomainException.invalid("exchange.recipient.self", "an agency does not send documents to itself");
        }
        List<AgencyRecord> agencies = new ArrayList<>();
        for (String code : unique) {
            AgencyRecord agency = directory.findAgency(code).orElse(null);
            if (agency == null || !agency.active()) {
                throw new DomainException(
                        DomainException.Kind.INVALID,
                        "exchange.recipient.unknown",
                        "no active agency has the code " + code,
                        java.util.Map.of("code", code));
            }
            agencies.add(agency);
        }
        return agencies;
    }

    private static void checkAttachments(List<IncomingAttachment> attachments) {
        Set<String> ids = new HashSet<>();
        for (IncomingAttachment a : attachments) {
            required(a.contentId(), "attachments.contentId", 100);
            required(a.name(), "attachments.name", 255);
            optional(a.contentType(), "attachments.contentType", 100);
            if (a.contentType() != null && !vn.egov.common.MediaTypes.valid(a.contentType())) {
                throw new DomainException(
                        DomainException.Kind.INVALID,
                        "exchange.attachment.content-type",
                        "'" + a.contentType() + "' is not a media type such as application/pdf",
                        java.util.Map.of("field", "attachments.contentType"));
            }
            if (a.name().contains("/") || a.name().contains("\\") || a.name().contains("\0")) {
                throw DomainException.invalid(
                        "exchange.attachment.name", "an attachment name is a file name, not a path");
            }
            if (!ids.add(a.contentId())) {
                throw DomainException.invalid(
                        "exchange.attachment.duplicate", "two attachments share the ContentId " + a.contentId());
            }
        }
    }

    /** The caller's inbox after a cursor, oldest first; fetching marks each new item arrived (01), once. */
    public Views.InboxPage inbox(String after, int limit, String status) {
        Caller caller = agencyCaller();
        long cursor = parseCursor(after);
        int size = Math.max(1, Math.min(limit <= 0 ? 100 : limit, maxInboxPage));
        String jpql = "SELECT d FROM Delivery d JOIN FETCH d.document WHERE d.recipientCode = :agency"
                + " AND d.inboxSeq > :after AND d.recallState <> :agreed"
                + (status == null || status.isBlank() ? "" : " AND d.status = :status") + " ORDER BY d.inboxSeq";
        var query = em.createQuery(jpql, Delivery.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("after", cursor)
                .setParameter("agreed", RecallState.AGREED)
                .setMaxResults(size);
        if (status != null && !status.isBlank()) {
            query.setParameter(
                    "status",
                    DeliveryStatus.ofCode(status)
                            .orElseThrow(() -> DomainException.invalid(
                                    "exchange.status.unknown", "unknown status code '" + status + "'"))
                            .code());
        }
        List<Delivery> deliveries = query.getResultList();
        if (deliveries.stream().anyMatch(d -> d.getStatus() == null)) {
            // New arrivals to mark: take the lock, then read the page again, fresh, in one query, so
            // a concurrent fetch of the same inbox cannot mark (and log) them a second time.
            ExchangeLogHead head = log.lockHead();
            deliveries = query.setHint("eclipselink.refresh", "true").getResultList();
            OffsetDateTime now = now();
            for (Delivery d : deliveries) {
                if (d.getStatus() == null) {
                    log.recordArrival(head, d, caller.name(), "fetched by " + caller.name(), now);
                }
            }
        }
        List<Views.InboxItem> items =
                deliveries.stream().map(Views.InboxItem::of).toList();
        String next = items.isEmpty()
                ? Long.toString(cursor)
                : items.get(items.size() - 1).cursor();
        return new Views.InboxPage(items, next);
    }

    /**
     * The intranet's view of the inbox: newest first, filtered, without marking anything arrived
     * (opening a document does that).
     */
    public List<Views.InboxItem> inboxView(Views.InboxFilter filter) {
        Caller caller = agencyCaller();
        StringBuilder jpql = new StringBuilder("SELECT d FROM Delivery d JOIN FETCH d.document doc"
                + " WHERE d.recipientCode = :agency AND d.recallState <> :agreed");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("agency", caller.agencyCode());
        parameters.put("agreed", RecallState.AGREED);
        if (filter.status() != null && !filter.status().isBlank()) {
            if ("sent".equals(filter.status())) {
                jpql.append(" AND d.status IS NULL");
            } else {
                jpql.append(" AND d.status = :status");
                parameters.put("status", filter.status());
            }
        }
        if (filter.urgency() != null && !filter.urgency().isBlank()) {
            jpql.append(" AND doc.urgency = :urgency");
            parameters.put("urgency", vn.egov.exchange.domain.model.Urgency.valueOf(filter.urgency()));
        }
        if (filter.sender() != null && !filter.sender().isBlank()) {
            jpql.append(" AND doc.senderCode = :sender");
            parameters.put("sender", filter.sender().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            List<String> words = SearchText.words(filter.text(), 8);
            for (int i = 0; i < words.size(); i++) {
                jpql.append(" AND doc.searchText LIKE :w").append(i);
                parameters.put("w" + i, words.get(i));
            }
        }
        if (filter.from() != null) {
            jpql.append(" AND d.deliveredAt >= :from");
            parameters.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.ofHours(7)));
        }
        if (filter.to() != null) {
            jpql.append(" AND d.deliveredAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7)));
        }
        if (filter.assignedTo() != null && !filter.assignedTo().isBlank()) {
            jpql.append(" AND d.assignee = :assignee");
            parameters.put("assignee", filter.assignedTo().strip());
        }
        jpql.append(" ORDER BY d.inboxSeq DESC");
        var query = em.createQuery(jpql.toString(), Delivery.class).setMaxResults(maxInboxPage);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(Views.InboxItem::of).toList();
    }

    /**
     * The home page's counts, by the rules of {@link #inboxView} (the caller's agency, documents taken
     * back by agreement left out), counted in the database: documents not yet taken in (not opened,
     * or opened and not registered), and those forwarded to the caller and not completed.
     */
    public Views.InboxCounts inboxCounts() {
        Caller caller = agencyCaller();
        String base = "SELECT COUNT(d) FROM Delivery d WHERE d.recipientCode = :agency AND d.recallState <> :agreed";
        long waiting = em.createQuery(base + " AND (d.status IS NULL OR d.status = :arrived)", Long.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("agreed", RecallState.AGREED)
                .setParameter("arrived", "01")
                .getSingleResult();
        long assigned = em.createQuery(
                        base + " AND d.assignee = :me AND (d.status IS NULL OR d.status <> :completed)", Long.class)
                .setParameter("agency", caller.agencyCode())
                .setParameter("agreed", RecallState.AGREED)
                .setParameter("me", caller.name())
                .setParameter("completed", "06")
                .getSingleResult();
        return new Views.InboxCounts(waiting, assigned);
    }

    /** Documents the caller's agency sent, newest first, with each recipient's status. */
    public List<Views.OutboxItem> outbox() {
        Caller caller = agencyCaller();
        return em.createQuery(
                        "SELECT d FROM ExchangeDocument d WHERE d.senderCode = :agency ORDER BY d.id DESC",
                        ExchangeDocument.class)
                .setParameter("agency", caller.agencyCode())
                .setMaxResults(maxInboxPage)
                // every page's deliveries in one more query, not one per document
                .setHint("eclipselink.batch", "d.deliveries")
                .setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .map(Views.OutboxItem::of)
                .toList();
    }

    private static long parseCursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("exchange.cursor.invalid", "'" + after + "' is not a cursor from this inbox");
        }
    }

    /** The document as the caller may see it; a recipient reading it for the first time marks it arrived. */
    public Views.DocumentView document(long id) {
        Caller caller = agencyCaller();
        ExchangeDocument document = visible(id, caller);
        List<Delivery> mine = deliveriesVisibleTo(document, caller);
        if (!caller.agencyCode().equals(document.getSenderCode())) {
            Delivery delivery = mine.get(0);
            if (delivery.getStatus() == null && !delivery.isWithdrawn()) {
                ExchangeLogHead head = log.lockHead();
                em.refresh(delivery); // an inbox fetch may have marked it since it was read
                log.recordArrival(head, delivery, caller.name(), "fetched by " + caller.name(), now());
            }
        }
        return Views.DocumentView.of(document, mine, caller.agencyCode().equals(document.getSenderCode()));
    }

    public Views.AttachmentContent attachment(long id, String contentId) {
        Caller caller = agencyCaller();
        ExchangeDocument document = visible(id, caller);
        String wanted = contentId.startsWith("cid:") ? contentId : "cid:" + contentId;
        return document.getAttachments().stream()
                .filter(a -> a.getContentId().equals(contentId)
                        || a.getContentId().equals(wanted)
                        || ("cid:" + a.getContentId()).equals(wanted))
                .findFirst()
                .map(a -> new Views.AttachmentContent(
                        a.getName(),
                        vn.egov.common.MediaTypes.servable(a.getContentType()),
                        a.getSize(),
                        a.getSha256()))
                .orElseThrow(() -> DomainException.notFound(
                        "exchange.attachment.not-found", "document " + id + " has no attachment " + contentId));
    }

    @RolesAllowed({Role.CLERK_ROLE, Role.SPECIALIST_ROLE, Role.LEADER_ROLE})
    public Views.DeliveryView reportStatus(long id, StatusReport report) {
        return Views.DeliveryView.of(recordStatus(id, agencyCaller(), report, document -> {}));
    }

    /**
     * A recipient's status sent as an edXML status message: the same change as {@link #reportStatus},
     * once the message is from the caller's agency (From/OrganId, when given) and answers this
     * document (ResponseFor/DocumentId is the document's DocumentId). ResponseFor/OrganId is not
     * compared: real clients put the sender's code there or the recipient's.
     */
    @RolesAllowed({Role.CLERK_ROLE, Role.SPECIALIST_ROLE, Role.LEADER_ROLE})
    public Views.DeliveryView reportStatus(long id, StatusMessage message) {
        Caller caller = agencyCaller();
        if (message.fromCode() != null && !message.fromCode().equals(caller.agencyCode())) {
            throw DomainException.forbidden(
                    "exchange.sender.mismatch",
                    "the status message says it is from " + message.fromCode() + " but the caller acts for "
                            + caller.agencyCode());
        }
        return Views.DeliveryView.of(recordStatus(id, caller, message.report(), document -> {
            if (!document.getDocumentId().equals(message.responseForDocumentId())) {
                throw DomainException.conflict(
                        "exchange.status.response-for-mismatch",
                        "the status message answers " + message.responseForDocumentId() + ", not document " + id + " ("
                                + document.getDocumentId() + ")");
            }
        }));
    }

    /**
     * Records a recipient's status on its own delivery, under the log lock; returns the delivery.
     * {@code answers} checks the document, once it is known visible and the caller a recipient.
     */
    private Delivery recordStatus(
            long id, Caller caller, StatusReport report, java.util.function.Consumer<ExchangeDocument> answers) {
        DeliveryStatus status = DeliveryStatus.ofCode(report.status() == null ? "" : report.status())
                .orElseThrow(() -> DomainException.invalid(
                        "exchange.status.unknown",
                        "unknown status code '" + report.status() + "'; recipients report 01-06, 15 or 16"));
        optional(report.description(), "description", 1000);
        optional(report.staffDepartment(), "staffDepartment", 200);
        optional(report.staffName(), "staffName", 100);
        optional(report.staffEmail(), "staffEmail", 100);
        optional(report.staffMobile(), "staffMobile", 30);
        // Lock first, then read: the delivery is loaded after every earlier status committed.
        ExchangeLogHead head = log.lockHead();
        ExchangeDocument document = visible(id, caller);
        Delivery delivery = document.getDeliveries().stream()
                .filter(d -> d.getRecipientCode().equals(caller.agencyCode()))
                .findFirst()
                .orElseThrow(() -> DomainException.forbidden(
                        "exchange.status.recipient-only", "only a recipient reports status on a document"));
        answers.accept(document);
        OffsetDateTime now = now();
        StatusEntry entry = delivery.report(
                status,
                new StatusEntry.Details(
                        report.description(),
                        caller.name(),
                        report.staffDepartment(),
                        report.staffName(),
                        report.staffEmail(),
                        report.staffMobile()),
                now);
        if (entry != null && status == DeliveryStatus.REGISTERED) {
            // Vào sổ: the next arrival number of this agency's register for the year (the log head
            // lock, held here, already serialises every register).
            int year = now.atZoneSameInstant(ZoneOffset.ofHours(7)).getYear();
            IncomingRegister register = em.find(
                    IncomingRegister.class,
                    new IncomingRegister.Key(caller.agencyCode(), year),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (register == null) {
                register = new IncomingRegister(caller.agencyCode(), year);
                em.persist(register);
            }
            delivery.register(year, register.next());
        }
        if (entry != null) {
            em.persist(entry);
            log.append(
                    head,
                    "STATUS",
                    document.getId(),
                    caller.agencyCode(),
                    caller.name(),
                    "status " + status.code() + (report.description() == null ? "" : ": " + report.description()),
                    now);
        }
        return delivery;
    }

    /** Who in the caller's agency a document can be forwarded to for handling: its leaders and specialists. */
    public List<Views.Assignee> assignees() {
        Caller caller = agencyCaller();
        return directory.activePeopleOf(caller.agencyCode(), HANDLERS).stream()
                .map(p -> new Views.Assignee(
                        p.username(),
                        p.fullName(),
                        p.hasRole(Role.LEADER) ? Role.LEADER.name() : Role.SPECIALIST.name()))
                .toList();
    }

    /**
     * Chuyển xử lý: forwards a document the caller's agency received to one of its own leaders or
     * specialists (status 04, with that person as the handling staff); it may be forwarded on again.
     */
    @RolesAllowed({Role.CLERK_ROLE, Role.LEADER_ROLE})
    public Views.DeliveryView assign(long id, String username, String note) {
        Caller caller = agencyCaller();
        visible(id, caller); // 404 first: a stranger learns nothing, not even whom it could not forward to
        PersonRecord person = username == null || username.isBlank()
                ? null
                : directory.findPerson(username.strip()).orElse(null);
        if (person == null
                || !person.active()
                || !caller.agencyCode().equals(person.agencyCode())
                || !person.hasAnyRole(HANDLERS)) {
            throw DomainException.invalid(
                    "exchange.assignee.invalid",
                    "a document is forwarded to an active leader " + "or specialist of the caller's own agency, not '"
                            + username + "'");
        }
        AgencyRecord agency = directory.findAgency(caller.agencyCode()).orElse(null);
        Delivery delivery = recordStatus(
                id,
                caller,
                new StatusReport(
                        DeliveryStatus.ASSIGNED.code(),
                        note == null || note.isBlank() ? null : note.strip(),
                        agency == null ? null : agency.name(),
                        person.fullName(),
                        person.email(),
                        null),
                document -> {});
        delivery.assignTo(person.username());
        return Views.DeliveryView.of(delivery);
    }

    @RolesAllowed(Role.CLERK_ROLE)
    public Views.Trace recall(long id, String reason) {
        Caller caller = agencyCaller();
        ExchangeLogHead head = log.lockHead();
        ExchangeDocument document = visible(id, caller);
        if (!document.getSenderCode().equals(caller.agencyCode())) {
            throw DomainException.forbidden("exchange.recall.sender-only", "only the sender asks for a document back");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("exchange.recall.reason-required", "a take-back request needs a reason");
        }
        optional(reason, "reason", 500);
        OffsetDateTime now = now();
        int asked = 0;
        for (Delivery delivery : document.getDeliveries()) {
            StatusEntry entry = delivery.requestRecall(
                    document.getSenderCode(),
                    new StatusEntry.Details(reason, caller.name(), null, null, null, null),
                    now);
            if (entry != null) {
                em.persist(entry);
                log.append(
                        head,
                        "RECALL",
                        document.getId(),
                        delivery.getRecipientCode(),
                        caller.name(),
                        "status 13: " + reason,
                        now);
                asked++;
            }
        }
        if (asked == 0) {
            throw DomainException.conflict(
                    "exchange.recall.nothing",
                    "every recipient has completed, refused, " + "or already been asked for this document");
        }
        document.requestRecall(reason, now);
        return trace(document, caller);
    }

    public Views.Trace trace(long id) {
        Caller caller = agencyCaller();
        return trace(visible(id, caller), caller);
    }

    private Views.Trace trace(ExchangeDocument document, Caller caller) {
        return new Views.Trace(
                document.getId(),
                document.getDocumentId(),
                document.getSenderCode(),
                document.notation(),
                document.getSentAt(),
                deliveriesVisibleTo(document, caller).stream()
                        .map(Views.RecipientTrace::of)
                        .toList());
    }

    private ExchangeDocument visible(long id, Caller caller) {
        return Visibility.visibleOrNotFound(
                em.find(ExchangeDocument.class, id),
                d -> d.getSenderCode().equals(caller.agencyCode())
                        || !deliveriesVisibleTo(d, caller).isEmpty(),
                "exchange.document.not-found",
                "no document " + id);
    }

    private static List<Delivery> deliveriesVisibleTo(ExchangeDocument document, Caller caller) {
        if (document.getSenderCode().equals(caller.agencyCode())) {
            return document.getDeliveries();
        }
        return document.getDeliveries().stream()
                .filter(d -> d.getRecipientCode().equals(caller.agencyCode()))
                .toList();
    }

    /**
     * Documents sent and received per agency between two dates (inclusive, Vietnam time), busiest
     * first. The axis operator (SYSADMIN) sees every agency; an agency administrator their own.
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public List<Views.AgencyStatistics> statistics(LocalDate from, LocalDate to) {
        Caller caller = callers.current().requireAuthenticated();
        LocalDate first = from == null ? LocalDate.now(ZoneOffset.ofHours(7)).withDayOfMonth(1) : from;
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.ofHours(7)) : to;
        if (last.isBefore(first)) {
            throw DomainException.invalid("exchange.period.invalid", "the period ends before it starts");
        }
        OffsetDateTime start = first.atStartOfDay().atOffset(ZoneOffset.ofHours(7));
        OffsetDateTime end = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7));
        // The operator sees every agency; an agency administrator only their own, counted as such.
        boolean operator = callers.isInRole(Role.SYSADMIN_ROLE);
        if (!operator && caller.agencyCode() == null) {
            throw DomainException.forbidden("exchange.agency.required", "statistics are per agency");
        }
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        count(
                "SELECT d.senderCode, COUNT(d) FROM ExchangeDocument d WHERE d.sentAt >= :start AND d.sentAt < :end"
                        + (operator ? "" : " AND d.senderCode = :agency") + " GROUP BY d.senderCode",
                start,
                end,
                operator ? null : caller.agencyCode(),
                counts,
                0);
        count(
                "SELECT d.recipientCode, COUNT(d) FROM Delivery d WHERE d.deliveredAt >= :start AND d.deliveredAt < :end"
                        + (operator ? "" : " AND d.recipientCode = :agency") + " GROUP BY d.recipientCode",
                start,
                end,
                operator ? null : caller.agencyCode(),
                counts,
                1);
        return counts.entrySet().stream()
                .map(e -> new Views.AgencyStatistics(
                        e.getKey(), directory.agencyName(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong((Views.AgencyStatistics a) -> a.sent() + a.received())
                        .reversed())
                .toList();
    }

    private void count(
            String jpql,
            OffsetDateTime start,
            OffsetDateTime end,
            String agency,
            java.util.Map<String, long[]> counts,
            int column) {
        var query = em.createQuery(jpql, Object[].class)
                .setParameter("start", start)
                .setParameter("end", end);
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        query.getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], k -> new long[2])[column] =
                        ((Number) row[1]).longValue());
    }

    /** Demo mode: signs a package as the caller's agency, as its document system would before sending. */
    @RolesAllowed(Role.CLERK_ROLE)
    public byte[] signAsMyAgency(byte[] edxml) {
        return signatures.signAsDemoAgency(edxml, agencyCaller().agencyCode());
    }

    @RolesAllowed(Role.SYSADMIN_ROLE)
    public Views.LogVerification verifyLog() {
        return log.verify();
    }
}
