package vn.egov.cabinet.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.CommentView;
import vn.egov.cabinet.application.CabinetViews.DocumentView;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.CabinetDocument;
import vn.egov.cabinet.domain.model.Comment;
import vn.egov.cabinet.domain.model.DocumentKind;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.common.Digests;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * The dossier of meetings and opinion ballots: documents with versioned files (drafts revised after
 * the members' comments), and the comments (góp ý) on drafts. A document is seen by those who see
 * its item (guests: their item only), the secretariat, and a ballot's recipients.
 *
 * <p>Every method is open to any signed-in person ({@link Role#AUTHENTICATED}); the rule that needs
 * the meeting (participant, chair, secretariat, member) is checked inside with its own code, and a
 * meeting the caller takes no part in is 404, as everywhere in e-Cabinet.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.CABINET_SECRETARY_ROLE, Role.CABINET_MEMBER_ROLE})
public class CabinetDossier {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private CabinetRecords records;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.cabinet.max-document-bytes", defaultValue = "20971520")
    private long maxDocumentBytes;

    /** The documents of an opinion ballot, for the secretariat and the members it was put to. */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<DocumentView> ballotDocuments(long ballotId) {
        Caller caller = callers.person();
        List<CabinetDocument> documents = em.createQuery(
                        "SELECT d FROM CabinetDocument d WHERE d.ballotId = :b " + "ORDER BY d.id",
                        CabinetDocument.class)
                .setParameter("b", ballotId)
                .getResultList();
        documents.forEach(d -> records.visibleDocument(caller, d.getId()));
        return records.views(documents);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public long addDocument(
            long itemId, DocumentKind kind, String title, String fileName, String contentType, byte[] content) {
        Caller caller = callers.person();
        records.requireSecretary("Preparing the dossier");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null) {
            throw DomainException.notFound("cabinet.item.not-found", "no such agenda item");
        }
        if (kind == null) {
            throw DomainException.invalid("cabinet.field.required", "kind is required");
        }
        CabinetDocument document = new CabinetDocument(
                itemId, null, kind, CabinetRecords.text(title, "title", 300, true), caller.name(), now());
        em.persist(document);
        // Versions refer to the document by its id column: the document row goes first.
        em.flush();
        addVersion(document, fileName, contentType, content, null, caller);
        return document.getId();
    }

    /**
     * Attaches a document to an opinion ballot while it is issued (the secretariat, in the issuing
     * transaction): the same bounds as a meeting's dossier.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public void addBallotDocument(long ballotId, String title, String fileName, String contentType, byte[] content) {
        Caller caller = callers.person();
        records.requireSecretary("Preparing a ballot's documents");
        CabinetDocument document = new CabinetDocument(
                null,
                ballotId,
                DocumentKind.DRAFT,
                CabinetRecords.text(title, "title", 300, true),
                caller.name(),
                now());
        em.persist(document);
        em.flush();
        addVersion(document, fileName, contentType, content, null, caller);
    }

    /** The secretary records the revised version of a draft, after the members' comments. */
    @RolesAllowed(Role.AUTHENTICATED)
    public int addVersion(long documentId, String fileName, String contentType, byte[] content, String note) {
        Caller caller = callers.person();
        records.requireSecretary("Recording a revised version");
        CabinetDocument document = em.find(CabinetDocument.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw DomainException.notFound("cabinet.document.not-found", "no such document");
        }
        return addVersion(
                document, fileName, contentType, content, CabinetRecords.text(note, "note", 1000, false), caller);
    }

    int addVersion(
            CabinetDocument document, String fileName, String contentType, byte[] content, String note, Caller caller) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("cabinet.document.empty", "the file is empty");
        }
        if (content.length > maxDocumentBytes) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    "cabinet.document.too-large",
                    "a dossier file is at most " + maxDocumentBytes + " bytes");
        }
        int next = records.versions(document.getId()).size() + 1;
        em.persist(new DocumentVersion(
                document.getId(),
                next,
                CabinetRecords.text(fileName, "fileName", 255, true),
                CabinetRecords.mediaType(contentType),
                content,
                Digests.sha256Hex(content),
                note,
                caller.name(),
                now()));
        return next;
    }

    /** One version's file (the latest when versionNo is null), for those who may see the document. */
    @RolesAllowed(Role.AUTHENTICATED)
    public DocumentVersion file(long documentId, Integer versionNo) {
        Caller caller = callers.person();
        records.visibleDocument(caller, documentId);
        List<DocumentVersion> versions = records.versions(documentId);
        DocumentVersion version = versionNo == null
                ? versions.get(versions.size() - 1)
                : versions.stream()
                        .filter(v -> v.getVersionNo() == versionNo)
                        .findFirst()
                        .orElseThrow(
                                () -> DomainException.notFound("cabinet.version.not-found", "no version " + versionNo));
        em.detach(version);
        return version;
    }

    /** A document with its versions, for those who may see it. */
    @RolesAllowed(Role.AUTHENTICATED)
    public DocumentView document(long documentId) {
        Caller caller = callers.person();
        CabinetDocument document = records.visibleDocument(caller, documentId);
        return records.views(List.of(document)).get(0);
    }

    /** Góp ý on a draft: on a given version (the latest by default), anchored to a section, possibly a reply. */
    @RolesAllowed(Role.AUTHENTICATED)
    public CommentView comment(long documentId, Integer versionNo, String section, String text, Long parentId) {
        Caller caller = callers.person();
        CabinetDocument document = records.visibleDocument(caller, documentId);
        if (document.getKind() != DocumentKind.DRAFT) {
            throw DomainException.conflict("cabinet.comment.not-a-draft", "comments are taken on drafts");
        }
        if (document.getItemId() != null) {
            AgendaItem item = em.find(AgendaItem.class, document.getItemId());
            if (records.meeting(item.getMeetingId()).getStatus() == MeetingStatus.CLOSED) {
                throw DomainException.conflict("cabinet.meeting.closed", "the meeting is closed");
            }
        }
        List<DocumentVersion> versions = records.versions(documentId);
        DocumentVersion version = versionNo == null
                ? versions.get(versions.size() - 1)
                : versions.stream()
                        .filter(v -> v.getVersionNo() == versionNo)
                        .findFirst()
                        .orElseThrow(() -> DomainException.invalid(
                                "cabinet.version.invalid", "the draft has no version " + versionNo));
        if (parentId != null) {
            Comment parent = em.find(Comment.class, parentId);
            if (parent == null || !parent.getVersionId().equals(version.getId())) {
                throw DomainException.invalid(
                        "cabinet.comment.parent.invalid", "a reply answers a comment on the same version");
            }
        }
        String author =
                directory.findPerson(caller.name()).map(PersonRecord::fullName).orElse(caller.displayName());
        Comment comment = new Comment(
                version.getId(),
                parentId,
                CabinetRecords.text(section, "section", 100, false),
                CabinetRecords.text(text, "text", 4000, true),
                caller.name(),
                author,
                now());
        em.persist(comment);
        return view(comment, version.getVersionNo());
    }

    /** Every comment on every version of a draft, oldest first (replies carry their parent's id). */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<CommentView> comments(long documentId) {
        Caller caller = callers.person();
        records.visibleDocument(caller, documentId);
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        records.versions(documentId).forEach(v -> numbers.put(v.getId(), v.getVersionNo()));
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "SELECT c FROM Comment c WHERE c.versionId IN :versions ORDER BY c.createdAt, c.id",
                        Comment.class)
                .setParameter("versions", List.copyOf(numbers.keySet()))
                .getResultList()
                .stream()
                .map(c -> view(c, numbers.get(c.getVersionId())))
                .sorted(Comparator.comparing(CommentView::id))
                .toList();
    }

    private static CommentView view(Comment c, int versionNo) {
        return new CommentView(
                c.getId(),
                versionNo,
                c.getParentId(),
                c.getSection(),
                c.getText(),
                c.getAuthor(),
                c.getAuthorName(),
                c.getCreatedAt());
    }
}
