package vn.egov.cabinet.application;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the record of a meeting (biên bản phiên họp) and of an opinion ballot (kết quả lấy ý kiến)
 * say, independent of how they are printed: attendance, agenda with its speakers, and every vote
 * with its tally and each member's signed choice; and what Decree 30/2020 asks of an administrative
 * document around it: the issuing body, number and notation, place and date, and who signs it.
 * People are named by full name and office, never by username or certificate subject.
 */
public final class Minutes {

    private Minutes() {}

    /**
     * The heading of an administrative document (Decree 30/2020, Appendix I): the issuing body (tên cơ quan ban
     * hành), the number and notation (số, ký hiệu: "7/BB-VPCP"), the place (địa danh) and the date it bears.
     */
    public record Heading(String issuingBody, String number, String place, OffsetDateTime date) {}

    /**
     * One signer of the document: the capacity they sign in (thẩm quyền: "CHỦ TRÌ", "THƯ KÝ"), their office
     * (chức vụ: "Thủ tướng Chính phủ") and their full name.
     */
    public record Signer(String capacity, String title, String name) {}

    /** The record of one meeting. */
    public record Meeting(
            Heading heading,
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
            List<Signer> signers,
            OffsetDateTime generatedAt) {}

    /**
     * A participant and whether they came: attendance is PRESENT, ABSENT, REPRESENTED or UNKNOWN; title is their
     * office (may be null), the list is in protocol order.
     */
    public record Attendee(String name, String title, String agency, String role, String attendance, String delegate) {}

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

    /** One member's counted, signed choice: the member by name and office. */
    public record Cast(
            String member, String title, String option, String label, OffsetDateTime signedAt, String channel) {}

    /** The result of an opinion ballot (phiếu lấy ý kiến thành viên Chính phủ). */
    public record Ballot(
            Heading heading,
            long id,
            String question,
            OffsetDateTime issuedAt,
            OffsetDateTime deadline,
            String status,
            String closeReason,
            List<Count> tally,
            List<Answer> answers,
            List<String> nonRespondents,
            List<Signer> signers,
            OffsetDateTime generatedAt) {}

    /** One member's signed answer, the member by name and office; text is the "other opinion" wording, if any. */
    public record Answer(
            String member, String title, String option, String label, String text, OffsetDateTime answeredAt) {}
}
