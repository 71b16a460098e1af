package vn.egov.cabinet.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.egov.cabinet.application.Minutes;

/**
 * Prints {@link Minutes} as A4 PDF: the biên bản of a meeting and the kết quả lấy ý kiến of an opinion ballot.
 *
 * <p>The layout is one flowing column of paragraphs and simple tables, so a small cursor that wraps text by its
 * measured width and opens a new page when the next line does not fit is enough; a template engine would add a
 * dependency for no gain. The footer ("Lập lúc …", "Trang N/M") is stamped on every page after the body is laid
 * out, because M is only known then.
 *
 * <p>The font is Liberation Sans from the PDFBox jar (no font file to deploy), embedded as a subset; it covers every
 * Vietnamese letter. Text is NFC-normalised first, so decomposed input (e + combining marks) prints and extracts
 * like precomposed text; a character the font still lacks becomes its base letter or '?' rather than making the
 * record unprintable. Codes are shown in Vietnamese, missing values as "—".
 */
public final class MinutesPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String NONE = "—";
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TITLE = 15;
    private static final float HEADING = 12;
    private static final float BODY = 10;
    private static final float FOOTER = 8;
    private static final float LEADING = 1.35f;
    private static final float INDENT = 18;
    private static final float GUTTER = 6;

    /** The file name a meeting's minutes are saved under. */
    public static String meetingFileName(long meetingId) {
        return "bien-ban-phien-hop-" + meetingId + ".pdf";
    }

    /** The file name an opinion ballot's result is saved under. */
    public static String ballotFileName(long ballotId) {
        return "ket-qua-lay-y-kien-" + ballotId + ".pdf";
    }

    private MinutesPdf() {}

    /** Biên bản phiên họp: attendance, agenda with speeches, every vote with its tally and signed ballots. */
    public static byte[] meeting(Minutes.Meeting m) {
        Objects.requireNonNull(m, "meeting");
        return render("Biên bản phiên họp " + or(m.title()), m.generatedAt(), pdf -> {
            pdf.title("BIÊN BẢN PHIÊN HỌP", TITLE);
            pdf.title(or(m.title()), HEADING);
            pdf.gap(BODY);
            pdf.text("Số phiên họp: " + m.id());
            pdf.text("Loại phiên họp: " + label(m.kind()));
            pdf.text("Thời gian: " + at(m.startsAt()) + "; kết thúc: " + at(m.closedAt()));
            pdf.text("Địa điểm: " + (m.online() ? "Trực tuyến" : or(m.place())));
            pdf.text("Chủ trì: " + or(m.chair()));

            pdf.heading("Thành phần tham dự");
            List<Minutes.Attendee> attendance = list(m.attendance());
            pdf.table(
                    new String[] {"Họ và tên", "Cơ quan", "Vai trò", "Điểm danh"},
                    new float[] {26, 28, 22, 24},
                    attendance.stream()
                            .map(a -> new String[] {
                                or(a.name()),
                                or(a.agency()),
                                label(a.role()),
                                "REPRESENTED".equals(a.attendance())
                                        ? "Ủy quyền: " + or(a.delegate())
                                        : label(a.attendance())
                            })
                            .toList());
            Map<String, Long> counted = attendance.stream()
                    .collect(Collectors.groupingBy(a -> String.valueOf(a.attendance()), Collectors.counting()));
            long present = counted.getOrDefault("PRESENT", 0L);
            long absent = counted.getOrDefault("ABSENT", 0L);
            long represented = counted.getOrDefault("REPRESENTED", 0L);
            pdf.text("Tổng số: " + attendance.size() + "; có mặt: " + present + "; vắng mặt: " + absent
                    + "; ủy quyền: " + represented + "; chưa điểm danh: "
                    + (attendance.size() - present - absent - represented));

            pdf.heading("Chương trình và phát biểu");
            if (list(m.agenda()).isEmpty()) {
                pdf.text("Không có");
            }
            for (Minutes.Item item : list(m.agenda())) {
                pdf.keep(2);
                pdf.text(item.position() + ". " + or(item.title()) + " — " + or(item.presenter()));
                for (Minutes.Speech s : list(item.speeches())) {
                    pdf.indented(or(s.speaker()) + " (" + time(s.from()) + "–" + time(s.to()) + ")");
                }
            }

            pdf.heading("Kết quả biểu quyết");
            if (list(m.votes()).isEmpty()) {
                pdf.text("Không có");
            }
            int number = 0;
            for (Minutes.Vote v : list(m.votes())) {
                pdf.gap(BODY / 2);
                pdf.keep(4 + list(v.tally()).size());
                pdf.text(++number + ". Nội dung: " + or(v.item()));
                pdf.text("Câu hỏi: " + or(v.question()));
                pdf.text("Mở lúc: " + at(v.openedAt()) + "; đóng lúc: " + at(v.closedAt()) + "; trạng thái: "
                        + label(v.status()));
                tally(pdf, v.tally());
                pdf.table(
                        new String[] {"Thành viên", "Lựa chọn", "Ký lúc", "Người ký", "Kênh"},
                        new float[] {24, 15, 18, 25, 18},
                        list(v.ballots()).stream()
                                .map(c -> new String[] {
                                    or(c.member()), or(c.label()), at(c.signedAt()), or(c.signer()), label(c.channel())
                                })
                                .toList());
            }
        });
    }

    /** Kết quả lấy ý kiến thành viên Chính phủ: tally, every signed answer, and who has not answered. */
    public static byte[] ballot(Minutes.Ballot b) {
        Objects.requireNonNull(b, "ballot");
        return render("Kết quả lấy ý kiến " + b.id(), b.generatedAt(), pdf -> {
            pdf.title("KẾT QUẢ LẤY Ý KIẾN THÀNH VIÊN CHÍNH PHỦ", TITLE);
            pdf.gap(BODY);
            pdf.text("Phiếu số: " + b.id());
            pdf.text("Nội dung xin ý kiến: " + or(b.question()));
            pdf.text("Ngày phát phiếu: " + at(b.issuedAt()));
            pdf.text("Hạn trả lời: " + at(b.deadline()));
            pdf.text("Trạng thái: " + label(b.status()));
            if (b.closeReason() != null && !b.closeReason().isBlank()) {
                pdf.text("Lý do kết thúc: " + b.closeReason());
            }

            pdf.heading("Kết quả");
            tally(pdf, b.tally());
            pdf.table(
                    new String[] {"Thành viên", "Lựa chọn", "Ý kiến", "Thời gian", "Người ký"},
                    new float[] {20, 14, 31, 17, 18},
                    list(b.answers()).stream()
                            .map(a -> new String[] {
                                or(a.member()), or(a.label()), or(a.text()), at(a.answeredAt()), or(a.signer())
                            })
                            .toList());

            List<String> silent = list(b.nonRespondents());
            pdf.heading("Thành viên chưa trả lời (" + silent.size() + ")");
            if (silent.isEmpty()) {
                pdf.text("Không có");
            }
            for (int i = 0; i < silent.size(); i++) {
                pdf.text((i + 1) + ". " + or(silent.get(i)));
            }
        });
    }

    /** The body of one document, written page by page; IOException stays inside the renderer. */
    private interface Body {
        void write(Pages pdf) throws IOException;
    }

    private static byte[] render(String title, OffsetDateTime generatedAt, Body body) {
        try (Pages pdf = new Pages()) {
            pdf.doc.getDocumentInformation().setTitle(title);
            body.write(pdf);
            return pdf.finish("Lập lúc " + at(generatedAt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        }
    }

    private static void tally(Pages pdf, List<Minutes.Count> tally) throws IOException {
        if (list(tally).isEmpty()) {
            pdf.indented("Chưa có kết quả");
        }
        for (Minutes.Count c : list(tally)) {
            pdf.indented((c.label() != null ? c.label() : or(c.option())) + ": " + c.count());
        }
    }

    /**
     * The Vietnamese wording of a cabinet code. The codes are enum names from the cabinet model (kind, role,
     * attendance, status, channel) and never collide, so one table serves them all; an unknown code prints as is.
     */
    private static String label(String code) {
        return code == null
                ? NONE
                : switch (code) {
                    case "REGULAR" -> "Phiên họp thường kỳ";
                    case "THEMATIC" -> "Phiên họp chuyên đề";
                    case "CONFERENCE" -> "Hội nghị";
                    case "MEMBER" -> "Thành viên Chính phủ";
                    case "GUEST" -> "Khách mời";
                    case "PRESENT" -> "Có mặt";
                    case "ABSENT" -> "Vắng mặt";
                    case "UNKNOWN" -> "Chưa điểm danh";
                    case "OPEN" -> "Đang mở";
                    case "CLOSED" -> "Đã kết thúc";
                    case "ROOM" -> "Tại phòng họp";
                    case "REMOTE" -> "Từ xa";
                    default -> code;
                };
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String at(OffsetDateTime t) {
        return t == null ? NONE : DATE_TIME.format(t.atZoneSameInstant(ZONE));
    }

    private static String time(OffsetDateTime t) {
        return t == null ? NONE : TIME.format(t.atZoneSameInstant(ZONE));
    }

    /** A cursor over a growing document: y is the top of the next line on the current page. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc = new PDDocument();
        private final PDType0Font font;
        private PDPageContentStream out;
        private float y;

        Pages() throws IOException {
            try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
                if (ttf == null) {
                    throw new IOException("Font " + FONT + " not found next to PDFBox");
                }
                font = PDType0Font.load(doc, ttf, true);
            } catch (IOException e) {
                doc.close();
                throw e;
            }
        }

        void title(String text, float size) throws IOException {
            lines(text, size, 0, true);
        }

        void heading(String text) throws IOException {
            gap(HEADING);
            room((HEADING + 2 * BODY) * LEADING);
            lines(text, HEADING, 0, false);
        }

        void text(String text) throws IOException {
            lines(text, BODY, 0, false);
        }

        void indented(String text) throws IOException {
            lines(text, BODY, INDENT, false);
        }

        /** Moves to a new page unless that many lines fit, so a block's first line is not left alone at the foot. */
        void keep(int lines) throws IOException {
            room(lines * BODY * LEADING);
        }

        void gap(float points) {
            y -= points;
        }

        private void lines(String text, float size, float indent, boolean centered) throws IOException {
            for (String line : wrap(text, size, WIDTH - indent)) {
                room(size * LEADING);
                float x = centered ? MARGIN + (WIDTH - width(line, size)) / 2 : MARGIN + indent;
                show(out, line, x, y - size, size);
                y -= size * LEADING;
            }
        }

        /** Columns get a percentage of the width; a row that does not fit goes to the next page, under the header. */
        void table(String[] header, float[] percents, List<String[]> rows) throws IOException {
            List<List<String>> head = cells(header, percents);
            float line = BODY * LEADING;
            gap(BODY / 2);
            room(line * (height(head) + 1));
            rows(head, percents, true);
            for (String[] row : rows) {
                List<List<String>> wrapped = cells(row, percents);
                if (y - line * height(wrapped) < MARGIN) {
                    newPage();
                    rows(head, percents, true);
                }
                rows(wrapped, percents, false);
            }
            gap(BODY / 2);
        }

        private void rows(List<List<String>> cells, float[] percents, boolean header) throws IOException {
            float line = BODY * LEADING;
            for (int i = 0; i < height(cells); i++) {
                room(line);
                float x = MARGIN;
                for (int c = 0; c < cells.size(); c++) {
                    if (i < cells.get(c).size()) {
                        show(out, cells.get(c).get(i), x, y - BODY, BODY);
                    }
                    x += WIDTH * percents[c] / 100;
                }
                y -= line;
            }
            if (header) {
                out.setLineWidth(0.5f);
                out.moveTo(MARGIN, y + 0.5f);
                out.lineTo(MARGIN + WIDTH, y + 0.5f);
                out.stroke();
                gap(3);
            }
        }

        private List<List<String>> cells(String[] row, float[] percents) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            for (int i = 0; i < percents.length; i++) {
                wrapped.add(wrap(row[i], BODY, WIDTH * percents[i] / 100 - GUTTER));
            }
            return wrapped;
        }

        private static int height(List<List<String>> cells) {
            return cells.stream().mapToInt(List::size).max().orElse(0);
        }

        byte[] finish(String footer) throws IOException {
            out.close();
            out = null;
            int total = doc.getNumberOfPages();
            int number = 0;
            for (PDPage page : doc.getPages()) {
                String pageNumber = "Trang " + ++number + "/" + total;
                try (PDPageContentStream stamp = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                    show(stamp, safe(footer), MARGIN, MARGIN - 2 * FOOTER, FOOTER);
                    show(stamp, pageNumber, MARGIN + WIDTH - width(pageNumber, FOOTER), MARGIN - 2 * FOOTER, FOOTER);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }

        private void room(float height) throws IOException {
            if (out == null || y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void show(PDPageContentStream stream, String text, float x, float baseline, float size)
                throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        }

        /** Lines no wider than width; explicit line breaks are kept, a word wider than width is cut. */
        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : safe(or(text)).split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.trim().split(" +")) {
                    String joined = line.isEmpty() ? word : line + " " + word;
                    if (width(joined, size) <= width) {
                        line.setLength(0);
                        line.append(joined);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                    }
                    while (word.codePointCount(0, word.length()) > 1 && width(word, size) > width) {
                        int cut = word.offsetByCodePoints(0, 1);
                        while (width(word.substring(0, word.offsetByCodePoints(cut, 1)), size) <= width) {
                            cut = word.offsetByCodePoints(cut, 1);
                        }
                        lines.add(word.substring(0, cut));
                        word = word.substring(cut);
                    }
                    line.setLength(0);
                    line.append(word);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text as the font can draw it: NFC, control characters as spaces, missing glyphs replaced. */
        private String safe(String text) throws IOException {
            StringBuilder printable = new StringBuilder();
            for (int cp :
                    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray()) {
                if (cp == '\n') {
                    printable.append('\n');
                } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    printable.append(' ');
                } else if (hasGlyph(Character.toString(cp))) {
                    printable.appendCodePoint(cp);
                } else {
                    int base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD)
                            .codePointAt(0);
                    printable.appendCodePoint(hasGlyph(Character.toString(base)) ? base : '?');
                }
            }
            return printable.toString();
        }

        /** PDFBox reports a character without a glyph by IllegalArgumentException; that is the answer, not a fault. */
        private boolean hasGlyph(String c) throws IOException {
            try {
                font.encode(c);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
            doc.close();
        }
    }
}
