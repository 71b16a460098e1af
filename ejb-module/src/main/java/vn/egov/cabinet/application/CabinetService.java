package vn.egov.cabinet.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.CabinetDocument;
import vn.egov.cabinet.domain.model.Channel;
import vn.egov.cabinet.domain.model.Comment;
import vn.egov.cabinet.domain.model.DocumentKind;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.MeetingKind;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.ParticipantRole;
import vn.egov.cabinet.domain.model.SignedChoice;
import vn.egov.cabinet.domain.model.SpeakingRequest;
import vn.egov.cabinet.domain.model.SpeakingStatus;
import vn.egov.cabinet.domain.model.Vote;
import vn.egov.cabinet.domain.model.VoteBallot;
import vn.egov.cabinet.application.CabinetViews.BallotView;
import vn.egov.cabinet.application.CabinetViews.CommentView;
import vn.egov.cabinet.application.CabinetViews.DocumentView;
import vn.egov.cabinet.application.CabinetViews.ItemView;
import vn.egov.cabinet.application.CabinetViews.LiveState;
import vn.egov.cabinet.application.CabinetViews.Me;
import vn.egov.cabinet.application.CabinetViews.MeetingDetail;
import vn.egov.cabinet.application.CabinetViews.MeetingSummary;
import vn.egov.cabinet.application.CabinetViews.OptionCount;
import vn.egov.cabinet.application.CabinetViews.ParticipantView;
import vn.egov.cabinet.application.CabinetViews.QueueEntry;
import vn.egov.cabinet.application.CabinetViews.SignedRequest;
import vn.egov.cabinet.application.CabinetViews.Speaker;
import vn.egov.cabinet.application.CabinetViews.Statement;
import vn.egov.cabinet.application.CabinetViews.Verification;
import vn.egov.cabinet.application.CabinetViews.VersionView;
import vn.egov.cabinet.application.CabinetViews.VoteState;
import vn.egov.cabinet.application.CabinetViews.VoteView;
import vn.egov.common.Digests;
import vn.egov.common.DomainException;
import vn.egov.common.application.CertificatePaths;
import vn.egov.common.application.Caller;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * Government meetings: preparation by the secretariat (agenda, participants, dossier with versioned
 * drafts), the live meeting (current item, speaking queue, floor), signed votes, comments on drafts
 * and the minutes.
 *
 * <p>Who sees what: a meeting exists only for its participants and the Cabinet secretariat; anyone
 * else is told it does not exist (404). Guests see the agenda but only the dossier of the item they
 * are invited to. The chair and the secretary run the live meeting; only members vote.
 */
@Stateless
@DeclareRoles({"CABINET_SECRETARY", "CABINET_MEMBER"})
@PermitAll
public class CabinetService {

    /** Agree, disagree, abstain: the default options of a vote (Đồng ý, Không đồng ý, Không biểu quyết). */
    public static final Map<String, String> DEFAULT_OPTIONS = defaultOptions();
    private static final Pattern OPTION_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private MemberSigning signing;

    @Inject
    private CertificatePaths paths;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.cabinet.max-document-bytes", defaultValue = "20971520")
    private long maxDocumentBytes;

    @Inject
    @ConfigProperty(name = "egov.cabinet.floor-seconds", defaultValue = "300")
    private int defaultFloorSeconds;

