package vn.egov.cabinet.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.DocumentView;
import vn.egov.cabinet.application.CabinetViews.LiveState;
import vn.egov.cabinet.application.CabinetViews.Me;
import vn.egov.cabinet.application.CabinetViews.OptionCount;
import vn.egov.cabinet.application.CabinetViews.QueueEntry;
import vn.egov.cabinet.application.CabinetViews.Speaker;
import vn.egov.cabinet.application.CabinetViews.VersionView;
import vn.egov.cabinet.application.CabinetViews.VoteState;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.CabinetDocument;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.ParticipantRole;
import vn.egov.cabinet.domain.model.SpeakingRequest;
import vn.egov.cabinet.domain.model.SpeakingStatus;
import vn.egov.cabinet.domain.model.Vote;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * What the e-Cabinet services share: loading meetings, items, participants and documents, the
 * caller's standing in a meeting (404 for strangers), the live state, and the announcement of a
 * live change (a {@link MeetingChanged} event, delivered to the screens after commit). Not an EJB:
 * it runs inside the calling service's transaction and security context.
 */
@ApplicationScoped
public class CabinetRecords {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private Event<MeetingChanged> liveEvents;

    @Inject
    @ConfigProperty(name = "egov.cabinet.minutes.place", defaultValue = "Hà Nội")
    private String minutesPlace;

    void requireSecretary(String what) {
        if (!callers.isSecretary()) {
            throw DomainException.forbidden("cabinet.secretary.required", what + " is for the Cabinet secretariat");
        }
    }

