package vn.egov.cabinet.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.cabinet.application.CabinetViews.DocumentView;
import vn.egov.cabinet.application.CabinetViews.ItemView;
import vn.egov.cabinet.application.CabinetViews.Me;
import vn.egov.cabinet.application.CabinetViews.MeetingDetail;
import vn.egov.cabinet.application.CabinetViews.MeetingSummary;
import vn.egov.cabinet.application.CabinetViews.ParticipantView;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.CabinetDocument;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.MeetingKind;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.ParticipantRole;
import vn.egov.cabinet.domain.model.SpeakingStatus;
import vn.egov.common.DomainException;
import vn.egov.common.SearchText;
import vn.egov.common.application.Caller;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * Preparing Government meetings (the secretariat: a meeting, its agenda, guests, convening) and
 * reading them: the list and the whole meeting with its dossier, participants and live state;
 * attendance and the meeting's status as it runs.
 *
 * <p>Every method is open to any signed-in person ({@link Role#AUTHENTICATED}); the rule that needs
 * the meeting (participant, chair, secretariat, member) is checked inside with its own code, and a
 * meeting the caller takes no part in is 404, as everywhere in e-Cabinet.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.CABINET_SECRETARY_ROLE, Role.CABINET_MEMBER_ROLE})
public class MeetingPreparation {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private CabinetRecords records;

    @Inject
    private DirectoryService directory;

    /** A new meeting in draft, with every active Government member as participant. */
    @RolesAllowed(Role.AUTHENTICATED)
    public long create(
            MeetingKind kind, String title, OffsetDateTime startsAt, String place, boolean online, String chair) {
        Caller caller = callers.person();
        records.requireSecretary("Preparing a meeting");
        if (kind == null) {
            throw DomainException.invalid("cabinet.field.required", "kind is required");
        }
        if (startsAt == null) {
            throw DomainException.invalid("cabinet.field.required", "startsAt is required");
        }
        List<PersonRecord> members = records.activeMembers();
        if (members.stream().noneMatch(p -> p.username().equals(chair))) {
            throw DomainException.invalid("cabinet.chair.invalid", "the chair must be an active Government member");
        }
        Meeting meeting = new Meeting(
                kind,
                CabinetRecords.text(title, "title", 300, true),
                startsAt,
                CabinetRecords.text(place, "place", 200, false),
                online,
                chair,
                caller.name(),
                now());
        em.persist(meeting);
        em.flush();
        for (PersonRecord member : members) {
            em.persist(new Participant(
                    meeting.getId(),
                    member.username(),
                    member.fullName(),
                    member.agencyCode(),
                    records.agencyName(member.agencyCode()),
                    ParticipantRole.MEMBER,
                    null));
        }
        return meeting.getId();
    }

