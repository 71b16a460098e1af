package vn.egov.cabinet.application;

import static vn.egov.common.Timestamps.now;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.cabinet.application.CabinetViews.BallotView;
import vn.egov.cabinet.application.CabinetViews.OptionCount;
import vn.egov.cabinet.application.CabinetViews.SignedRequest;
import vn.egov.cabinet.application.CabinetViews.Statement;
import vn.egov.cabinet.application.CabinetViews.Verification;
import vn.egov.cabinet.application.CabinetViews.VoteState;
import vn.egov.cabinet.application.CabinetViews.VoteView;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.Channel;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.SignedChoice;
import vn.egov.cabinet.domain.model.Vote;
import vn.egov.cabinet.domain.model.VoteBallot;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CertificatePaths;
import vn.egov.directory.domain.model.Role;

/**
 * Named, signed votes (biểu quyết) in a meeting: opened and closed by the chair, cast by members
 * with a signature verified against their registered certificate, each ballot kept and
 * re-verifiable. Opening, every ballot and closing are announced after commit.
 *
 * <p>Every method is open to any signed-in person ({@link Role#AUTHENTICATED}); the rule that needs
 * the meeting (participant, chair, secretariat, member) is checked inside with its own code, and a
 * meeting the caller takes no part in is 404, as everywhere in e-Cabinet.
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.CABINET_SECRETARY_ROLE, Role.CABINET_MEMBER_ROLE})
public class MeetingVotes {

    /** Agree, disagree, abstain: the default options of a vote (Đồng ý, Không đồng ý, Không biểu quyết). */
    public static final Map<String, String> DEFAULT_OPTIONS = defaultOptions();

    private static final Pattern OPTION_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CabinetCallers callers;

    @Inject
    private CabinetRecords records;

    @Inject
    private MemberSigning signing;

    @Inject
    private CertificatePaths paths;

    private static Map<String, String> defaultOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("AGREE", "Đồng ý");
        options.put("DISAGREE", "Không đồng ý");
        options.put("ABSTAIN", "Không biểu quyết");
        return java.util.Collections.unmodifiableMap(options);
    }

    /** Opens a named vote on an item; one open vote per meeting at a time. */
    @RolesAllowed(Role.AUTHENTICATED)
    public long openVote(
            long meetingId, long itemId, String question, Map<String, String> options, boolean remoteAllowed) {
        Caller caller = callers.person();
        Meeting meeting = records.lockedMeeting(meetingId);
        records.runner(meeting, caller, "Opening a vote");
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, "Opening a vote");
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || !item.getMeetingId().equals(meetingId)) {
            throw DomainException.invalid("cabinet.item.invalid", "the item is not on this meeting's agenda");
        }
        if (records.openVoteOf(meetingId).isPresent()) {
            throw DomainException.conflict("cabinet.vote.already-open", "close the open vote first");
        }
        Map<String, String> chosen = options == null || options.isEmpty() ? DEFAULT_OPTIONS : options;
        if (chosen.size() < 2 || chosen.size() > 10) {
            throw DomainException.invalid("cabinet.vote.options.invalid", "a vote has 2 to 10 options");
        }
        chosen.forEach((code, label) -> {
            if (code == null || !OPTION_CODE.matcher(code).matches()) {
                throw DomainException.invalid(
                        "cabinet.vote.options.invalid",
                        "option codes are capital letters, digits and _ (e.g. AGREE), not '" + code + "'");
            }
            CabinetRecords.text(label, "option label", 100, true);
            if (label.contains("\n") || label.contains("=")) {
                throw DomainException.invalid(
                        "cabinet.vote.options.invalid", "an option label is one line without '='");
            }
        });
        if (chosen.entrySet().stream()
                        .mapToInt(e -> e.getKey().length() + e.getValue().length() + 2)
                        .sum()
                > 1000) {
            throw DomainException.invalid(
                    "cabinet.vote.options.invalid", "the options are too long together " + "(1000 characters at most)");
        }
        Vote vote = new Vote(
                meetingId,
                itemId,
                CabinetRecords.text(question, "question", 1000, true),
                chosen,
                remoteAllowed,
                caller.name(),
                now());
        em.persist(vote);
        records.changed(meeting);
        return vote.getId();
    }

    /** The statement a member signs to choose an option now; the vote must be open and theirs to vote in. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Statement voteStatement(long voteId, String option) {
        Caller caller = callers.person();
        Vote vote = voteFor(caller, voteId);
        String label = label(vote, option);
        OffsetDateTime at = now();
        return new Statement(
                MemberSignatures.voteStatement(
                        vote.getMeetingId(),
                        vote.getItemId(),
                        vote.getId(),
                        vote.getQuestion(),
                        caller.name(),
                        option,
                        label,
                        at),
                option,
                at,
                MemberSignatures.ALGORITHM);
    }

    private static String label(Vote vote, String option) {
        String label = option == null ? null : vote.options().get(option);
        if (label == null) {
            throw DomainException.invalid(
                    "cabinet.vote.option.invalid",
                    "the vote has no option '" + option + "'; it has "
                            + vote.options().keySet());
        }
        return label;
    }

    /** The vote, if the caller may vote in it now: a member of its meeting, the vote open. */
    private Vote voteFor(Caller caller, long voteId) {
        Vote vote = em.find(Vote.class, voteId);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        Participant self =
                records.participant(vote.getMeetingId(), caller.name()).orElse(null);
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
    @RolesAllowed(Role.AUTHENTICATED)
    public VoteState castVote(long voteId, SignedRequest request) {
        Caller caller = callers.person();
        Vote vote = voteFor(caller, voteId);
        Participant self =
                records.participant(vote.getMeetingId(), caller.name()).orElseThrow();
        Channel channel = self.getAttendance() == Attendance.PRESENT ? Channel.ROOM : Channel.REMOTE;
        if (!vote.admits(self)) {
            throw DomainException.forbidden(
                    "cabinet.vote.remote-not-allowed",
                    "you are not recorded present and the chair has not allowed remote voting on this vote");
        }
        String option = request == null ? null : request.option();
        String label = label(vote, option);
        OffsetDateTime now = now();
        SignedChoice choice = signing.sign(
                caller.name(),
                request,
                now,
                at -> MemberSignatures.voteStatement(
                        vote.getMeetingId(),
                        vote.getItemId(),
                        vote.getId(),
                        vote.getQuestion(),
                        caller.name(),
                        option,
                        label,
                        at),
                option,
                channel);

        Vote locked = em.find(Vote.class, voteId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(locked);
        if (!locked.isOpen()) {
            throw DomainException.conflict("cabinet.vote.closed", "the vote is closed");
        }
        em.createQuery(
                        "SELECT b FROM VoteBallot b WHERE b.voteId = :v AND b.username = :u AND b.counted = TRUE",
                        VoteBallot.class)
                .setParameter("v", voteId)
                .setParameter("u", caller.name())
                .getResultList()
                .forEach(b -> b.supersede(now));
        em.persist(new VoteBallot(voteId, caller.name(), self.getFullName(), choice, now));
        records.changed(em.find(Meeting.class, vote.getMeetingId(), LockModeType.PESSIMISTIC_WRITE));
        em.flush();
        return records.voteState(locked);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public VoteState closeVote(long voteId) {
        Caller caller = callers.person();
        Vote vote = em.find(Vote.class, voteId, LockModeType.PESSIMISTIC_WRITE);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        // Vote row, then meeting row: the same order as a vote being cast, so the two never deadlock.
        Meeting meeting = records.lockedMeeting(vote.getMeetingId());
        try {
            records.me(meeting, caller);
        } catch (DomainException e) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        records.runner(meeting, caller, "Closing a vote");
        if (!vote.isOpen()) {
            throw DomainException.conflict("cabinet.vote.closed", "the vote is already closed");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.tally(vote).forEach(c -> counts.put(c.option(), c.count()));
        vote.close(counts, now());
        records.changed(meeting);
        return records.voteState(vote);
    }

    /** A vote with every signed ballot, for anyone who may see its meeting. */
    @RolesAllowed(Role.AUTHENTICATED)
    public VoteView vote(long voteId) {
        Caller caller = callers.person();
        Vote vote = em.find(Vote.class, voteId);
        if (vote == null) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        try {
            records.me(records.meeting(vote.getMeetingId()), caller);
        } catch (DomainException e) {
            throw DomainException.notFound("cabinet.vote.not-found", "no such vote");
        }
        List<BallotView> ballots = em
                .createQuery(
                        "SELECT b FROM VoteBallot b WHERE b.voteId = :v ORDER BY b.recordedAt, b.id", VoteBallot.class)
                .setParameter("v", voteId)
                .getResultList()
                .stream()
                .map(b -> new BallotView(
                        b.getUsername(),
                        b.getFullName(),
                        b.getOptionCode(),
                        b.getSigned().getStatement(),
                        b.getSigned().getSignature(),
                        b.getSigned().getCertificate(),
                        b.getSigned().getSignerSubject(),
                        b.getSigned().getSignedAt(),
                        b.getSigned().getChannel().name(),
                        b.isCounted(),
                        b.getRecordedAt(),
                        b.getSupersededAt()))
                .toList();
        return new VoteView(
                vote.getId(),
                vote.getMeetingId(),
                vote.getItemId(),
                vote.getQuestion(),
                vote.getStatus().name(),
                records.tally(vote),
                ballots,
                vote.getOpenedAt(),
                vote.getClosedAt());
    }

    /** Re-verifies every signature of a vote, superseded ones included, and that the tally matches the counted ones. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Verification verifyVote(long voteId) {
        VoteView vote = vote(voteId);
        List<String> invalid = new ArrayList<>();
        int valid = 0;
        Vote stored = em.find(Vote.class, voteId);
        Map<String, String> labels = stored.options();
        for (BallotView b : vote.ballots()) {
            // The signed text must be exactly the statement of what is stored and counted.
            String expected = MemberSignatures.voteStatement(
                    vote.meetingId(),
                    vote.itemId(),
                    vote.id(),
                    vote.question(),
                    b.username(),
                    b.option(),
                    labels.get(b.option()),
                    b.signedAt());
            if (expected.equals(b.statement())
                    && MemberSignatures.verify(
                            b.statement(), b.signature(), b.certificate(), b.signedAt(), paths.anchors())) {
                valid++;
            } else {
                invalid.add(b.username() + " at " + b.recordedAt());
            }
        }
        for (OptionCount count : vote.tally()) {
            long signed = vote.ballots().stream()
                    .filter(b -> b.counted() && b.option().equals(count.option()))
                    .count();
            if (signed != count.count()) {
                invalid.add(
                        "tally of " + count.option() + " is " + count.count() + " but " + signed + " signed ballots");
            }
        }
        return new Verification(vote.ballots().size(), valid, invalid);
    }
}
