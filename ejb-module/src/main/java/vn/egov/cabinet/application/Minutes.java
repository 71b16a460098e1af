package vn.egov.cabinet.application;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the record of a meeting (biên bản phiên họp) and of an opinion ballot (kết quả lấy ý kiến)
 * say, independent of how they are printed: attendance, agenda with its speakers, and every vote
 * with its tally and each member's signed choice.
 */
public final class Minutes {

    private Minutes() {}

    /** The record of one meeting. */
    public record Meeting(
            long id,
            String title,
            String kind,
            String place,
            boolean online,
            OffsetDateTime startsAt,
            OffsetDateTime closedAt,
            String chair,
            List<Attendee> attendance,
            List<Item> agenda,
            List<Vote> votes,
            OffsetDateTime generatedAt) {}

    /** A participant and whether they came: attendance is PRESENT, ABSENT, REPRESENTED or UNKNOWN. */
    public record Attendee(String name, String agency, String role, String attendance, String delegate) {}

    /** An agenda item, in order, with who spoke on it. */
    public record Item(int position, String title, String presenter, List<Speech> speeches) {}

    /** One turn at the floor. */
    public record Speech(String speaker, OffsetDateTime from, OffsetDateTime to) {}

    /** A vote (biểu quyết) on an agenda item: the tally and every member's counted, signed choice. */
    public record Vote(
            String item,
            String question,
            String status,
            OffsetDateTime openedAt,
            OffsetDateTime closedAt,
            List<Count> tally,
            List<Cast> ballots) {}

    /** How many chose one option; label is the option's Vietnamese wording (Đồng ý, …). */
    public record Count(String option, String label, int count) {}

    /** One member's counted choice, with the subject of the certificate that signed it. */
    public record Cast(
            String member, String option, String label, OffsetDateTime signedAt, String signer, String channel) {}

    /** The result of an opinion ballot (phiếu lấy ý kiến thành viên Chính phủ). */
    public record Ballot(
            long id,
            String question,
            OffsetDateTime issuedAt,
            OffsetDateTime deadline,
            String status,
            String closeReason,
            List<Count> tally,
            List<Answer> answers,
            List<String> nonRespondents,
            OffsetDateTime generatedAt) {}

    /** One member's signed answer; text is the "other opinion" wording, if any. */
    public record Answer(
            String member, String option, String label, String text, OffsetDateTime answeredAt, String signer) {}
}