    /** The active Government members, for the secretariat choosing a chair. */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<CabinetViews.MemberView> members() {
        callers.person();
        return records.activeMembers().stream()
                .map(p -> new CabinetViews.MemberView(p.username(), p.fullName(), p.agencyCode()))
                .toList();
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public long addItem(long meetingId, String title, String presenterCode, OffsetDateTime startsAt, Integer minutes) {
        callers.person();
        records.requireSecretary("Preparing the agenda");
        Meeting meeting = records.meeting(meetingId);
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
        int position = records.items(meetingId).size() + 1;
        AgendaItem item = new AgendaItem(
                meetingId,
                position,
                CabinetRecords.text(title, "title", 500, true),
                presenter.code(),
                presenter.name(),
                startsAt,
                minutes);
        em.persist(item);
        return item.getId();
    }

    /** Invites a guest (any staff member) for one agenda item: they see that item's dossier, never vote. */
    @RolesAllowed(Role.AUTHENTICATED)
    public void invite(long meetingId, String username, long itemId) {
        callers.person();
        records.requireSecretary("Inviting guests");
        Meeting meeting = records.meeting(meetingId);
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meeting.getId())) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        PersonRecord guest = directory.findPerson(username).orElse(null);
        if (guest == null || !guest.active() || guest.agencyCode() == null) {
            throw DomainException.invalid(
                    "cabinet.guest.invalid", "a guest must be an active member of an agency's staff");
        }
        if (records.participant(meetingId, username).isPresent()) {
            throw DomainException.conflict("cabinet.participant.exists", username + " already takes part");
        }
        em.persist(new Participant(
                meetingId,
                guest.username(),
                guest.fullName(),
                guest.agencyCode(),
                records.agencyName(guest.agencyCode()),
                ParticipantRole.GUEST,
                itemId));
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public void recordAttendance(
            long meetingId, String username, Attendance attendance, String delegate, boolean remoteVoting) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.runner(meeting, caller, "Taking attendance");
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw DomainException.conflict("cabinet.meeting.closed", "the meeting is closed");
        }
        Participant participant = records.participant(meetingId, username)
                .orElseThrow(() -> DomainException.invalid(
                        "cabinet.participant.invalid", username + " does not take part in this meeting"));
        if (attendance == null) {
            throw DomainException.invalid("cabinet.field.required", "attendance is required");
        }
        if (attendance == Attendance.REPRESENTED && (delegate == null || delegate.isBlank())) {
            throw DomainException.invalid("cabinet.delegate.required", "name the delegate who represents the member");
        }
        participant.record(attendance, CabinetRecords.text(delegate, "delegate", 200, false), remoteVoting);
        records.changed(meeting);
    }

    /** Draft → convened → in progress → closed. Closing needs every vote closed first. */
    @RolesAllowed(Role.AUTHENTICATED)
    public void advance(long meetingId, MeetingStatus next) {
        Caller caller = callers.person();
        if (next == null) {
            throw DomainException.invalid("cabinet.field.required", "status is required");
        }
        Meeting meeting = records.lockedMeeting(meetingId);
        if (next == MeetingStatus.CONVENED) {
            records.requireSecretary("Convening a meeting");
            records.me(meeting, caller);
            if (records.items(meetingId).isEmpty()) {
                throw DomainException.conflict("cabinet.agenda.empty", "a meeting is convened with its agenda");
            }
        } else {
            records.runner(meeting, caller, "Running the meeting");
        }
        if (next == MeetingStatus.CLOSED && records.openVoteOf(meetingId).isPresent()) {
            throw DomainException.conflict("cabinet.vote.still-open", "close the open vote before closing the meeting");
        }
        OffsetDateTime now = now();
        if (next == MeetingStatus.CLOSED) {
            records.speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
            records.speaking(meetingId, SpeakingStatus.WAITING).forEach(r -> r.withdraw(now));
        }
        meeting.advance(next, now);
        records.announce(meetingId);
        if (next == MeetingStatus.IN_PROGRESS && meeting.getCurrentItemId() == null) {
            meeting.setCurrentItemId(records.items(meetingId).get(0).getId());
        }
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public List<MeetingSummary> meetings() {
        return meetings(null);
    }

    /**
     * The caller's meetings (the secretariat: all), newest first — by the time they sit, then the one prepared
     * last — narrowed to those whose title, place or chair contain every word of {@code search}, without regard
     * to case or diacritics ("phien hop thuong ky" finds "Phiên họp thường kỳ").
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<MeetingSummary> meetings(String search) {
        Caller caller = callers.person();
        boolean secretary = callers.isSecretary();
        List<Meeting> meetings = secretary
                ? em.createQuery("SELECT m FROM Meeting m ORDER BY m.startsAt DESC, m.id DESC", Meeting.class)
                        .getResultList()
                : em.createQuery(
                                "SELECT m FROM Meeting m WHERE m.id IN (SELECT p.meetingId FROM Participant p "
                                        + "WHERE p.username = :u) ORDER BY m.startsAt DESC, m.id DESC",
                                Meeting.class)
                        .setParameter("u", caller.name())
                        .getResultList();
        Map<Long, String> roles = new LinkedHashMap<>();
        em.createQuery("SELECT p FROM Participant p WHERE p.username = :u", Participant.class)
                .setParameter("u", caller.name())
                .getResultList()
                .forEach(p -> roles.put(p.getMeetingId(), p.getRole().name()));
        Map<String, String> names = records.fullNames();
        List<String> words = SearchText.words(search, 10).stream()
                .map(w -> w.substring(1, w.length() - 1))
                .toList();
        return meetings.stream()
                .map(m -> new MeetingSummary(
                        m.getId(),
                        m.getKind().name(),
                        m.getTitle(),
                        m.getStartsAt(),
                        m.getPlace(),
                        m.isOnline(),
                        m.getChair(),
                        names.get(m.getChair()),
                        m.getStatus().name(),
                        roles.getOrDefault(m.getId(), "SECRETARY")))
                .filter(m -> matches(m, words))
                .toList();
    }

    private static boolean matches(MeetingSummary meeting, List<String> words) {
        String folded = SearchText.fold(String.join(
                " ",
                Objects.toString(meeting.title(), ""),
                Objects.toString(meeting.place(), ""),
                Objects.toString(meeting.chairName(), "")));
        return words.stream().allMatch(folded::contains);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public MeetingDetail meetingDetail(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = records.meeting(meetingId);
        Me me = records.me(meeting, caller);
        Participant self = records.participant(meetingId, caller.name()).orElse(null);
        List<AgendaItem> items = records.items(meetingId);
        Map<Long, List<DocumentView>> dossier = new HashMap<>();
        if (!items.isEmpty()) {
            List<CabinetDocument> documents = em.createQuery(
                            "SELECT d FROM CabinetDocument d WHERE d.itemId IN :items " + "ORDER BY d.id",
                            CabinetDocument.class)
                    .setParameter("items", items.stream().map(AgendaItem::getId).toList())
                    .getResultList();
            List<DocumentView> views = records.views(documents);
            for (int k = 0; k < documents.size(); k++) {
                dossier.computeIfAbsent(documents.get(k).getItemId(), i -> new ArrayList<>())
                        .add(views.get(k));
            }
        }
        List<ItemView> agenda = new ArrayList<>();
        for (AgendaItem item : items) {
            boolean sees = me.secretary() || (self != null && self.sees(item.getId()));
            agenda.add(new ItemView(
                    item.getId(),
                    item.getPosition(),
                    item.getTitle(),
                    item.getPresenterCode(),
                    item.getPresenterName(),
                    item.getStartsAt(),
                    item.getMinutes(),
                    sees ? dossier.getOrDefault(item.getId(), List.of()) : List.of()));
        }
        List<ParticipantView> participants = records.participants(meetingId).stream()
                .map(seat -> {
                    Participant p = seat.participant();
                    return new ParticipantView(
                            p.getUsername(),
                            p.getFullName(),
                            p.getAgencyCode(),
                            p.getAgencyName(),
                            p.getRole().name(),
                            p.getItemId(),
                            p.getAttendance().name(),
                            p.getDelegate(),
                            p.isRemoteVoting(),
                            seat.title(),
                            p.getUsername().equals(meeting.getChair()));
                })
                .toList();
        String chairName = participants.stream()
                .filter(p -> p.username().equals(meeting.getChair()))
                .map(ParticipantView::fullName)
                .findFirst()
                .orElse(meeting.getChair());
        return new MeetingDetail(
                meeting.getId(),
                meeting.getKind().name(),
                meeting.getTitle(),
                meeting.getStartsAt(),
                meeting.getPlace(),
                meeting.isOnline(),
                meeting.getChair(),
                chairName,
                meeting.getStatus().name(),
                meeting.getStartedAt(),
                meeting.getClosedAt(),
                agenda,
                participants,
                records.live(meeting),
                me);
    }
}
