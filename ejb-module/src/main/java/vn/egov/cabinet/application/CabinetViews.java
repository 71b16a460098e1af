package vn.egov.cabinet.application;

import java.time.OffsetDateTime;
import java.util.List;

/** What the e-Cabinet services answer: plain records, the same for the intranet and the REST API. */
public final class CabinetViews {

    private CabinetViews() {}

    /** A Government member, for choosing a chair. */
    public record MemberView(String username, String fullName, String agencyCode) {}

    /** A meeting in a list; {@code myRole} is MEMBER, GUEST or SECRETARY. */
    public record MeetingSummary(
            long id,
            String kind,
            String title,
            OffsetDateTime startsAt,
            String place,
            boolean online,
            String chair,
            String chairName,
            String status,
            String myRole) {}

    public record MeetingDetail(
            long id,
            String kind,
            String title,
            OffsetDateTime startsAt,
            String place,
            boolean online,
            String chair,
            String chairName,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime closedAt,
            List<ItemView> agenda,
            List<ParticipantView> participants,
            LiveState live,
            Me me) {}

    /** What the caller may do in this meeting. */
    public record Me(
            String username, boolean member, boolean guest, boolean chair, boolean secretary, String attendance) {
        public boolean runsMeeting() {
            return chair || secretary;
        }
    }

    /** An agenda item; {@code documents} is empty for a guest not invited to it. */
    public record ItemView(
            long id,
            int position,
            String title,
            String presenterCode,
            String presenterName,
            OffsetDateTime startsAt,
            Integer minutes,
            List<DocumentView> documents) {}

    public record DocumentView(long id, String kind, String title, List<VersionView> versions, long comments) {}

    public record VersionView(
            long id,
            int versionNo,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String note,
            OffsetDateTime createdAt) {}

    /**
     * A participant as listed, in protocol order; {@code title} is their office from the directory (chức vụ, e.g.
     * "Thủ tướng Chính phủ"), {@code chair} whether they chair this meeting.
     */
    public record ParticipantView(
            String username,
            String fullName,
            String agencyCode,
            String agencyName,
            String role,
            Long itemId,
            String attendance,
            String delegate,
            boolean remoteVoting,
            String title,
            boolean chair) {}

    /** The live state every participant's screen follows; {@code revision} orders snapshots. */
    public record LiveState(
            long meetingId,
            long revision,
            String status,
            Long currentItemId,
            String currentItemTitle,
            Speaker speaker,
            List<QueueEntry> queue,
            VoteState vote) {}

    public record Speaker(
            long requestId, String username, String fullName, OffsetDateTime startedAt, Integer secondsAllowed) {}

    public record QueueEntry(long requestId, String username, String fullName, OffsetDateTime requestedAt) {}

    /** A vote with its running (open) or frozen (closed) tally. */
    public record VoteState(
            long id,
            long meetingId,
            long itemId,
            String question,
            String status,
            boolean remoteAllowed,
            List<OptionCount> tally,
            int voted,
            int eligible,
            OffsetDateTime openedAt,
            OffsetDateTime closedAt) {}

    public record OptionCount(String option, String label, int count) {}

    /** A vote with every signed ballot, counted and superseded, for anyone entitled to re-verify them. */
    public record VoteView(
            long id,
            long meetingId,
            long itemId,
            String question,
            String status,
            List<OptionCount> tally,
            List<BallotView> ballots,
            OffsetDateTime openedAt,
            OffsetDateTime closedAt) {}

    public record BallotView(
            String username,
            String fullName,
            String option,
            String statement,
            String signature,
            String certificate,
            String signerSubject,
            OffsetDateTime signedAt,
            String channel,
            boolean counted,
            OffsetDateTime recordedAt,
            OffsetDateTime supersededAt) {}

    /** The exact text to sign (its UTF-8 bytes) and the time it names. */
    public record Statement(String statement, String option, OffsetDateTime signedAt, String algorithm) {}

    /** A member's signed choice as a client sends it: either signedAt and signature, or the PIN for remote signing. */
    public record SignedRequest(String option, String text, OffsetDateTime signedAt, String signature, String pin) {}

    /** The re-verification of every signature of a vote or ballot. */
    public record Verification(int checked, int valid, List<String> invalid) {}

    public record CommentView(
            long id,
            int versionNo,
            Long parentId,
            String section,
            String text,
            String author,
            String authorName,
            OffsetDateTime createdAt) {}

    /** An opinion ballot in a member's list. */
    public record BallotSummary(
            long id,
            String question,
            OffsetDateTime deadline,
            String status,
            OffsetDateTime issuedAt,
            String myAnswer,
            OffsetDateTime answeredAt,
            boolean reminder) {}

    /** An opinion ballot; tally, answers and non-respondents once closed (the secretary sees them all along). */
    public record BallotDetail(
            long id,
            String question,
            String description,
            OffsetDateTime deadline,
            String status,
            String issuedBy,
            OffsetDateTime issuedAt,
            OffsetDateTime closedAt,
            String closeReason,
            List<DocumentView> documents,
            List<OptionCount> tally,
            List<AnswerView> answers,
            List<String> nonRespondents,
            int recipients,
            AnswerView myAnswer) {}

    public record AnswerView(
            String username,
            String fullName,
            String option,
            String label,
            String text,
            String statement,
            String signature,
            String certificate,
            String signerSubject,
            OffsetDateTime signedAt,
            OffsetDateTime answeredAt,
            String channel) {}

    /**
     * A member's registered signing certificate: who it names, who issued it, until when, its
     * SHA-256 fingerprint, and whether the platform also holds a PIN-locked key for remote signing.
     */
    public record CertificateView(
            String username,
            String subject,
            String issuer,
            String serialNumber,
            OffsetDateTime notBefore,
            OffsetDateTime notAfter,
            String sha256,
            boolean remoteSigning,
            OffsetDateTime registeredAt) {}
}
