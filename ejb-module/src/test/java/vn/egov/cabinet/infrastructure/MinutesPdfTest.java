package vn.egov.cabinet.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.egov.cabinet.application.Minutes;

class MinutesPdfTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-05T01:00:00Z");

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
    private static final String[] GIVEN = {"Văn Hùng", "Thị Lan", "Đức Thắng", "Minh Châu", "Quốc Việt", "Thu Hương"};
    private static final String[] AGENCIES = {
        "Bộ Tài chính",
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Tư pháp",
        "Bộ Nội vụ",
        "Văn phòng Chính phủ",
        "Bộ Nông nghiệp và Phát triển nông thôn"
    };
    private static final String[] ATTENDANCE = {"PRESENT", "PRESENT", "PRESENT", "ABSENT", "REPRESENTED", "UNKNOWN"};

    private static Minutes.Meeting regularMeeting() {
        List<Minutes.Attendee> attendees = new ArrayList<>();
        attendees.add(new Minutes.Attendee(
                "Nguyễn Thị Hằng", "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "MEMBER", "PRESENT", null));
        for (int i = 1; i < 42; i++) {
            String name = SURNAMES[i % SURNAMES.length] + " " + GIVEN[i % GIVEN.length] + " " + i;
            attendees.add(new Minutes.Attendee(
                    name,
                    null,
                    AGENCIES[i % AGENCIES.length],
                    i % 7 == 0 ? "GUEST" : "MEMBER",
                    ATTENDANCE[i % ATTENDANCE.length],
                    "Thứ trưởng Lê Minh Tuấn"));
        }
        List<Minutes.Item> agenda = List.of(
                new Minutes.Item(
                        1,
                        "Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026",
                        "Bộ trưởng Bộ Tài chính",
                        List.of(
                                new Minutes.Speech("Trần Đức Thắng", START.plusMinutes(15), START.plusMinutes(25)),
                                new Minutes.Speech("Phạm Minh Châu", START.plusMinutes(26), START.plusMinutes(31)))),
                new Minutes.Item(
                        2,
                        "Dự án Luật sửa đổi, bổ sung một số điều của Luật Đất đai",
                        "Bộ trưởng Bộ Tư pháp",
                        List.of()));
        List<Minutes.Count> tally = List.of(
                new Minutes.Count("AGREE", "Đồng ý", 3),
                new Minutes.Count("DISAGREE", "Không đồng ý", 1),
                new Minutes.Count("OTHER", "Ý kiến khác", 1));
        List<Minutes.Cast> casts = List.of(
                new Minutes.Cast(
                        "Nguyễn Thị Hằng", "Thủ tướng Chính phủ", "AGREE", "Đồng ý", START.plusMinutes(40), "ROOM"),
                new Minutes.Cast(
                        "Lê Văn Hùng 1", "Bộ trưởng Bộ Tài chính", "AGREE", "Đồng ý", START.plusMinutes(41), "REMOTE"),
                new Minutes.Cast("Phạm Thị Lan 2", null, "AGREE", "Đồng ý", START.plusMinutes(41), "ROOM"),
                new Minutes.Cast("Hoàng Đức Thắng 3", null, "DISAGREE", "Không đồng ý", null, "API"),
                new Minutes.Cast("Vũ Minh Châu 4", null, "OTHER", "Ý kiến khác", START.plusMinutes(43), "ROOM"));
        List<Minutes.Vote> votes = List.of(
                new Minutes.Vote(
                        "Tình hình kinh tế - xã hội tháng 10",
                        "Thông qua báo cáo?",
                        "CLOSED",
                        START.plusMinutes(35),
                        START.plusMinutes(45),
                        tally,
                        casts),
                new Minutes.Vote(
                        "Dự án Luật Đất đai (sửa đổi)",
                        "Trình Quốc hội tại kỳ họp thứ 10?",
                        "OPEN",
                        START.plusMinutes(90),
                        null,
                        List.of(new Minutes.Count("AGREE", "Đồng ý", 2)),
                        casts.subList(0, 2)));
        return new Minutes.Meeting(
                new Minutes.Heading("Văn phòng Chính phủ", "7/BB-VPCP", "Hà Nội", START.plusHours(4)),
                7,
                "Phiên họp Chính phủ thường kỳ tháng 11",
                "REGULAR",
                "Phòng họp số 1, Trụ sở Chính phủ",
                false,
                START,
                START.plusHours(4),
                "Thủ tướng Chính phủ",
                attendees,
                agenda,
                votes,
                List.of(
                        new Minutes.Signer("Thư ký", "Chuyên viên Vụ Tổng hợp", "Đặng Thu Ký"),
                        new Minutes.Signer("Chủ trì", "Thủ tướng Chính phủ", "Nguyễn Thị Hằng")),
                START.plusHours(5));
    }

    private static Minutes.Ballot closedBallotWithTwoSilentMembers() {
        return new Minutes.Ballot(
                new Minutes.Heading("Văn phòng Chính phủ", "12/BC-VPCP", "Hà Nội", START.plusDays(5)),
                12,
                "Ý kiến về dự thảo Nghị định quy định chi tiết Luật Đầu tư công",
                START,
                START.plusDays(5),
                "CLOSED",
                "Hết hạn lấy ý kiến",
                List.of(new Minutes.Count("AGREE", "Đồng ý", 2), new Minutes.Count("OTHER", "Ý kiến khác", 1)),
                List.of(
                        new Minutes.Answer(
                                "Nguyễn Thị Hằng", "Thủ tướng Chính phủ", "AGREE", "Đồng ý", null, START.plusHours(3)),
                        new Minutes.Answer(
                                "Trần Quốc Việt", "Bộ trưởng Bộ Tư pháp", "AGREE", "Đồng ý", null, START.plusDays(1)),
                        new Minutes.Answer(
                                "Lê Thu Hương",
                                "Bộ trưởng Bộ Y tế",
                                "OTHER",
                                "Ý kiến khác",
                                "Đề nghị làm rõ thẩm quyền điều chỉnh chủ trương đầu tư đối với dự án nhóm A "
                                        + "sử dụng vốn ngân sách trung ương; bổ sung quy định chuyển tiếp cho các "
                                        + "dự án đã được phê duyệt trước ngày Luật có hiệu lực.",
                                START.plusDays(2))),
                List.of("Phạm Văn Hùng", "Đặng Minh Châu"),
                List.of(new Minutes.Signer("Người tổng hợp", null, "Đặng Thu Ký")),
                START.plusDays(5).plusHours(1));
    }

    /** The printed text with line breaks as spaces, so an assertion does not depend on where wrapping fell. */
    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void meetingMinutesListEveryAttendeeAcrossPagesWithTheTallyOfEachVote() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.meeting(regularMeeting()))) {
            assertTrue(pdf.getNumberOfPages() >= 2, "42 attendees do not fit one page");
            assertEquals(PDRectangle.A4.getWidth(), pdf.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(
                    PDRectangle.A4.getHeight(), pdf.getPage(0).getMediaBox().getHeight(), 0.01);
            String text = text(pdf);
            assertTrue(text.contains("BIÊN BẢN PHIÊN HỌP"));
            assertTrue(text.contains("Phiên họp Chính phủ thường kỳ tháng 11"));
            assertTrue(text.contains("Nguyễn Thị Hằng"));
            assertTrue(text.contains("Bộ Kế hoạch và Đầu tư"));
            assertTrue(text.contains("Ủy quyền: Thứ trưởng Lê Minh Tuấn"));
            assertTrue(text.contains("Đồng ý: 3"));
            assertTrue(text.contains("Không đồng ý: 1"));
            assertTrue(text.contains("Ý kiến khác: 1"));
            assertTrue(text.contains("Đồng ý: 2"));
            assertTrue(text.contains("Trần Đức Thắng (08:15–08:25)"), "speech times are in Asia/Ho_Chi_Minh");
            assertTrue(text.contains("Thời gian: 05/11/2026 08:00"));
            assertTrue(text.contains("Lập lúc 05/11/2026 13:00"));
            assertTrue(text.contains("Trang 1/" + pdf.getNumberOfPages()));
            assertTrue(text.contains("Trang " + pdf.getNumberOfPages() + "/" + pdf.getNumberOfPages()));
            assertTrue(text.contains("Trần Thu Hương 41"), "the last attendee is printed");
        }
    }

    @Test
    void ballotResultNamesTheMembersWhoHaveNotAnswered() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.ballot(closedBallotWithTwoSilentMembers()))) {
            String text = text(pdf);
            assertTrue(text.contains("Kết quả lấy ý kiến thành viên Chính phủ"));
            assertTrue(text.contains("Nội dung xin ý kiến: Ý kiến về dự thảo Nghị định"));
            assertTrue(text.contains("Lý do kết thúc: Hết hạn lấy ý kiến"));
            assertTrue(text.contains("Lê Thu Hương"));
            assertTrue(text.contains("Đồng ý: 2"));
            assertTrue(text.contains("Ý kiến khác: 1"));
            assertTrue(text.contains("Đề nghị làm rõ thẩm quyền"), "a long opinion is wrapped, not cut");
            assertTrue(text.contains("đã được phê duyệt trước ngày Luật có hiệu lực."));
            assertTrue(text.contains("Thành viên chưa trả lời (2)"));
            assertTrue(text.contains("Phạm Văn Hùng"));
            assertTrue(text.contains("Đặng Minh Châu"));
        }
    }

    @Test
    void vietnameseTextExtractsExactlyAsWritten() throws IOException {
        String sentence = "Biên bản phiên họp Chính phủ thường kỳ tháng 11 — Đồng ý, Không đồng ý, Ý kiến khác, "
                + "Nguyễn Thị Hằng";
        Minutes.Ballot ballot = new Minutes.Ballot(
                null,
                1,
                sentence,
                null,
                null,
                "OPEN",
                null,
                List.of(),
                List.of(),
                List.of("Nguye\u0302\u0303n Thi\u0323 Ha\u0306\u0300ng"),
                List.of(),
                null);
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.ballot(ballot))) {
            String text = text(pdf);
            assertTrue(text.contains("Nội dung xin ý kiến: " + sentence));
            assertTrue(text.contains("1. Nguyễn Thị Hằng"), "decomposed input prints precomposed");
        }
    }

    @Test
    void anOpinionLongerThanAPageContinuesOnTheNextPages() throws IOException {
        String opinion = "Đề nghị bổ sung đánh giá tác động. ".repeat(400) + "x".repeat(300) + " Hết ý kiến.";
        Minutes.Ballot ballot = new Minutes.Ballot(
                null,
                5,
                "Dự thảo Nghị quyết",
                START,
                START.plusDays(3),
                "OPEN",
                null,
                List.of(),
                List.of(new Minutes.Answer("Lê Thu Hương", null, "OTHER", "Ý kiến khác", opinion, START)),
                List.of(),
                List.of(new Minutes.Signer("Người tổng hợp", null, "Đặng Thu Ký")),
                START);
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.ballot(ballot))) {
            assertTrue(pdf.getNumberOfPages() >= 3);
            String text = text(pdf);
            assertTrue(text.contains("Hết ý kiến."));
            assertTrue(text.contains("Thành viên chưa trả lời (0) Không có"));
        }
    }

    @Test
    void missingValuesPrintAsDashAndUnknownCharactersDoNotStopTheRecord() throws IOException {
        Minutes.Meeting empty = new Minutes.Meeting(
                null,
                3,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                List.of(new Minutes.Attendee(null, null, null, null, null, null)),
                null,
                List.of(new Minutes.Vote(null, "Biểu quyết ✓ 😀\tngay", null, null, null, null, null)),
                List.of(new Minutes.Signer(null, null, null)),
                null);
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.meeting(empty))) {
            String text = text(pdf);
            assertTrue(text.contains("Địa điểm: Trực tuyến"));
            assertTrue(text.contains("Chủ trì: —"));
            assertTrue(text.contains("Lập lúc —"));
            assertTrue(text.contains("Câu hỏi: Biểu quyết ? ? ngay"));
            assertTrue(text.contains("Chưa có kết quả"));
        }
        Minutes.Ballot blank = new Minutes.Ballot(null, 4, null, null, null, null, null, null, null, null, null, null);
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.ballot(blank))) {
            assertTrue(text(pdf).contains("Thành viên chưa trả lời (0)"));
        }
    }

    @Test
    void meetingMinutesFollowTheDecree30LayoutAndNameTheirSignersByNameAndOffice() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.meeting(regularMeeting()))) {
            String first = page(pdf, 1);
            // The heading, in the order Decree 30 reads: body and national name on one row, then the motto, then
            // the number beside the place and date.
            assertInOrder(
                    first,
                    "VĂN PHÒNG CHÍNH PHỦ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "Số: 7/BB-VPCP",
                    "Hà Nội, ngày 05 tháng 11 năm 2026",
                    "BIÊN BẢN PHIÊN HỌP",
                    "Phiên họp Chính phủ thường kỳ tháng 11");
            // The signature block closes the record: capacity, office, full name; the members by name and office.
            assertInOrder(
                    page(pdf, pdf.getNumberOfPages()),
                    "THƯ KÝ",
                    "CHỦ TRÌ",
                    "Chuyên viên Vụ Tổng hợp",
                    "Thủ tướng Chính phủ",
                    "Đặng Thu Ký",
                    "Nguyễn Thị Hằng");
            String text = text(pdf);
            assertTrue(text.contains("Lê Văn Hùng 1 Bộ trưởng Bộ Tài chính Đồng ý"), text);
            assertTrue(!text.contains("CN=") && !text.contains("OU="), "no certificate subject is printed");
        }
    }

    @Test
    void ballotResultBearsTheHeadingNumberAndItsCompiler() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(MinutesPdf.ballot(closedBallotWithTwoSilentMembers()))) {
            assertInOrder(
                    page(pdf, 1),
                    "VĂN PHÒNG CHÍNH PHỦ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "Số: 12/BC-VPCP",
                    "Hà Nội, ngày 10 tháng 11 năm 2026",
                    "BÁO CÁO");
            assertInOrder(
                    page(pdf, pdf.getNumberOfPages()), "Thành viên chưa trả lời (2)", "NGƯỜI TỔNG HỢP", "Đặng Thu Ký");
            String text = text(pdf);
            assertTrue(text.contains("Lê Thu Hương Bộ trưởng Bộ Y tế"), text);
            assertTrue(!text.contains("CN="), "no certificate subject is printed");
        }
    }

    @Test
    void theDateHasALeadingZeroOnlyForDaysBelowTenAndMonthsBelowThree() {
        assertEquals(
                "Hà Nội, ngày 04 tháng 12 năm 2026",
                MinutesPdf.placeAndDate("Hà Nội", OffsetDateTime.parse("2026-12-03T20:00:00Z")),
                "04 December in Vietnam is still 3 December in UTC");
        assertEquals(
                "Hà Nội, ngày 09 tháng 02 năm 2027",
                MinutesPdf.placeAndDate("Hà Nội", OffsetDateTime.parse("2027-02-09T03:00:00Z")));
        assertEquals(
                "Hà Nội, ngày 15 tháng 3 năm 2027",
                MinutesPdf.placeAndDate("Hà Nội", OffsetDateTime.parse("2027-03-15T03:00:00Z")));
    }

    /** One page's text as a reader reads it (rows top to bottom, each left to right), line breaks as spaces. */
    private static String page(PDDocument pdf, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "'" + part + "' after position " + from + " in: " + text);
            from = at + part.length();
        }
    }
}
