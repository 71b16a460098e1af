package vn.egov.portal.infrastructure;

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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.egov.portal.application.DossierViews;

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả — the receipt of an online dossier, one A4 page: its
 * code, the procedure, the applicant, the components received, the date of receipt and the due
 * date. Vietnamese needs a Unicode font embedded: the same Liberation Sans that PDFBox carries and
 * the cabinet's minutes embed (subset), so no font is shipped twice.
 */
public final class ReceiptPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private ReceiptPdf() {}

    public static byte[] render(DossierViews.DossierDetail dossier) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
                if (ttf == null) {
                    throw new IOException("Font " + FONT + " not found next to PDFBox");
                }
                font = PDType0Font.load(doc, ttf, true);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Giấy tiếp nhận hồ sơ " + dossier.code());
            info.setSubject(dossier.code());
            doc.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                Writer w = new Writer(out, font, PDRectangle.A4.getHeight() - MARGIN);
                w.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11);
                w.centered("Độc lập - Tự do - Hạnh phúc", 11);
                w.gap(14);
                w.centered(dossier.handlingUnit(), 12);
                w.centered("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", 14);
                w.centered("Mã hồ sơ: " + dossier.code(), 12);
                w.gap(12);
                w.text("Thủ tục: " + dossier.procedureName() + " (" + dossier.procedureCode() + ")", 11);
                if (dossier.fieldName() != null && !dossier.fieldName().isBlank()) {
                    w.text("Lĩnh vực: " + dossier.fieldName(), 11);
                }
                w.text("Người nộp: " + or(dossier.applicantName()), 11);
                w.text("Điện thoại: " + or(dossier.phone()) + "    Thư điện tử: " + or(dossier.email()), 11);
                w.text("Nội dung yêu cầu: " + or(dossier.summary()), 11);
                w.text("Hình thức nộp: trực tuyến trên Cổng dịch vụ công", 11);
                w.text(
                        "Nhận kết quả: " + (dossier.delivery() == 1 ? "qua dịch vụ bưu chính" : "tại Bộ phận một cửa"),
                        11);
                w.gap(8);
                w.text("Thành phần hồ sơ đã nhận:", 11);
                int n = 1;
                for (DossierViews.ComponentView c : dossier.components()) {
                    w.text("   " + n++ + ". " + c.componentName() + " — " + c.fileName(), 10);
                }
                w.gap(8);
                w.text("Thời điểm tiếp nhận: " + time(dossier.receivedAt()), 11);
                w.text("Ngày hẹn trả kết quả: " + time(dossier.dueAt()), 11);
                w.gap(12);
                w.text(
                        "Tra cứu tình trạng hồ sơ trên Cổng dịch vụ công bằng mã hồ sơ và số điện thoại hoặc số định"
                                + " danh cá nhân của người nộp.",
                        10);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt of " + dossier.code() + " could not be written", e);
        }
    }

    private static String or(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "—" : WHEN.format(t.atZoneSameInstant(VIETNAM));
    }

    /** Lines down the page, wrapped at the text width. */
    static final class Writer {
        private final PDPageContentStream out;
        private final PDType0Font font;
        private float y;

        Writer(PDPageContentStream out, PDType0Font font, float top) {
            this.out = out;
            this.font = font;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void centered(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size)) {
                show(line, MARGIN + (WIDTH - width(line, size)) / 2, size);
            }
        }

        void text(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size)) {
                show(line, MARGIN, size);
            }
        }

        private void show(String line, float x, float size) throws IOException {
            if (y < MARGIN) {
                return; // one page: what would not fit is not printed (at most 20 components fit)
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y - size);
            out.showText(line);
            out.endText();
            y -= size * 1.4f;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String joined = line.isEmpty() ? word : line + " " + word;
                if (width(joined, size) <= WIDTH || line.isEmpty()) {
                    line.setLength(0);
                    line.append(joined);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** NFC, control characters as spaces, and what the font cannot draw as '?'. */
        private String printable(String text) throws IOException {
            StringBuilder printable = new StringBuilder();
            for (int cp : Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                    .codePoints()
                    .toArray()) {
                String s = Character.toString(cp);
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    printable.append(' ');
                } else if (hasGlyph(s)) {
                    printable.append(s);
                } else {
                    printable.append('?');
                }
            }
            return printable.toString();
        }

        private boolean hasGlyph(String s) {
            try {
                font.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
