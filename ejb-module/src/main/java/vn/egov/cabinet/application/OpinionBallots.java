package vn.egov.cabinet.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.AnswerView;
import vn.egov.cabinet.application.CabinetViews.BallotDetail;
import vn.egov.cabinet.application.CabinetViews.BallotSummary;
import vn.egov.cabinet.application.CabinetViews.OptionCount;
import vn.egov.cabinet.application.CabinetViews.SignedRequest;
import vn.egov.cabinet.application.CabinetViews.Statement;
import vn.egov.cabinet.application.CabinetViews.Verification;
import vn.egov.cabinet.domain.model.BallotStatus;
import vn.egov.cabinet.domain.model.Channel;
import vn.egov.cabinet.domain.model.OpinionAnswer;
import vn.egov.cabinet.domain.model.OpinionBallot;
import vn.egov.cabinet.domain.model.SignedChoice;
import vn.egov.cabinet.domain.model.SignedStatement;
import vn.egov.common.DomainException;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CertificatePaths;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * Phiếu lấy ý kiến thành viên Chính phủ: the secretariat puts a question, with its documents and
 * a deadline, to every Government member; each answers once, signed — agree, disagree, or another
 * opinion in words — until the deadline. After it (or after the secretariat closes the ballot early,
 * with a reason) the result is computed: counts per answer and who did not answer. Members are
 * reminded of an unanswered ballot in the last {@code egov.cabinet.ballot.reminder-hours}.
 *
 * <p>We do not count a silent member as agreeing: the working regulation's rule on that could not
 * be verified, so the result lists non-respondents and leaves the reading to the Prime Minister.
 *
 * <p>Every method is open to any signed-in person; who may issue, answer or see is checked inside
 * with its own code (a ballot not put to the caller is 404).
 */
@Stateless
@DeclareRoles({Role.AUTHENTICATED, Role.CABINET_SECRETARY_ROLE, Role.CABINET_MEMBER_ROLE})
public class OpinionBallots {

    private static final Logger LOG = Logger.getLogger(OpinionBallots.class.getName());
    /** The answers of a ballot: Đồng ý, Không đồng ý, Ý kiến khác (with text). */
    public static final Map<String, String> OPTIONS = options();

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

