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
 * <p>Both follow the layout Decree 30/2020/NĐ-CP (Appendix I) sets for an administrative document: on the left the
 * issuing body in capitals with a short rule under it and the number and notation ("Số: 7/BB-VPCP"); on the right
 * the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the motto "Độc lập - Tự do - Hạnh phúc" with a rule as
 * wide as it, and the place and date ("Hà Nội, ngày 04 tháng 12 năm 2026", days below 10 and months below 3 with
 * a leading zero); then the kind of document and its summary, centred; the body; and the signature block — each
 * signer's capacity in capitals, their office, room for the signature, their full name. The only font PDFBox
 * carries is the regular weight, so the capitals and the rules carry the emphasis bold would.
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
    private static final float HEAD = 11;
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
            pdf.letterhead(m.heading());
            pdf.title("BIÊN BẢN PHIÊN HỌP", TITLE);
            pdf.title(or(m.title()), HEADING);
            pdf.gap(BODY);
            pdf.text("Loại phiên họp: " + label(m.kind()));
            pdf.text("Thời gian: " + at(m.startsAt()) + "; kết thúc: " + at(m.closedAt()));
            pdf.text("Địa điểm: " + (m.online() ? "Trực tuyến" : or(m.place())));
            pdf.text("Chủ trì: " + or(m.chair()));

            pdf.heading("Thành phần tham dự");
            List<Minutes.Attendee> attendance = list(m.attendance());
            pdf.table(
                    new String[] {"Họ và tên", "Chức vụ, cơ quan", "Tư cách", "Điểm danh"},
                    new float[] {23, 34, 21, 22},
                    attendance.stream()
                            .map(a -> new String[] {
                                or(a.name()),
                                a.title() != null ? a.title() : or(a.agency()),
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
                        new String[] {"Thành viên", "Chức vụ", "Lựa chọn", "Ký số lúc", "Kênh"},
                        new float[] {22, 30, 15, 18, 15},
                        list(v.ballots()).stream()
                                .map(c -> new String[] {
                                    or(c.member()), or(c.title()), or(c.label()), at(c.signedAt()), label(c.channel())
                                })
                                .toList());
            }
            pdf.signatures(m.signers());
        });
    }

    /** Kết quả lấy ý kiến thành viên Chính phủ: tally, every signed answer, and who has not answered. */
    public static byte[] ballot(Minutes.Ballot b) {
        Objects.requireNonNull(b, "ballot");
        return render("Kết quả lấy ý kiến " + b.id(), b.generatedAt(), pdf -> {
            pdf.letterhead(b.heading());
            pdf.title("BÁO CÁO", TITLE);
            pdf.title("Kết quả lấy ý kiến thành viên Chính phủ", HEADING);
            pdf.gap(BODY);
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
                    new String[] {"Thành viên", "Chức vụ", "Lựa chọn", "Ý kiến", "Thời gian"},
                    new float[] {19, 22, 13, 30, 16},
                    list(b.answers()).stream()
                            .map(a -> new String[] {
                                or(a.member()), or(a.title()), or(a.label()), or(a.text()), at(a.answeredAt())
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
            pdf.signatures(b.signers());
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

    /**
     * "Hà Nội, ngày 04 tháng 12 năm 2026": the place and the date in Vietnam, a day below 10 and a month below 3
     * written with a leading zero (Decree 30/2020, Appendix I, 1.4).
     */
    static String placeAndDate(String place, OffsetDateTime date) {
        if (date == null) {
            return or(place) + ", ngày … tháng … năm …";
        }
        java.time.LocalDate day = date.atZoneSameInstant(ZONE).toLocalDate();
        int month = day.getMonthValue();
        return or(place) + ", ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng "
                + (month < 3 ? "0" + month : String.valueOf(month)) + " năm " + day.getYear();
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

        /**
         * The heading of Decree 30 across the top of the first page: issuing body and number on the left (two
         * fifths), national name, motto and place and date on the right, each column centred on itself.
         */
        void letterhead(Minutes.Heading h) throws IOException {
            Minutes.Heading heading = h == null ? new Minutes.Heading(null, null, null, null) : h;
            room(7 * HEADING * LEADING);
            float top = y;
            float leftWidth = WIDTH * 2 / 5;
            float rightX = MARGIN + leftWidth;
            float rightWidth = WIDTH - leftWidth;

            float left = centred(upper(heading.issuingBody()), MARGIN, leftWidth, HEAD, top);
            float ruleWidth = leftWidth / 3;
            rule(MARGIN + (leftWidth - ruleWidth) / 2, ruleWidth, left - 1);

            float right = centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightX, rightWidth, HEAD, top);
            String motto = "Độc lập - Tự do - Hạnh phúc";
            right = centred(motto, rightX, rightWidth, HEAD + 1, right);
            float mottoWidth = width(motto, HEAD + 1);
            rule(rightX + (rightWidth - mottoWidth) / 2, mottoWidth, right - 1);

            // The number and the place and date share the row under the two rules.
            float row = Math.min(left, right) - HEAD * 0.6f;
            left = centred("Số: " + or(heading.number()), MARGIN, leftWidth, HEAD, row);
            right = centred(placeAndDate(heading.place(), heading.date()), rightX, rightWidth, HEAD, row);
            y = Math.min(left, right) - HEADING;
        }

        /**
         * The signature block after the body: one column per signer side by side (one signer on the right half),
         * kept together on one page: capacity in capitals, office, room to sign, full name.
         */
        void signatures(List<Minutes.Signer> signers) throws IOException {
            List<Minutes.Signer> all = list(signers);
            if (all.isEmpty()) {
                return;
            }
            gap(HEADING);
            room(9 * BODY * LEADING);
            float columnWidth = WIDTH / Math.max(2, all.size());
            float x = all.size() == 1 ? MARGIN + WIDTH / 2 : MARGIN;
            float top = y;
            float bottom = y;
            for (Minutes.Signer signer : all) {
                float at = centred(upper(signer.capacity()), x, columnWidth, HEAD, top);
                if (signer.title() != null && !signer.title().isBlank()) {
                    at = centred(signer.title(), x, columnWidth, BODY, at);
                }
                at -= 4 * BODY * LEADING;
                at = centred(or(signer.name()), x, columnWidth, HEAD, at);
                bottom = Math.min(bottom, at);
                x += columnWidth;
            }
            y = bottom;
        }

        /** Lines centred in a column from {@code top}; the top of the line after them. */
        private float centred(String text, float x, float columnWidth, float size, float top) throws IOException {
            float at = top;
            for (String line : wrap(text, size, columnWidth - GUTTER)) {
                show(out, line, x + (columnWidth - width(line, size)) / 2, at - size, size);
                at -= size * LEADING;
            }
            return at;
        }

        private void rule(float x, float length, float at) throws IOException {
            out.setLineWidth(0.6f);
            out.moveTo(x, at);
            out.lineTo(x + length, at);
            out.stroke();
        }

        private static String upper(String text) {
            return text == null || text.isBlank() ? NONE : text.toUpperCase(java.util.Locale.forLanguageTag("vi"));
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