    private static Map<String, String> defaultOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("AGREE", "Đồng ý");
        options.put("DISAGREE", "Không đồng ý");
        options.put("ABSTAIN", "Không biểu quyết");
        return java.util.Collections.unmodifiableMap(options);
    }

    private void requireSecretary(String what) {
        if (!callers.isSecretary()) {
            throw DomainException.forbidden("cabinet.secretary.required", what + " is for the Cabinet secretariat");
        }
    }

    private Meeting meeting(long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw notFound();
        }
        return meeting;
    }

    private static DomainException notFound() {
        return DomainException.notFound("cabinet.meeting.not-found", "no such meeting");
    }

    private Optional<Participant> participant(long meetingId, String username) {
        return em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :m AND p.username = :u",
                Participant.class).setParameter("m", meetingId).setParameter("u", username).getResultStream().findFirst();
    }

    /** The caller's standing in a meeting; 404 for anyone who is neither a participant nor the secretariat. */
    private Me me(Meeting meeting, Caller caller) {
        Optional<Participant> participant = participant(meeting.getId(), caller.name());
        boolean secretary = callers.isSecretary();
        if (participant.isEmpty() && !secretary) {
            throw notFound();
        }
        return new Me(caller.name(), participant.map(Participant::isMember).orElse(false),
                participant.map(p -> !p.isMember()).orElse(false), caller.name().equals(meeting.getChair()), secretary,
                participant.map(p -> p.getAttendance().name()).orElse(null));
    }

    private Me runner(Meeting meeting, Caller caller, String what) {
        Me me = me(meeting, caller);
        if (!me.runsMeeting()) {
            throw DomainException.forbidden("cabinet.chair.required", what + " is for the chair or the secretariat");
        }
        return me;
    }

    // ---------------------------------------------------------------- preparation

    /** A new meeting in draft, with every active Government member as participant. */
    public long create(MeetingKind kind, String title, OffsetDateTime startsAt, String place, boolean online,
            String chair) {
        Caller caller = callers.person();
        requireSecretary("Preparing a meeting");
        if (kind == null) {
            throw DomainException.invalid("cabinet.field.required", "kind is required");
        }
        if (startsAt == null) {
            throw DomainException.invalid("cabinet.field.required", "startsAt is required");
        }
        List<PersonRecord> members = activeMembers();
        if (members.stream().noneMatch(p -> p.username().equals(chair))) {
            throw DomainException.invalid("cabinet.chair.invalid", "the chair must be an active Government member");
        }
        Meeting meeting = new Meeting(kind, text(title, "title", 300, true), startsAt, text(place, "place", 200, false),
                online, chair, caller.name(), now());
        em.persist(meeting);
        em.flush();
        for (PersonRecord member : members) {
            em.persist(new Participant(meeting.getId(), member.username(), member.fullName(),
                    member.agencyCode(), agencyName(member.agencyCode()), ParticipantRole.MEMBER, null));
        }
        return meeting.getId();
    }

    /** The active Government members, for the secretariat choosing a chair. */
    public List<CabinetViews.MemberView> members() {
        callers.person();
        return activeMembers().stream().map(p -> new CabinetViews.MemberView(p.username(), p.fullName(),
                p.agencyCode())).toList();
    }

    private List<PersonRecord> activeMembers() {
        return directory.activePeopleWithRole(Role.CABINET_MEMBER);
    }

    private String agencyName(String code) {
        return directory.findAgency(code).map(AgencyRecord::name).orElse(null);
    }

    public long addItem(long meetingId, String title, String presenterCode, OffsetDateTime startsAt, Integer minutes) {
        callers.person();
        requireSecretary("Preparing the agenda");
        Meeting meeting = meeting(meetingId);
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw DomainException.conflict("cabinet.meeting.closed", "the meeting is closed");
        }
        AgencyRecord presenter = directory.findAgency(presenterCode).orElse(null);
        if (presenter == null) {
            throw DomainException.invalid("cabinet.presenter.invalid", "the presenting agency must exist");
        }
        if (minutes != null && (minutes < 1 || minutes > 600)) {
            throw DomainException.invalid("cabinet.item.minutes.invalid", "an item's time slot is 1 to 600 minutes");
        }
        int position = items(meetingId).size() + 1;
        AgendaItem item = new AgendaItem(meetingId, position, text(title, "title", 500, true), presenter.code(),
                presenter.name(), startsAt, minutes);
        em.persist(item);
        return item.getId();
    }

    /** Invites a guest (any staff member) for one agenda item: they see that item's dossier, never vote. */
    public void invite(long meetingId, String username, long itemId) {
        callers.person();
        requireSecretary("Inviting guests");
        Meeting meeting = meeting(meetingId);
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meeting.getId())) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        PersonRecord guest = directory.findPerson(username).orElse(null);
        if (guest == null || !guest.active() || guest.agencyCode() == null) {
            throw DomainException.invalid("cabinet.guest.invalid", "a guest must be an active member of an agency's staff");
        }
        if (participant(meetingId, username).isPresent()) {
            throw DomainException.conflict("cabinet.participant.exists", username + " already takes part");
        }
        em.persist(new Participant(meetingId, guest.username(), guest.fullName(), guest.agencyCode(),
                agencyName(guest.agencyCode()), ParticipantRole.GUEST, itemId));
    }

    public void recordAttendance(long meetingId, String username, Attendance attendance, String delegate,
            boolean remoteVoting) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        runner(meeting, caller, "Taking attendance");
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw DomainException.conflict("cabinet.meeting.closed", "the meeting is closed");
        }
        Participant participant = participant(meetingId, username).orElseThrow(() -> DomainException.invalid(
                "cabinet.participant.invalid", username + " does not take part in this meeting"));
        if (attendance == null) {
            throw DomainException.invalid("cabinet.field.required", "attendance is required");
        }
        if (attendance == Attendance.REPRESENTED && (delegate == null || delegate.isBlank())) {
            throw DomainException.invalid("cabinet.delegate.required", "name the delegate who represents the member");
        }
        participant.record(attendance, text(delegate, "delegate", 200, false), remoteVoting);
        meeting.touch();
    }

    /** Draft → convened → in progress → closed. Closing needs every vote closed first. */
    public void advance(long meetingId, MeetingStatus next) {
        Caller caller = callers.person();
        if (next == null) {
            throw DomainException.invalid("cabinet.field.required", "status is required");
        }
        Meeting meeting = lockedMeeting(meetingId);
        if (next == MeetingStatus.CONVENED) {
            requireSecretary("Convening a meeting");
            me(meeting, caller);
            if (items(meetingId).isEmpty()) {
                throw DomainException.conflict("cabinet.agenda.empty", "a meeting is convened with its agenda");
            }
        } else {
            runner(meeting, caller, "Running the meeting");
        }
        if (next == MeetingStatus.CLOSED && openVote(meetingId).isPresent()) {
            throw DomainException.conflict("cabinet.vote.still-open", "close the open vote before closing the meeting");
        }
        OffsetDateTime now = now();
        if (next == MeetingStatus.CLOSED) {
            speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
            speaking(meetingId, SpeakingStatus.WAITING).forEach(r -> r.withdraw(now));
        }
        meeting.advance(next, now);
        if (next == MeetingStatus.IN_PROGRESS && meeting.getCurrentItemId() == null) {
            meeting.setCurrentItemId(items(meetingId).get(0).getId());
        }
    }

    // ---------------------------------------------------------------- reading

    public List<MeetingSummary> meetings() {
        Caller caller = callers.person();
        boolean secretary = callers.isSecretary();
        List<Meeting> meetings = secretary
                ? em.createQuery("SELECT m FROM Meeting m ORDER BY m.startsAt DESC", Meeting.class).getResultList()
                : em.createQuery("SELECT m FROM Meeting m WHERE m.id IN (SELECT p.meetingId FROM Participant p "
                        + "WHERE p.username = :u) ORDER BY m.startsAt DESC", Meeting.class)
                        .setParameter("u", caller.name()).getResultList();
        Map<Long, String> roles = new LinkedHashMap<>();
        em.createQuery("SELECT p FROM Participant p WHERE p.username = :u", Participant.class)
                .setParameter("u", caller.name()).getResultList()
                .forEach(p -> roles.put(p.getMeetingId(), p.getRole().name()));
        Map<String, String> names = fullNames();
        return meetings.stream().map(m -> new MeetingSummary(m.getId(), m.getKind().name(), m.getTitle(),
                m.getStartsAt(), m.getPlace(), m.isOnline(), m.getChair(), names.get(m.getChair()), m.getStatus().name(),
                roles.getOrDefault(m.getId(), "SECRETARY"))).toList();
    }

    private Map<String, String> fullNames() {
        Map<String, String> names = new java.util.HashMap<>();
        for (PersonRecord p : activeMembers()) {
            names.put(p.username(), p.fullName());
        }
        return names;
    }

    public MeetingDetail meetingDetail(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = meeting(meetingId);
        Me me = me(meeting, caller);
        Participant self = participant(meetingId, caller.name()).orElse(null);
        List<AgendaItem> items = items(meetingId);
        Map<Long, List<DocumentView>> dossier = new HashMap<>();
        if (!items.isEmpty()) {
            List<CabinetDocument> documents = em.createQuery("SELECT d FROM CabinetDocument d WHERE d.itemId IN :items "
                    + "ORDER BY d.id", CabinetDocument.class).setParameter("items", items.stream().map(AgendaItem::getId)
                    .toList()).getResultList();
            List<DocumentView> views = views(documents);
            for (int k = 0; k < documents.size(); k++) {
                dossier.computeIfAbsent(documents.get(k).getItemId(), i -> new ArrayList<>()).add(views.get(k));
            }
        }
        List<ItemView> agenda = new ArrayList<>();
        for (AgendaItem item : items) {
            boolean sees = me.secretary() || (self != null && self.sees(item.getId()));
            agenda.add(new ItemView(item.getId(), item.getPosition(), item.getTitle(), item.getPresenterCode(),
                    item.getPresenterName(), item.getStartsAt(), item.getMinutes(),
                    sees ? dossier.getOrDefault(item.getId(), List.of()) : List.of()));
        }
        List<ParticipantView> participants = participants(meetingId).stream().map(p -> new ParticipantView(
                p.getUsername(), p.getFullName(), p.getAgencyCode(), p.getAgencyName(), p.getRole().name(),
                p.getItemId(), p.getAttendance().name(), p.getDelegate(), p.isRemoteVoting())).toList();
        String chairName = participants.stream().filter(p -> p.username().equals(meeting.getChair()))
                .map(ParticipantView::fullName).findFirst().orElse(meeting.getChair());
        return new MeetingDetail(meeting.getId(), meeting.getKind().name(), meeting.getTitle(), meeting.getStartsAt(),
                meeting.getPlace(), meeting.isOnline(), meeting.getChair(), chairName, meeting.getStatus().name(),
                meeting.getStartedAt(), meeting.getClosedAt(), agenda, participants, live(meeting), me);
    }

    /** Documents with their versions and comment counts: three queries however many documents. */
    private List<DocumentView> views(List<CabinetDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<Long> ids = documents.stream().map(CabinetDocument::getId).toList();
        Map<Long, List<VersionView>> versions = new HashMap<>();
        for (DocumentVersion v : em.createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId IN :ids "
                + "ORDER BY v.versionNo", DocumentVersion.class).setParameter("ids", ids).getResultList()) {
            versions.computeIfAbsent(v.getDocumentId(), d -> new ArrayList<>()).add(new VersionView(v.getId(),
                    v.getVersionNo(), v.getFileName(), v.getContentType(), v.getSizeBytes(), v.getSha256(), v.getNote(),
                    v.getCreatedAt()));
        }
        Map<Long, Long> comments = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT v.documentId, COUNT(c) FROM Comment c, DocumentVersion v "
                + "WHERE c.versionId = v.id AND v.documentId IN :ids GROUP BY v.documentId", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            comments.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return documents.stream().map(d -> new DocumentView(d.getId(), d.getKind().name(), d.getTitle(),
                versions.getOrDefault(d.getId(), List.of()), comments.getOrDefault(d.getId(), 0L))).toList();
    }

    /** The documents of an opinion ballot, for the secretariat and the members it was put to. */
    public List<DocumentView> ballotDocuments(long ballotId) {
        Caller caller = callers.person();
        List<CabinetDocument> documents = em.createQuery("SELECT d FROM CabinetDocument d WHERE d.ballotId = :b "
                + "ORDER BY d.id", CabinetDocument.class).setParameter("b", ballotId).getResultList();
        documents.forEach(d -> visibleDocument(caller, d.getId()));
        return views(documents);
    }

    /** The live state of a meeting, for anyone who may see the meeting. */
    public LiveState liveState(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = meeting(meetingId);
        me(meeting, caller);
        return live(meeting);
    }

    private LiveState live(Meeting meeting) {
        long id = meeting.getId();
        AgendaItem current = meeting.getCurrentItemId() == null ? null : em.find(AgendaItem.class,
                meeting.getCurrentItemId());
        Speaker speaker = speaking(id, SpeakingStatus.SPEAKING).stream().findFirst().map(r -> new Speaker(r.getId(),
                r.getUsername(), r.getFullName(), r.getStartedAt(), r.getSecondsAllowed())).orElse(null);
        List<QueueEntry> queue = speaking(id, SpeakingStatus.WAITING).stream().map(r -> new QueueEntry(r.getId(),
                r.getUsername(), r.getFullName(), r.getRequestedAt())).toList();
        Vote vote = openVote(id).orElseGet(() -> em.createQuery("SELECT v FROM Vote v WHERE v.meetingId = :m "
                + "ORDER BY v.openedAt DESC, v.id DESC", Vote.class).setParameter("m", id).setMaxResults(1)
                .getResultStream().findFirst().orElse(null));
        return new LiveState(id, meeting.getRevision(), meeting.getStatus().name(), current == null ? null : current.getId(),
                current == null ? null : current.getTitle(), speaker, queue, vote == null ? null : voteState(vote));
    }

    private VoteState voteState(Vote vote) {
        long eligible = em.createQuery("SELECT COUNT(p) FROM Participant p WHERE p.meetingId = :m AND p.role = :r",
                Long.class).setParameter("m", vote.getMeetingId()).setParameter("r", ParticipantRole.MEMBER)
                .getSingleResult();
        List<OptionCount> tally = tally(vote);
        return new VoteState(vote.getId(), vote.getMeetingId(), vote.getItemId(), vote.getQuestion(), vote.getStatus().name(),
                vote.isRemoteAllowed(), tally, tally.stream().mapToInt(OptionCount::count).sum(), (int) eligible,
                vote.getOpenedAt(), vote.getClosedAt());
    }

    /** The frozen tally of a closed vote, or the count of the counted ballots of an open one. */
    private List<OptionCount> tally(Vote vote) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (vote.isOpen()) {
            vote.options().keySet().forEach(code -> counts.put(code, 0));
            for (Object[] row : em.createQuery("SELECT b.optionCode, COUNT(b) FROM VoteBallot b WHERE b.voteId = :v "
                    + "AND b.counted = TRUE GROUP BY b.optionCode", Object[].class).setParameter("v", vote.getId())
                    .getResultList()) {
                counts.put((String) row[0], ((Number) row[1]).intValue());
            }
        } else {
            counts.putAll(vote.frozenTally());
        }
        Map<String, String> labels = vote.options();
        return counts.entrySet().stream().map(e -> new OptionCount(e.getKey(), labels.get(e.getKey()), e.getValue()))
                .toList();
    }

    List<AgendaItem> items(long meetingId) {
        return em.createQuery("SELECT i FROM AgendaItem i WHERE i.meetingId = :m ORDER BY i.position", AgendaItem.class)
                .setParameter("m", meetingId).getResultList();
    }

    List<Participant> participants(long meetingId) {
        return em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :m ORDER BY p.role, p.id",
                Participant.class).setParameter("m", meetingId).getResultList();
    }

    private List<SpeakingRequest> speaking(long meetingId, SpeakingStatus status) {
        return em.createQuery("SELECT r FROM SpeakingRequest r WHERE r.meetingId = :m AND r.status = :s "
                + "ORDER BY r.requestedAt, r.id", SpeakingRequest.class).setParameter("m", meetingId)
                .setParameter("s", status).getResultList();
    }

    private Optional<Vote> openVote(long meetingId) {
        return em.createQuery("SELECT v FROM Vote v WHERE v.meetingId = :m AND v.status = "
                + "vn.egov.cabinet.domain.model.BallotStatus.OPEN", Vote.class).setParameter("m", meetingId)
                .getResultStream().findFirst();
    }

    // ---------------------------------------------------------------- the live meeting

    private Meeting lockedMeeting(long meetingId) {
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null) {
            throw notFound();
        }
        return meeting;
    }

    public void setCurrentItem(long meetingId, long itemId) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        runner(meeting, caller, "Moving through the agenda");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Moving through the agenda");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meetingId)) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        OffsetDateTime now = now();
        speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
        speaking(meetingId, SpeakingStatus.WAITING).forEach(r -> r.withdraw(now));
        meeting.setCurrentItemId(itemId);
    }

    /** Đăng ký phát biểu on the current item; one waiting request per person. */
    public long requestToSpeak(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        me(meeting, caller);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Asking for the floor");
        Participant self = participant(meetingId, caller.name()).orElseThrow(() -> DomainException.forbidden(
                "cabinet.participant.required", "only participants ask for the floor"));
        if (!self.sees(meeting.getCurrentItemId())) {
            throw DomainException.forbidden("cabinet.guest.other-item", "a guest speaks only on the item they are invited to");
        }
        boolean queued = em.createQuery("SELECT COUNT(r) FROM SpeakingRequest r WHERE r.meetingId = :m AND r.username = :u "
                + "AND r.status IN (vn.egov.cabinet.domain.model.SpeakingStatus.WAITING, "
                + "vn.egov.cabinet.domain.model.SpeakingStatus.SPEAKING)", Long.class).setParameter("m", meetingId)
                .setParameter("u", caller.name()).getSingleResult() > 0;
        if (queued) {
            throw DomainException.conflict("cabinet.speaking.already-queued", "you are already on the speakers' list");
        }
        SpeakingRequest request = new SpeakingRequest(meetingId, meeting.getCurrentItemId(), caller.name(),
                self.getFullName(), now());
        em.persist(request);
        meeting.touch();
        return request.getId();
    }

    /** The chair gives the floor to a waiting request (ending the current speaker's turn) or takes it back (requestId null). */
    public void floor(long meetingId, Long requestId, Integer seconds) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        runner(meeting, caller, "Giving the floor");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Giving the floor");
        OffsetDateTime now = now();
        SpeakingRequest next = null;
        if (requestId != null) {
            next = em.find(SpeakingRequest.class, requestId);
            if (next == null || !next.getMeetingId().equals(meetingId) || next.getStatus() != SpeakingStatus.WAITING) {
                throw DomainException.invalid("cabinet.speaking.invalid", "that request is not waiting in this meeting's queue");
            }
        }
        if (seconds != null && (seconds < 30 || seconds > 3600)) {
            throw DomainException.invalid("cabinet.floor.seconds.invalid", "a turn lasts 30 to 3600 seconds");
        }
        speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
        if (next != null) {
            next.giveFloor(seconds == null ? defaultFloorSeconds : seconds, now);
        }
        meeting.touch();
    }

    public void withdraw(long meetingId, long requestId) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        me(meeting, caller);
        SpeakingRequest request = em.find(SpeakingRequest.class, requestId);
        if (request == null || !request.getMeetingId().equals(meetingId) || !request.getUsername().equals(caller.name())
                || request.getStatus() != SpeakingStatus.WAITING) {
            throw DomainException.invalid("cabinet.speaking.invalid", "that request is not yours and waiting");
        }
        request.withdraw(now());
        meeting.touch();
    }

    // ---------------------------------------------------------------- votes

    /** Opens a named vote on an item; one open vote per meeting at a time. */
    public long openVote(long meetingId, long itemId, String question, Map<String, String> options,
            boolean remoteAllowed) {
        Caller caller = callers.person();
        Meeting meeting = lockedMeeting(meetingId);
        runner(meeting, caller, "Opening a vote");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Opening a vote");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meetingId)) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        if (openVote(meetingId).isPresent()) {
            throw DomainException.conflict("cabinet.vote.already-open", "close the open vote first");
        }
        Map<String, String> chosen = options == null || options.isEmpty() ? DEFAULT_OPTIONS : options;
        if (chosen.size() < 2 || chosen.size() > 10) {
            throw DomainException.invalid("cabinet.vote.options.invalid", "a vote has 2 to 10 options");
        }
        chosen.forEach((code, label) -> {
            if (code == null || !OPTION_CODE.matcher(code).matches()) {
                throw DomainException.invalid("cabinet.vote.options.invalid",
                        "option codes are capital letters, digits and _ (e.g. AGREE), not '" + code + "'");
            }
            text(label, "option label", 100, true);
            if (label.contains("\n") || label.contains("=")) {
                throw DomainException.invalid("cabinet.vote.options.invalid", "an option label is one line without '='");
            }
        });
        if (chosen.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 2).sum() > 1000) {
            throw DomainException.invalid("cabinet.vote.options.invalid", "the options are too long together "
                    + "(1000 characters at most)");
        }
        Vote vote = new Vote(meetingId, itemId, text(question, "question", 1000, true), chosen, remoteAllowed,
                caller.name(), now());
        em.persist(vote);
        meeting.touch();
        return vote.getId();
    }

    /** The statement a member signs to choose an option now; the vote must be open and theirs to vote in. */
    public Statement voteStatement(long voteId, String option) {
        Caller caller = callers.person();
        Vote vote = voteFor(caller, voteId);
        String label = label(vote, option);
        OffsetDateTime at = now();
        return new Statement(MemberSignatures.voteStatement(vote.getMeetingId(), vote.getItemId(), vote.getId(),
                vote.getQuestion(), caller.name(), option, label, at), option, at, MemberSignatures.ALGORITHM);
    }

    private static String label(Vote vote, String option) {
        String label = option == null ? null : vote.options().get(option);
        if (label == null) {
            throw DomainException.invalid("cabinet.vote.option.invalid", "the vote has no option '" + option
                    + "'; it has " + vote.options().keySet());
        }
        return label;
    }

    /** The vote, if the caller may vote in it now: a member of its meeting, the vote open. */
    private Vote voteFor(Caller caller, long voteId) {
        Vote vote = em.find(Vote.class, voteId);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        Participant self = participant(vote.getMeetingId(), caller.name()).orElse(null);
        if (self == null) {
            if (callers.isSecretary()) {
                throw DomainException.forbidden("cabinet.vote.members-only", "only Government members vote");
            }
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        if (!self.isMember()) {
            throw DomainException.forbidden("cabinet.vote.members-only", "only Government members vote");
        }
        if (!vote.isOpen()) {
            throw DomainException.conflict("cabinet.vote.closed", "the vote is closed");
        }
        return vote;
    }

    /**
     * Records a member's signed vote: signed by their client (signedAt and signature over the
     * statement) or remotely with their PIN. The signature is verified with the member's
     * registered certificate; a changed vote supersedes the earlier one, which stays on record.
     */
    public VoteState castVote(long voteId, SignedRequest request) {
        Caller caller = callers.person();
        Vote vote = voteFor(caller, voteId);
        Participant self = participant(vote.getMeetingId(), caller.name()).orElseThrow();
        Channel channel = self.getAttendance() == Attendance.PRESENT ? Channel.ROOM : Channel.REMOTE;
        if (channel == Channel.REMOTE && !vote.isRemoteAllowed()) {
            throw DomainException.forbidden("cabinet.vote.remote-not-allowed",
                    "you are not recorded present and the chair has not allowed remote voting on this vote");
        }
        String option = request == null ? null : request.option();
        String label = label(vote, option);
        OffsetDateTime now = now();
        SignedChoice choice = signing.sign(caller.name(), request, now, at -> MemberSignatures.voteStatement(
                vote.getMeetingId(), vote.getItemId(), vote.getId(), vote.getQuestion(), caller.name(), option, label, at),
                option, channel);

        Vote locked = em.find(Vote.class, voteId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(locked);
        if (!locked.isOpen()) {
            throw DomainException.conflict("cabinet.vote.closed", "the vote is closed");
        }
        em.createQuery("SELECT b FROM VoteBallot b WHERE b.voteId = :v AND b.username = :u AND b.counted = TRUE",
                VoteBallot.class).setParameter("v", voteId).setParameter("u", caller.name()).getResultList()
                .forEach(b -> b.supersede(now));
        em.persist(new VoteBallot(voteId, caller.name(), self.getFullName(), choice, now));
        em.find(Meeting.class, vote.getMeetingId(), LockModeType.PESSIMISTIC_WRITE).touch();
        em.flush();
        return voteState(locked);
    }

    public VoteState closeVote(long voteId) {
        Caller caller = callers.person();
        Vote vote = em.find(Vote.class, voteId, LockModeType.PESSIMISTIC_WRITE);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        // Vote row, then meeting row: the same order as a vote being cast, so the two never deadlock.
        Meeting meeting = lockedMeeting(vote.getMeetingId());
        try {
            me(meeting, caller);
        } catch (DomainException e) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        runner(meeting, caller, "Closing a vote");
        if (!vote.isOpen()) {
            throw DomainException.conflict("cabinet.vote.closed", "the vote is already closed");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        tally(vote).forEach(c -> counts.put(c.option(), c.count()));
        vote.close(counts, now());
        meeting.touch();
        return voteState(vote);
    }

    /** A vote with every signed ballot, for anyone who may see its meeting. */
    public VoteView vote(long voteId) {
        Caller caller = callers.person();
        Vote vote = em.find(Vote.class, voteId);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        try {
            me(meeting(vote.getMeetingId()), caller);
        } catch (DomainException e) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        List<BallotView> ballots = em.createQuery("SELECT b FROM VoteBallot b WHERE b.voteId = :v ORDER BY b.recordedAt, b.id",
                VoteBallot.class).setParameter("v", voteId).getResultList().stream().map(b -> new BallotView(
                b.getUsername(), b.getFullName(), b.getOptionCode(), b.getSigned().getStatement(),
                b.getSigned().getSignature(), b.getSigned().getCertificate(), b.getSigned().getSignerSubject(),
                b.getSigned().getSignedAt(), b.getSigned().getChannel().name(), b.isCounted(),
                b.getRecordedAt(), b.getSupersededAt())).toList();
        return new VoteView(vote.getId(), vote.getMeetingId(), vote.getItemId(), vote.getQuestion(),
                vote.getStatus().name(), tally(vote), ballots, vote.getOpenedAt(), vote.getClosedAt());
    }

    /** Re-verifies every signature of a vote, superseded ones included, and that the tally matches the counted ones. */
    public Verification verifyVote(long voteId) {
        VoteView vote = vote(voteId);
        List<String> invalid = new ArrayList<>();
        int valid = 0;
        Vote stored = em.find(Vote.class, voteId);
        Map<String, String> labels = stored.options();
        for (BallotView b : vote.ballots()) {
            // The signed text must be exactly the statement of what is stored and counted.
            String expected = MemberSignatures.voteStatement(vote.meetingId(), vote.itemId(), vote.id(), vote.question(),
                    b.username(), b.option(), labels.get(b.option()), b.signedAt());
            if (expected.equals(b.statement())
                    && MemberSignatures.verify(b.statement(), b.signature(), b.certificate(), b.signedAt(), paths.anchors())) {
                valid++;
            } else {
                invalid.add(b.username() + " at " + b.recordedAt());
            }
        }
        for (OptionCount count : vote.tally()) {
            long signed = vote.ballots().stream().filter(b -> b.counted() && b.option().equals(count.option())).count();
            if (signed != count.count()) {
                invalid.add("tally of " + count.option() + " is " + count.count() + " but " + signed + " signed ballots");
            }
        }
        return new Verification(vote.ballots().size(), valid, invalid);
    }

    // ---------------------------------------------------------------- dossier documents and comments

    public long addDocument(long itemId, DocumentKind kind, String title, String fileName, String contentType,
            byte[] content) {
        Caller caller = callers.person();
        requireSecretary("Preparing the dossier");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null) {
            throw DomainException.notFound("cabinet.item.not-found", "no such agenda item");
        }
        if (kind == null) {
            throw DomainException.invalid("cabinet.field.required", "kind is required");
        }
        CabinetDocument document = new CabinetDocument(itemId, null, kind, text(title, "title", 300, true),
                caller.name(), now());
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
    public void addBallotDocument(long ballotId, String title, String fileName, String contentType, byte[] content) {
        Caller caller = callers.person();
        requireSecretary("Preparing a ballot's documents");
        CabinetDocument document = new CabinetDocument(null, ballotId, DocumentKind.DRAFT, text(title, "title", 300, true),
                caller.name(), now());
        em.persist(document);
        em.flush();
        addVersion(document, fileName, contentType, content, null, caller);
    }

    /** The secretary records the revised version of a draft, after the members' comments. */
    public int addVersion(long documentId, String fileName, String contentType, byte[] content, String note) {
        Caller caller = callers.person();
        requireSecretary("Recording a revised version");
        CabinetDocument document = em.find(CabinetDocument.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw DomainException.notFound("cabinet.document.not-found", "no such document");
        }
        return addVersion(document, fileName, contentType, content, text(note, "note", 1000, false), caller);
    }

    int addVersion(CabinetDocument document, String fileName, String contentType, byte[] content, String note,
            Caller caller) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("cabinet.document.empty", "the file is empty");
        }
        if (content.length > maxDocumentBytes) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "cabinet.document.too-large",
                    "a dossier file is at most " + maxDocumentBytes + " bytes");
        }
        int next = versions(document.getId()).size() + 1;
        em.persist(new DocumentVersion(document.getId(), next, text(fileName, "fileName", 255, true),
                mediaType(contentType), content, Digests.sha256Hex(content), note, caller.name(), now()));
        return next;
    }

    private List<DocumentVersion> versions(long documentId) {
        return em.createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId = :d ORDER BY v.versionNo",
                DocumentVersion.class).setParameter("d", documentId).getResultList();
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
        boolean recipient = em.createQuery("SELECT COUNT(a) FROM OpinionAnswer a WHERE a.ballotId = :b AND a.username = :u",
                Long.class).setParameter("b", document.getBallotId()).setParameter("u", caller.name())
                .getSingleResult() > 0;
        if (!recipient) {
            throw notFound;
        }
        return document;
    }

    /** One version's file (the latest when versionNo is null), for those who may see the document. */
    public DocumentVersion file(long documentId, Integer versionNo) {
        Caller caller = callers.person();
        visibleDocument(caller, documentId);
        List<DocumentVersion> versions = versions(documentId);
        DocumentVersion version = versionNo == null ? versions.get(versions.size() - 1)
                : versions.stream().filter(v -> v.getVersionNo() == versionNo).findFirst().orElseThrow(() ->
                        DomainException.notFound("cabinet.version.not-found", "no version " + versionNo));
        em.detach(version);
        return version;
    }

    /** A document with its versions, for those who may see it. */
    public DocumentView document(long documentId) {
        Caller caller = callers.person();
        CabinetDocument document = visibleDocument(caller, documentId);
        return views(List.of(document)).get(0);
    }

    /** Góp ý on a draft: on a given version (the latest by default), anchored to a section, possibly a reply. */
    public CommentView comment(long documentId, Integer versionNo, String section, String text, Long parentId) {
        Caller caller = callers.person();
        CabinetDocument document = visibleDocument(caller, documentId);
        if (document.getKind() != DocumentKind.DRAFT) {
            throw DomainException.conflict("cabinet.comment.not-a-draft", "comments are taken on drafts");
        }
        if (document.getItemId() != null) {
            AgendaItem item = em.find(AgendaItem.class, document.getItemId());
            if (meeting(item.getMeetingId()).getStatus() == MeetingStatus.CLOSED) {
                throw DomainException.conflict("cabinet.meeting.closed", "the meeting is closed");
            }
        }
        List<DocumentVersion> versions = versions(documentId);
        DocumentVersion version = versionNo == null ? versions.get(versions.size() - 1)
                : versions.stream().filter(v -> v.getVersionNo() == versionNo).findFirst().orElseThrow(() ->
                        DomainException.invalid("cabinet.version.invalid", "the draft has no version " + versionNo));
        if (parentId != null) {
            Comment parent = em.find(Comment.class, parentId);
            if (parent == null || !parent.getVersionId().equals(version.getId())) {
                throw DomainException.invalid("cabinet.comment.parent.invalid", "a reply answers a comment on the same version");
            }
        }
        String author = directory.findPerson(caller.name()).map(PersonRecord::fullName).orElse(caller.displayName());
        Comment comment = new Comment(version.getId(), parentId, text(section, "section", 100, false),
                text(text, "text", 4000, true), caller.name(), author, now());
        em.persist(comment);
        return view(comment, version.getVersionNo());
    }

    /** Every comment on every version of a draft, oldest first (replies carry their parent's id). */
    public List<CommentView> comments(long documentId) {
        Caller caller = callers.person();
        visibleDocument(caller, documentId);
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        versions(documentId).forEach(v -> numbers.put(v.getId(), v.getVersionNo()));
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Comment c WHERE c.versionId IN :versions ORDER BY c.createdAt, c.id",
                Comment.class).setParameter("versions", List.copyOf(numbers.keySet())).getResultList().stream()
                .map(c -> view(c, numbers.get(c.getVersionId()))).sorted(Comparator.comparing(CommentView::id)).toList();
    }

    private static CommentView view(Comment c, int versionNo) {
        return new CommentView(c.getId(), versionNo, c.getParentId(), c.getSection(), c.getText(), c.getAuthor(),
                c.getAuthorName(), c.getCreatedAt());
    }

    // ---------------------------------------------------------------- minutes

    public Minutes.Meeting minutes(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = meeting(meetingId);
        Me me = me(meeting, caller);
        if (me.guest()) {
            throw DomainException.forbidden("cabinet.minutes.members-only", "the minutes are for members and the secretariat");
        }
        List<Participant> participants = participants(meetingId);
        List<Minutes.Attendee> attendance = participants.stream().map(p -> new Minutes.Attendee(p.getFullName(),
                p.getAgencyName(), p.getRole().name(), p.getAttendance().name(), p.getDelegate())).toList();
        // The whole record in three queries by meeting (speeches, votes, counted ballots), grouped by item.
        Map<Long, List<Minutes.Speech>> speeches = em.createQuery("SELECT r FROM SpeakingRequest r "
                + "WHERE r.meetingId = :m AND r.startedAt IS NOT NULL ORDER BY r.startedAt", SpeakingRequest.class)
                .setParameter("m", meetingId).getResultStream().collect(java.util.stream.Collectors.groupingBy(
                        SpeakingRequest::getItemId, java.util.stream.Collectors.mapping(r -> new Minutes.Speech(
                                r.getFullName(), r.getStartedAt(), r.getEndedAt()), java.util.stream.Collectors.toList())));
        List<Vote> allVotes = em.createQuery("SELECT v FROM Vote v WHERE v.meetingId = :m ORDER BY v.openedAt",
                Vote.class).setParameter("m", meetingId).getResultList();
        Map<Long, List<VoteBallot>> counted = allVotes.isEmpty() ? Map.of() : em.createQuery("SELECT b FROM VoteBallot b "
                + "WHERE b.voteId IN :votes AND b.counted = TRUE ORDER BY b.recordedAt, b.id", VoteBallot.class)
                .setParameter("votes", allVotes.stream().map(Vote::getId).toList()).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(VoteBallot::getVoteId));
        List<Minutes.Item> agenda = new ArrayList<>();
        List<Minutes.Vote> votes = new ArrayList<>();
        for (AgendaItem item : items(meetingId)) {
            agenda.add(new Minutes.Item(item.getPosition(), item.getTitle(), item.getPresenterName(),
                    speeches.getOrDefault(item.getId(), List.of())));
            for (Vote vote : allVotes) {
                if (!vote.getItemId().equals(item.getId())) {
                    continue;
                }
                Map<String, String> labels = vote.options();
                votes.add(new Minutes.Vote(item.getTitle(), vote.getQuestion(), vote.getStatus().name(),
                        vote.getOpenedAt(), vote.getClosedAt(), tally(vote).stream().map(c -> new Minutes.Count(
                        c.option(), c.label(), c.count())).toList(), counted.getOrDefault(vote.getId(), List.of())
                        .stream().map(b -> new Minutes.Cast(b.getFullName(), b.getOptionCode(),
                                labels.get(b.getOptionCode()), b.getSigned().getSignedAt(),
                                b.getSigned().getSignerSubject(), b.getSigned().getChannel().name())).toList()));
            }
        }
        String chair = participants.stream().filter(p -> p.getUsername().equals(meeting.getChair()))
                .map(Participant::getFullName).findFirst().orElse(meeting.getChair());
        return new Minutes.Meeting(meeting.getId(), meeting.getTitle(), meeting.getKind().name(), meeting.getPlace(),
                meeting.isOnline(), meeting.getStartsAt(), meeting.getClosedAt(), chair, attendance, agenda, votes, now());
    }

    // ---------------------------------------------------------------- helpers

    /** A file's content type as given when it reads as one (type/subtype), else application/octet-stream. */
    static String mediaType(String given) {
        if (given == null || given.length() > 100
                || !given.strip().matches("^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+( *;.*)?$")) {
            return "application/octet-stream";
        }
        return given.strip();
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainException(DomainException.Kind.INVALID, "cabinet.field.required", field + " is required",
                        Map.of("field", field));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new DomainException(DomainException.Kind.INVALID, "cabinet.field.too-long", field + " is at most "
                    + max + " characters", Map.of("field", field, "max", max));
        }
        return stripped;
    }
}
