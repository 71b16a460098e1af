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
import java.util.List;
import java.util.Map;
import vn.egov.cabinet.application.CabinetViews.Me;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.SpeakingRequest;
import vn.egov.cabinet.domain.model.Vote;
import vn.egov.cabinet.domain.model.VoteBallot;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.directory.domain.model.Role;

/** The minutes of a meeting (biên bản): attendance, speeches per item, votes with their signed ballots. */
@Stateless
@DeclareRoles({Role.AUTHENTICATED})
public class MeetingMinutes {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private CabinetRecords records;

    @RolesAllowed(Role.AUTHENTICATED)
    public Minutes.Meeting minutes(long meetingId) {
        Caller caller = callers.person();
        Meeting meeting = records.meeting(meetingId);
        Me me = records.me(meeting, caller);
        if (me.guest()) {
            throw DomainException.forbidden(
                    "cabinet.minutes.members-only", "the minutes are for members and the secretariat");
        }
        List<CabinetRecords.Seat> seats = records.participants(meetingId);
        List<Participant> participants =
                seats.stream().map(CabinetRecords.Seat::participant).toList();
        Map<String, String> titles = new java.util.HashMap<>();
        seats.stream()
                .filter(seat -> seat.title() != null)
                .forEach(seat -> titles.put(seat.participant().getUsername(), seat.title()));
        List<Minutes.Attendee> attendance = seats.stream()
                .map(seat -> new Minutes.Attendee(
                        seat.participant().getFullName(),
                        seat.title(),
                        seat.participant().getAgencyName(),
                        seat.participant().getRole().name(),
                        seat.participant().getAttendance().name(),
                        seat.participant().getDelegate()))
                .toList();
        // The whole record in three queries by meeting (speeches, votes, counted ballots), grouped by item.
        Map<Long, List<Minutes.Speech>> speeches = em.createQuery(
                        "SELECT r FROM SpeakingRequest r "
                                + "WHERE r.meetingId = :m AND r.startedAt IS NOT NULL ORDER BY r.startedAt",
                        SpeakingRequest.class)
                .setParameter("m", meetingId)
                .getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(
                        SpeakingRequest::getItemId,
                        java.util.stream.Collectors.mapping(
                                r -> new Minutes.Speech(r.getFullName(), r.getStartedAt(), r.getEndedAt()),
                                java.util.stream.Collectors.toList())));
        List<Vote> allVotes = em.createQuery(
                        "SELECT v FROM Vote v WHERE v.meetingId = :m ORDER BY v.openedAt", Vote.class)
                .setParameter("m", meetingId)
                .getResultList();
        Map<Long, List<VoteBallot>> counted = allVotes.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "SELECT b FROM VoteBallot b "
                                        + "WHERE b.voteId IN :votes AND b.counted = TRUE ORDER BY b.recordedAt, b.id",
                                VoteBallot.class)
                        .setParameter(
                                "votes", allVotes.stream().map(Vote::getId).toList())
                        .getResultStream()
                        .collect(java.util.stream.Collectors.groupingBy(VoteBallot::getVoteId));
        List<Minutes.Item> agenda = new ArrayList<>();
        List<Minutes.Vote> votes = new ArrayList<>();
        for (AgendaItem item : records.items(meetingId)) {
            agenda.add(new Minutes.Item(
                    item.getPosition(),
                    item.getTitle(),
                    item.getPresenterName(),
                    speeches.getOrDefault(item.getId(), List.of())));
            for (Vote vote : allVotes) {
                if (!vote.getItemId().equals(item.getId())) {
                    continue;
                }
                Map<String, String> labels = vote.options();
                votes.add(new Minutes.Vote(
                        item.getTitle(),
                        vote.getQuestion(),
                        vote.getStatus().name(),
                        vote.getOpenedAt(),
                        vote.getClosedAt(),
                        records.tally(vote).stream()
                                .map(c -> new Minutes.Count(c.option(), c.label(), c.count()))
                                .toList(),
                        counted.getOrDefault(vote.getId(), List.of()).stream()
                                .map(b -> new Minutes.Cast(
                                        b.getFullName(),
                                        titles.get(b.getUsername()),
                                        b.getOptionCode(),
                                        labels.get(b.getOptionCode()),
                                        b.getSigned().getSignedAt(),
                                        b.getSigned().getChannel().name()))
                                .toList()));
            }
        }
        // The chair by name and office ("Trương Quốc Thái, Thủ tướng Chính phủ"), as the signature block names them.
        Minutes.Signer chairing = records.signer(
                "CHỦ TRÌ",
                meeting.getChair(),
                participants.stream()
                        .filter(p -> p.getUsername().equals(meeting.getChair()))
                        .map(Participant::getFullName)
                        .findFirst()
                        .orElse(null));
        String chair = chairing.title() == null ? chairing.name() : chairing.name() + ", " + chairing.title();
        OffsetDateTime generatedAt = now();
        // The minutes bear the day the meeting closed; a record printed while it runs, the day it is printed.
        OffsetDateTime dated = meeting.getClosedAt() != null ? meeting.getClosedAt() : generatedAt;
        return new Minutes.Meeting(
                records.heading(meeting.getCreatedBy(), "BB", meeting.getId(), dated),
                meeting.getId(),
                meeting.getTitle(),
                meeting.getKind().name(),
                meeting.getPlace(),
                meeting.isOnline(),
                meeting.getStartsAt(),
                meeting.getClosedAt(),
                chair,
                attendance,
                agenda,
                votes,
                List.of(records.signer("THƯ KÝ", meeting.getCreatedBy(), null), chairing),
                generatedAt);
    }
}
