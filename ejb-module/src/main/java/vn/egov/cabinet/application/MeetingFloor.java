package vn.egov.cabinet.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.LiveState;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.SpeakingRequest;
import vn.egov.cabinet.domain.model.SpeakingStatus;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.directory.domain.model.Role;

/**
 * The live meeting: the current agenda item, the speakers' queue (đăng ký phát biểu) and the floor,
 * and the live state every screen follows. Every change is announced after commit
 * ({@link MeetingChanged}).
 *
 * <p>Every method is open to any signed-in person ({@link Role#AUTHENTICATED}); the rule that needs
 * the meeting (participant, chair, secretariat, member) is checked inside with its own code, and a
 * meeting the caller takes no part in is 404, as everywhere in e-Cabinet.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.CABINET_SECRETARY_ROLE, Role.CABINET_MEMBER_ROLE})
public class MeetingFloor {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private CabinetRecords records;

    @Inject
    @ConfigProperty(name = "egov.cabinet.floor-seconds", defaultValue = "300")
    private int defaultFloorSeconds;

    /** The live state of a meeting, for anyone who may see the meeting. */
    @RolesAllowed(Role.AUTHENTICATED)
    public LiveState liveState(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = records.meeting(meetingId);
        records.me(meeting, caller);
        return records.live(meeting);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public void setCurrentItem(long meetingId, long itemId) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.runner(meeting, caller, "Moving through the agenda");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Moving through the agenda");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meetingId)) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        OffsetDateTime now = now();
        records.speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
        records.speaking(meetingId, SpeakingStatus.WAITING).forEach(r -> r.withdraw(now));
        meeting.setCurrentItemId(itemId);
        records.announce(meetingId);
    }

    /** Đăng ký phát biểu on the current item; one waiting request per person. */
    @RolesAllowed(Role.AUTHENTICATED)
    public long requestToSpeak(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.me(meeting, caller);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Asking for the floor");
        Participant self = records.participant(meetingId, caller.name())
                .orElseThrow(() -> DomainException.forbidden(
                        "cabinet.participant.required", "only participants ask for the floor"));
        if (!self.sees(meeting.getCurrentItemId())) {
            throw DomainException.forbidden(
                    "cabinet.guest.other-item", "a guest speaks only on the item they are invited to");
        }
        boolean queued = em.createQuery(
                                "SELECT COUNT(r) FROM SpeakingRequest r WHERE r.meetingId = :m AND r.username = :u "
                                        + "AND r.status IN (vn.egov.cabinet.domain.model.SpeakingStatus.WAITING, "
                                        + "vn.egov.cabinet.domain.model.SpeakingStatus.SPEAKING)",
                                Long.class)
                        .setParameter("m", meetingId)
                        .setParameter("u", caller.name())
                        .getSingleResult()
                > 0;
        if (queued) {
            throw DomainException.conflict("cabinet.speaking.already-queued", "you are already on the speakers' list");
        }
        SpeakingRequest request =
                new SpeakingRequest(meetingId, meeting.getCurrentItemId(), caller.name(), self.getFullName(), now());
        em.persist(request);
        records.changed(meeting);
        return request.getId();
    }

    /** The chair gives the floor to a waiting request (ending the current speaker's turn) or takes it back (requestId null). */
    @RolesAllowed(Role.AUTHENTICATED)
    public void floor(long meetingId, Long requestId, Integer seconds) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.runner(meeting, caller, "Giving the floor");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Giving the floor");
        OffsetDateTime now = now();
        SpeakingRequest next = null;
        if (requestId != null) {
            next = em.find(SpeakingRequest.class, requestId);
            if (next == null || !next.getMeetingId().equals(meetingId) || next.getStatus() != SpeakingStatus.WAITING) {
                throw DomainException.invalid(
                        "cabinet.speaking.invalid", "that request is not waiting in this meeting's queue");
            }
        }
        if (seconds != null && (seconds < 30 || seconds > 3600)) {
            throw DomainException.invalid("cabinet.floor.seconds.invalid", "a turn lasts 30 to 3600 seconds");
        }
        records.speaking(meetingId, SpeakingStatus.SPEAKING).forEach(r -> r.end(now));
        if (next != null) {
            next.giveFloor(seconds == null ? defaultFloorSeconds : seconds, now);
        }
        records.changed(meeting);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public void withdraw(long meetingId, long requestId) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.me(meeting, caller);
        SpeakingRequest request = em.find(SpeakingRequest.class, requestId);
        if (request == null
                || !request.getMeetingId().equals(meetingId)
                || !request.getUsername().equals(caller.name())
                || request.getStatus() != SpeakingStatus.WAITING) {
            throw DomainException.invalid("cabinet.speaking.invalid", "that request is not yours and waiting");
        }
        request.withdraw(now());
        records.changed(meeting);
    }

    /**
     * The live state pushed to the screens already following a meeting, who were allowed in when
     * they subscribed. Internal: called by {@link LiveMeetings} after a change has committed, with
     * no caller of its own ({@code @PermitAll}).
     */
    @PermitAll
    public LiveState screenState(long meetingId) {
        Meeting meeting = em.find(Meeting.class, meetingId);
        if (meeting == null) {
            throw CabinetRecords.notFound();
        }
        return records.live(meeting);
    }
}