    Meeting meeting(long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw notFound();
        }
        return meeting;
    }

    static DomainException notFound() {
        return DomainException.notFound("cabinet.meeting.not-found", "no such meeting");
    }

    Optional<Participant> participant(long meetingId, String username) {
        return em.createQuery(
                        "SELECT p FROM Participant p WHERE p.meetingId = :m AND p.username = :u", Participant.class)
                .setParameter("m", meetingId)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    /** The caller's standing in a meeting; 404 for anyone who is neither a participant nor the secretariat. */
    Me me(Meeting meeting, Caller caller) {
        Optional<Participant> participant = participant(meeting.getId(), caller.name());
        boolean secretary = callers.isSecretary();
        if (participant.isEmpty() && !secretary) {
            throw notFound();
        }
        return new Me(
                caller.name(),
                participant.map(Participant::isMember).orElse(false),
                participant.map(p -> !p.isMember()).orElse(false),
                caller.name().equals(meeting.getChair()),
                secretary,
                participant.map(p -> p.getAttendance().name()).orElse(null));
    }

    Me runner(Meeting meeting, Caller caller, String what) {
        Me me = me(meeting, caller);
        if (!me.runsMeeting()) {
            throw DomainException.forbidden("cabinet.chair.required", what + " is for the chair or the secretariat");
        }
        return me;
    }

    /**
     * The heading of a record the cabinet prints (Decree 30/2020): the issuing body is the agency of the person who
     * prepared it (the Government Office for the secretariat), the notation the document's kind ("BB" biên bản,
     * "BC" báo cáo) and that agency's abbreviation, the place where the Government sits
     * ({@code egov.cabinet.minutes.place}).
     */
    Minutes.Heading heading(String preparedBy, String kind, long number, OffsetDateTime date) {
        AgencyRecord agency = directory
                .findPerson(preparedBy)
                .map(PersonRecord::agencyCode)
                .flatMap(directory::findAgency)
                .orElse(null);
        String abbreviation = agency == null || agency.shortName() == null ? "" : "-" + agency.shortName();
        return new Minutes.Heading(
                agency == null ? null : agency.name(), number + "/" + kind + abbreviation, minutesPlace, date);
    }

    /** A signer by name and office from the directory; {@code recordedName} when the directory no longer has them. */
    Minutes.Signer signer(String capacity, String username, String recordedName) {
        PersonRecord person = directory.findPerson(username).orElse(null);
        return new Minutes.Signer(
                capacity, person == null ? null : person.title(), person == null ? recordedName : person.fullName());
    }

    /** The offices of the Government's members by username, for records that list them by name and office. */
    Map<String, String> memberTitles() {
        Map<String, String> titles = new HashMap<>();
        activeMembers().stream().filter(p -> p.title() != null).forEach(p -> titles.put(p.username(), p.title()));
        return titles;
    }

    List<PersonRecord> activeMembers() {
        return directory.activePeopleWithRole(Role.CABINET_MEMBER);
    }

    String agencyName(String code) {
        return directory.findAgency(code).map(AgencyRecord::name).orElse(null);
    }

    Map<String, String> fullNames() {
        Map<String, String> names = new java.util.HashMap<>();
        for (PersonRecord p : activeMembers()) {
            names.put(p.username(), p.fullName());
        }
        return names;
    }

    /** Documents with their versions and comment counts: three queries however many documents. */
    List<DocumentView> views(List<CabinetDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<Long> ids = documents.stream().map(CabinetDocument::getId).toList();
        Map<Long, List<VersionView>> versions = new HashMap<>();
        for (DocumentVersion v : em.createQuery(
                        "SELECT v FROM DocumentVersion v WHERE v.documentId IN :ids " + "ORDER BY v.versionNo",
                        DocumentVersion.class)
                .setParameter("ids", ids)
                .getResultList()) {
            versions.computeIfAbsent(v.getDocumentId(), d -> new ArrayList<>())
                    .add(new VersionView(
                            v.getId(),
                            v.getVersionNo(),
                            v.getFileName(),
                            v.getContentType(),
                            v.getSizeBytes(),
                            v.getSha256(),
                            v.getNote(),
                            v.getCreatedAt()));
        }
        Map<Long, Long> comments = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT v.documentId, COUNT(c) FROM Comment c, DocumentVersion v "
                                + "WHERE c.versionId = v.id AND v.documentId IN :ids GROUP BY v.documentId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            comments.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return documents.stream()
                .map(d -> new DocumentView(
                        d.getId(),
                        d.getKind().name(),
                        d.getTitle(),
                        versions.getOrDefault(d.getId(), List.of()),
                        comments.getOrDefault(d.getId(), 0L)))
                .toList();
    }

    LiveState live(Meeting meeting) {
        long id = meeting.getId();
        AgendaItem current =
                meeting.getCurrentItemId() == null ? null : em.find(AgendaItem.class, meeting.getCurrentItemId());
        Speaker speaker = speaking(id, SpeakingStatus.SPEAKING).stream()
                .findFirst()
                .map(r -> new Speaker(
                        r.getId(), r.getUsername(), r.getFullName(), r.getStartedAt(), r.getSecondsAllowed()))
                .orElse(null);
        List<QueueEntry> queue = speaking(id, SpeakingStatus.WAITING).stream()
                .map(r -> new QueueEntry(r.getId(), r.getUsername(), r.getFullName(), r.getRequestedAt()))
                .toList();
        Vote vote = openVoteOf(id)
                .orElseGet(() -> em.createQuery(
                                "SELECT v FROM Vote v WHERE v.meetingId = :m " + "ORDER BY v.openedAt DESC, v.id DESC",
                                Vote.class)
                        .setParameter("m", id)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .orElse(null));
        return new LiveState(
                id,
                meeting.getRevision(),
                meeting.getStatus().name(),
                current == null ? null : current.getId(),
                current == null ? null : current.getTitle(),
                speaker,
                queue,
                vote == null ? null : voteState(vote));
    }

    VoteState voteState(Vote vote) {
        // Those the vote admits (Vote.admits): members present, or every member when remote voting is allowed.
        long eligible = em.createQuery(
                        "SELECT COUNT(p) FROM Participant p WHERE p.meetingId = :m AND p.role = :r "
                                + "AND p.attendance IN :attendance",
                        Long.class)
                .setParameter("m", vote.getMeetingId())
                .setParameter("r", ParticipantRole.MEMBER)
                .setParameter(
                        "attendance",
                        vote.isRemoteAllowed() ? List.of(Attendance.values()) : List.of(Attendance.PRESENT))
                .getSingleResult();
        List<OptionCount> tally = tally(vote);
        return new VoteState(
                vote.getId(),
                vote.getMeetingId(),
                vote.getItemId(),
                vote.getQuestion(),
                vote.getStatus().name(),
                vote.isRemoteAllowed(),
                tally,
                tally.stream().mapToInt(OptionCount::count).sum(),
                (int) eligible,
                vote.getOpenedAt(),
                vote.getClosedAt());
    }

    /** The frozen tally of a closed vote, or the count of the counted ballots of an open one. */
    List<OptionCount> tally(Vote vote) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (vote.isOpen()) {
            vote.options().keySet().forEach(code -> counts.put(code, 0));
            for (Object[] row : em.createQuery(
                            "SELECT b.optionCode, COUNT(b) FROM VoteBallot b WHERE b.voteId = :v "
                                    + "AND b.counted = TRUE GROUP BY b.optionCode",
                            Object[].class)
                    .setParameter("v", vote.getId())
                    .getResultList()) {
                counts.put((String) row[0], ((Number) row[1]).intValue());
            }
        } else {
            counts.putAll(vote.frozenTally());
        }
        Map<String, String> labels = vote.options();
        return counts.entrySet().stream()
                .map(e -> new OptionCount(e.getKey(), labels.get(e.getKey()), e.getValue()))
                .toList();
    }

    List<AgendaItem> items(long meetingId) {
        return em.createQuery("SELECT i FROM AgendaItem i WHERE i.meetingId = :m ORDER BY i.position", AgendaItem.class)
                .setParameter("m", meetingId)
                .getResultList();
    }

    /**
     * A meeting's participants with their offices, in protocol order: the Government's members by their place in
     * the directory (the Prime Minister, the Deputy Prime Ministers, the ministers by ministry), members without
     * one after them by name, then the guests by name. The office is read from the directory when shown, so a
     * reshuffle shows in every meeting not yet printed.
     */
    List<Seat> participants(long meetingId) {
        List<Participant> participants = em.createQuery(
                        "SELECT p FROM Participant p WHERE p.meetingId = :m ORDER BY p.id", Participant.class)
                .setParameter("m", meetingId)
                .getResultList();
        Map<String, PersonRecord> people = new HashMap<>();
        activeMembers().forEach(p -> people.put(p.username(), p));
        List<Seat> seats = new ArrayList<>();
        for (Participant p : participants) {
            PersonRecord person = people.get(p.getUsername());
            if (person == null) {
                person = directory.findPerson(p.getUsername()).orElse(null);
            }
            seats.add(new Seat(
                    p, person == null ? null : person.title(), person == null ? null : person.protocolOrder()));
        }
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN"));
        seats.sort(java.util.Comparator.comparing(
                        (Seat seat) -> !seat.participant().isMember())
                .thenComparing(Seat::protocolOrder, java.util.Comparator.nullsLast(Integer::compare))
                .thenComparing(seat -> seat.participant().getFullName(), vietnamese));
        return seats;
    }

    /** A participant with the office the directory records for them (title and protocol order may be null). */
    record Seat(Participant participant, String title, Integer protocolOrder) {}

    List<SpeakingRequest> speaking(long meetingId, SpeakingStatus status) {
        return em.createQuery(
                        "SELECT r FROM SpeakingRequest r WHERE r.meetingId = :m AND r.status = :s "
                                + "ORDER BY r.requestedAt, r.id",
                        SpeakingRequest.class)
                .setParameter("m", meetingId)
                .setParameter("s", status)
                .getResultList();
    }

    Optional<Vote> openVoteOf(long meetingId) {
        return em.createQuery(
                        "SELECT v FROM Vote v WHERE v.meetingId = :m AND v.status = "
                                + "vn.egov.cabinet.domain.model.BallotStatus.OPEN",
                        Vote.class)
                .setParameter("m", meetingId)
                .getResultStream()
                .findFirst();
    }

    Meeting lockedMeeting(long meetingId) {
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null) {
            throw notFound();
        }
        return meeting;
    }

    List<DocumentVersion> versions(long documentId) {
        return em.createQuery(
                        "SELECT v FROM DocumentVersion v WHERE v.documentId = :d ORDER BY v.versionNo",
                        DocumentVersion.class)
                .setParameter("d", documentId)
                .getResultList();
    }

    /**
     * The document if the caller may see it: participants who see its item (guests: their item
     * only), the secretariat, and for ballot documents the ballot's recipients. Anyone else: 404.
     */
    CabinetDocument visibleDocument(Caller caller, long documentId) {
        CabinetDocument document = em.find(CabinetDocument.class, documentId);
        DomainException notFound = DomainException.notFound("cabinet.document.not-found", "no such document");
        if (document == null) {
            throw notFound;
        }
        if (callers.isSecretary()) {
            return document;
        }
        if (document.getItemId() != null) {
            AgendaItem item = em.find(AgendaItem.class, document.getItemId());
            Participant self = participant(item.getMeetingId(), caller.name()).orElseThrow(() -> notFound);
            if (!self.sees(item.getId())) {
                throw notFound;
            }
            return document;
        }
        boolean recipient = em.createQuery(
                                "SELECT COUNT(a) FROM OpinionAnswer a WHERE a.ballotId = :b AND a.username = :u",
                                Long.class)
                        .setParameter("b", document.getBallotId())
                        .setParameter("u", caller.name())
                        .getSingleResult()
                > 0;
        if (!recipient) {
            throw notFound;
        }
        return document;
    }

    /** A file's content type as given when it reads as one (type/subtype), else application/octet-stream. */
    static String mediaType(String given) {
        if (given == null
                || given.length() > 100
                || !given.strip().matches("^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+( *;.*)?$")) {
            return "application/octet-stream";
        }
        return given.strip();
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainException(
                        DomainException.Kind.INVALID,
                        "cabinet.field.required",
                        field + " is required",
                        Map.of("field", field));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "cabinet.field.too-long",
                    field + " is at most " + max + " characters",
                    Map.of("field", field, "max", max));
        }
        return stripped;
    }

    /** Marks a change of the meeting's live state, pushed to its screens once the transaction commits. */
    void changed(Meeting meeting) {
        meeting.touch();
        announce(meeting.getId());
    }

    /** The live state of the meeting changed (its entity already counted the revision). */
    void announce(long meetingId) {
        liveEvents.fire(new MeetingChanged(meetingId));
    }
}