    @Inject
    private CabinetDossier dossier;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.cabinet.ballot.reminder-hours", defaultValue = "24")
    private long reminderHours;

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("AGREE", "Đồng ý");
        options.put("DISAGREE", "Không đồng ý");
        options.put("OTHER", "Ý kiến khác");
        return java.util.Collections.unmodifiableMap(options);
    }

    /** One attached document of a new ballot. */
    public record Attachment(String title, String fileName, String contentType, byte[] content) {}

    /** Issues a ballot to every active Government member. */
    @RolesAllowed(Role.AUTHENTICATED)
    public long issue(String question, String description, OffsetDateTime deadline, List<Attachment> documents) {
        Caller caller = callers.person();
        if (!callers.isSecretary()) {
            throw DomainException.forbidden(
                    "cabinet.secretary.required", "issuing ballots is for the Cabinet secretariat");
        }
        OffsetDateTime now = Timestamps.now();
        if (deadline == null || !deadline.isAfter(now)) {
            throw DomainException.invalid("cabinet.ballot.deadline.invalid", "the deadline must be in the future");
        }
        OpinionBallot ballot = new OpinionBallot(
                CabinetRecords.text(question, "question", 1000, true),
                CabinetRecords.text(description, "description", 4000, false),
                deadline,
                caller.name(),
                now);
        em.persist(ballot);
        em.flush();
        List<PersonRecord> members = directory.activePeopleWithRole(Role.CABINET_MEMBER);
        if (members.isEmpty()) {
            throw DomainException.conflict("cabinet.members.none", "there is no active Government member to ask");
        }
        for (PersonRecord member : members) {
            em.persist(new OpinionAnswer(ballot.getId(), member.username(), member.fullName(), member.agencyCode()));
        }
        for (Attachment a : documents == null ? List.<Attachment>of() : documents) {
            dossier.addBallotDocument(ballot.getId(), a.title(), a.fileName(), a.contentType(), a.content());
        }
        return ballot.getId();
    }

    /** The ballots put to the caller (the secretariat: every ballot), newest first. */
    @RolesAllowed(Role.AUTHENTICATED)
    public List<BallotSummary> ballots() {
        Caller caller = callers.person();
        OffsetDateTime now = Timestamps.now();
        Map<Long, OpinionAnswer> mine = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM OpinionAnswer a WHERE a.username = :u", OpinionAnswer.class)
                .setParameter("u", caller.name())
                .getResultList()
                .forEach(a -> mine.put(a.getBallotId(), a));
        List<OpinionBallot> ballots = callers.isSecretary()
                ? em.createQuery("SELECT b FROM OpinionBallot b ORDER BY b.issuedAt DESC", OpinionBallot.class)
                        .getResultList()
                : mine.isEmpty()
                        ? List.of()
                        : em.createQuery(
                                        "SELECT b FROM OpinionBallot b WHERE b.id IN :ids "
                                                + "ORDER BY b.issuedAt DESC",
                                        OpinionBallot.class)
                                .setParameter("ids", List.copyOf(mine.keySet()))
                                .getResultList();
        Duration lead = Duration.ofHours(reminderHours);
        return ballots.stream()
                .map(b -> {
                    OpinionAnswer answer = mine.get(b.getId());
                    boolean open = b.isOpenAt(now);
                    boolean unanswered = answer != null && !answer.isAnswered();
                    return new BallotSummary(
                            b.getId(),
                            b.getQuestion(),
                            b.getDeadline(),
                            open ? "OPEN" : "CLOSED",
                            b.getIssuedAt(),
                            answer == null ? null : answer.getOptionCode(),
                            answer == null ? null : answer.getAnsweredAt(),
                            open && unanswered && b.getDeadline().minus(lead).isBefore(now));
                })
                .toList();
    }

    private OpinionBallot visible(Caller caller, long ballotId) {
        OpinionBallot ballot = em.find(OpinionBallot.class, ballotId);
        if (ballot == null || (!callers.isSecretary() && answerRow(ballotId, caller.name()) == null)) {
            throw DomainException.notFound("cabinet.ballot.not-found", "no such ballot");
        }
        return ballot;
    }

    private OpinionAnswer answerRow(long ballotId, String username) {
        return em.createQuery(
                        "SELECT a FROM OpinionAnswer a WHERE a.ballotId = :b AND a.username = :u", OpinionAnswer.class)
                .setParameter("b", ballotId)
                .setParameter("u", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * A ballot. Its members see their own answer while it runs and the whole result once it is
     * closed; the secretariat follows the answers as they come.
     */
    @RolesAllowed(Role.AUTHENTICATED)
    public BallotDetail ballot(long ballotId) {
        Caller caller = callers.person();
        OpinionBallot ballot = visible(caller, ballotId);
        OffsetDateTime now = Timestamps.now();
        boolean open = ballot.isOpenAt(now);
        List<OpinionAnswer> rows = em.createQuery(
                        "SELECT a FROM OpinionAnswer a WHERE a.ballotId = :b ORDER BY a.id", OpinionAnswer.class)
                .setParameter("b", ballotId)
                .getResultList();
        boolean showResult = !open || callers.isSecretary();
        Map<String, Integer> counts = new LinkedHashMap<>();
        OPTIONS.keySet().forEach(o -> counts.put(o, 0));
        List<AnswerView> answers = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        AnswerView mine = null;
        for (OpinionAnswer a : rows) {
            AnswerView view = a.isAnswered() ? view(a) : null;
            if (a.getUsername().equals(caller.name())) {
                mine = view;
            }
            if (a.isAnswered()) {
                counts.merge(a.getOptionCode(), 1, Integer::sum);
                answers.add(view);
            } else {
                silent.add(a.getFullName());
            }
        }
        List<OptionCount> tally = counts.entrySet().stream()
                .map(e -> new OptionCount(e.getKey(), OPTIONS.get(e.getKey()), e.getValue()))
                .toList();
        return new BallotDetail(
                ballot.getId(),
                ballot.getQuestion(),
                ballot.getDescription(),
                ballot.getDeadline(),
                open ? "OPEN" : "CLOSED",
                ballot.getIssuedBy(),
                ballot.getIssuedAt(),
                ballot.getStatus() == BallotStatus.CLOSED ? ballot.getClosedAt() : open ? null : ballot.getDeadline(),
                ballot.getCloseReason(),
                dossier.ballotDocuments(ballotId),
                showResult ? tally : List.of(),
                showResult ? answers : List.of(),
                showResult ? silent : List.of(),
                rows.size(),
                mine);
    }

    /** An answered row (its signed statement is there). */
    private static AnswerView view(OpinionAnswer a) {
        SignedStatement signed = a.getSigned();
        return new AnswerView(
                a.getUsername(),
                a.getFullName(),
                a.getOptionCode(),
                OPTIONS.get(a.getOptionCode()),
                a.getText(),
                signed.getStatement(),
                signed.getSignature(),
                signed.getCertificate(),
                signed.getSignerSubject(),
                signed.getSignedAt(),
                a.getAnsweredAt(),
                signed.getChannel().name());
    }

    private OpinionAnswer openRow(Caller caller, long ballotId, OffsetDateTime now) {
        OpinionBallot ballot = visible(caller, ballotId);
        OpinionAnswer row = answerRow(ballotId, caller.name());
        if (row == null) {
            throw DomainException.forbidden("cabinet.ballot.members-only", "only the members asked answer a ballot");
        }
        if (!ballot.isOpenAt(now)) {
            throw DomainException.conflict(
                    "cabinet.ballot.closed",
                    "the ballot closed at "
                            + (ballot.getClosedAt() != null ? ballot.getClosedAt() : ballot.getDeadline()));
        }
        if (row.isAnswered()) {
            throw DomainException.conflict(
                    "cabinet.ballot.already-answered", "you answered this ballot at " + row.getAnsweredAt());
        }
        return row;
    }

    private static String validText(String option, String text) {
        if (option == null || !OPTIONS.containsKey(option)) {
            throw DomainException.invalid(
                    "cabinet.ballot.option.invalid", "answer AGREE, DISAGREE or OTHER, not '" + option + "'");
        }
        String wording = CabinetRecords.text(text, "text", 4000, false);
        if ("OTHER".equals(option) && wording == null) {
            throw DomainException.invalid("cabinet.ballot.text.required", "an other opinion needs its wording");
        }
        return wording;
    }

    /** The statement a member signs to give this answer now. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Statement statement(long ballotId, String option, String text) {
        Caller caller = callers.person();
        OffsetDateTime now = Timestamps.now();
        OpinionBallot ballot = visible(caller, ballotId);
        openRow(caller, ballotId, now);
        String wording = validText(option, text);
        return new Statement(
                MemberSignatures.answerStatement(
                        ballot.getId(), ballot.getQuestion(), caller.name(), option, OPTIONS.get(option), wording, now),
                option,
                now,
                MemberSignatures.ALGORITHM);
    }

    /** Records a member's signed answer, once, before the deadline. */
    @RolesAllowed(Role.AUTHENTICATED)
    public AnswerView answer(long ballotId, SignedRequest request) {
        Caller caller = callers.person();
        OffsetDateTime now = Timestamps.now();
        OpinionBallot ballot = visible(caller, ballotId);
        openRow(caller, ballotId, now);
        String option = request == null ? null : request.option();
        String wording = validText(option, request == null ? null : request.text());
        SignedChoice choice = signing.sign(
                caller.name(),
                request,
                now,
                at -> MemberSignatures.answerStatement(
                        ballot.getId(), ballot.getQuestion(), caller.name(), option, OPTIONS.get(option), wording, at),
                option,
                Channel.REMOTE);
        // Ballot row, then answer row: an early close that committed while the PIN was at work wins.
        OpinionBallot current = em.find(OpinionBallot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(current);
        if (!current.isOpenAt(Timestamps.now())) {
            throw DomainException.conflict(
                    "cabinet.ballot.closed", "the ballot closed while the answer was being signed");
        }
        OpinionAnswer row = em.find(
                OpinionAnswer.class, answerRow(ballotId, caller.name()).getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row);
        if (row.isAnswered()) {
            throw DomainException.conflict(
                    "cabinet.ballot.already-answered", "you answered this ballot at " + row.getAnsweredAt());
        }
        row.answer(choice, wording, now);
        return view(row);
    }

    /** Closes a ballot before its deadline: the secretariat only, with the reason on record. */
    @RolesAllowed(Role.AUTHENTICATED)
    public void closeEarly(long ballotId, String reason) {
        Caller caller = callers.person();
        if (!callers.isSecretary()) {
            throw DomainException.forbidden("cabinet.secretary.required", "only the secretariat closes a ballot early");
        }
        OpinionBallot ballot = em.find(OpinionBallot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        if (ballot == null) {
            throw DomainException.notFound("cabinet.ballot.not-found", "no such ballot");
        }
        OffsetDateTime now = Timestamps.now();
        if (!ballot.isOpenAt(now)) {
            throw DomainException.conflict("cabinet.ballot.closed", "the ballot is already closed");
        }
        String why = CabinetRecords.text(reason, "reason", 1000, false);
        if (why == null) {
            throw DomainException.invalid("cabinet.ballot.reason.required", "closing a ballot early needs a reason");
        }
        ballot.closeEarly(why, now);
        LOG.info(() -> "Ballot " + ballotId + " closed early by " + caller.name() + ": " + why);
    }

    /** Re-verifies every signed answer of a ballot with the certificate it was signed with. */
    @RolesAllowed(Role.AUTHENTICATED)
    public Verification verify(long ballotId) {
        BallotDetail ballot = ballot(ballotId);
        List<String> invalid = new ArrayList<>();
        int valid = 0;
        for (AnswerView a : ballot.answers()) {
            // The signed text must be exactly the statement of what is stored and counted.
            String expected = MemberSignatures.answerStatement(
                    ballot.id(),
                    ballot.question(),
                    a.username(),
                    a.option(),
                    OPTIONS.get(a.option()),
                    a.text(),
                    a.signedAt());
            if (expected.equals(a.statement())
                    && MemberSignatures.verify(
                            a.statement(), a.signature(), a.certificate(), a.signedAt(), paths.anchors())) {
                valid++;
            } else {
                invalid.add(a.username());
            }
        }
        return new Verification(ballot.answers().size(), valid, invalid);
    }

    @RolesAllowed(Role.AUTHENTICATED)
    public Minutes.Ballot result(long ballotId) {
        BallotDetail b = ballot(ballotId);
        if ("OPEN".equals(b.status()) && !callers.isSecretary()) {
            throw DomainException.conflict("cabinet.ballot.open", "the result is computed after the deadline");
        }
        Map<String, String> titles = records.memberTitles();
        OffsetDateTime generatedAt = Timestamps.now();
        return new Minutes.Ballot(
                records.heading(b.issuedBy(), "BC", b.id(), b.closedAt() != null ? b.closedAt() : generatedAt),
                b.id(),
                b.question(),
                b.issuedAt(),
                b.deadline(),
                b.status(),
                b.closeReason(),
                b.tally().stream()
                        .map(c -> new Minutes.Count(c.option(), c.label(), c.count()))
                        .toList(),
                b.answers().stream()
                        .map(a -> new Minutes.Answer(
                                a.fullName(),
                                titles.get(a.username()),
                                a.option(),
                                a.label(),
                                a.text(),
                                a.answeredAt()))
                        .toList(),
                b.nonRespondents(),
                List.of(records.signer("NGƯỜI TỔNG HỢP", b.issuedBy(), null)),
                generatedAt);
    }

    /**
     * Marks ballots whose deadline is near as reminded; members see the reminder on their list and
     * home page until they answer. Runs every quarter hour, on every instance: idempotent.
     */
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void remind() {
        OffsetDateTime now = Timestamps.now();
        List<OpinionBallot> due = em.createQuery(
                        "SELECT b FROM OpinionBallot b WHERE b.status = :open "
                                + "AND b.remindedAt IS NULL AND b.deadline > :now AND b.deadline <= :soon",
                        OpinionBallot.class)
                .setParameter("open", BallotStatus.OPEN)
                .setParameter("now", now)
                .setParameter("soon", now.plusHours(reminderHours))
                .getResultList();
        for (OpinionBallot ballot : due) {
            ballot.reminded(now);
            long silent = em.createQuery(
                            "SELECT COUNT(a) FROM OpinionAnswer a WHERE a.ballotId = :b " + "AND a.answeredAt IS NULL",
                            Long.class)
                    .setParameter("b", ballot.getId())
                    .getSingleResult();
            LOG.info(() -> "Reminded " + silent + " members of ballot " + ballot.getId() + " (deadline "
                    + ballot.getDeadline() + ")");
        }
    }
}
