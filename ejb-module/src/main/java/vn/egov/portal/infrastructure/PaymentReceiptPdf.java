package vn.egov.portal.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Biên lai điện tử — the e-receipt of a paid bill, one A4 page with the receipt fields the payment
 * contract carries ({@code ThongTinBienLai}, PORTAL-SHARING.md A.5): receipt number and date, the
 * collecting unit, the dossier and procedure, the payer, each fee or charge with its amount, the
 * total, the payee account, and the platform's transaction id. Written with the same PDFBox and
 * embedded font as the dossier's receipt ({@link ReceiptPdf}).
 */
public final class PaymentReceiptPdf {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");

    private PaymentReceiptPdf() {}

    /** One line of the receipt: kind (1 phí, 2 lệ phí), code, name, amount. */
    public record Line(int kind, String code, String name, long amount) {}

    /** What the receipt says. */
    public record Receipt(
            String number,
            OffsetDateTime paidAt,
            String unitName,
            String dossierCode,
            String procedureCode,
            String procedureName,
            String payerName,
            String payerId,
            List<Line> lines,
            long total,
            String payeeAccount,
            String payeeBank,
            String payeeName,
            String reference,
            String transaction,
            String bank) {}

    public static byte[] render(Receipt r) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(ReceiptPdf.FONT)) {
                if (ttf == null) {
                    throw new IOException("Font " + ReceiptPdf.FONT + " not found next to PDFBox");
                }
                font = PDType0Font.load(doc, ttf, true);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Biên lai điện tử " + r.number());
            info.setSubject(r.dossierCode());
            doc.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                ReceiptPdf.Writer w = new ReceiptPdf.Writer(out, font, PDRectangle.A4.getHeight() - ReceiptPdf.MARGIN);
                w.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11);
                w.centered("Độc lập - Tự do - Hạnh phúc", 11);
                w.gap(14);
                w.centered(r.unitName(), 12);
                w.centered("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", 14);
                w.centered("Số biên lai: " + r.number(), 12);
                w.centered("Ngày thu: " + WHEN.format(r.paidAt().atZoneSameInstant(VIETNAM)), 11);
                w.gap(12);
                w.text("Mã hồ sơ: " + r.dossierCode(), 11);
                w.text("Thủ tục: " + r.procedureName() + " (" + r.procedureCode() + ")", 11);
                w.text("Người nộp: " + or(r.payerName()) + "    Số định danh: " + or(r.payerId()), 11);
                w.gap(8);
                w.text("Các khoản đã nộp:", 11);
                int n = 1;
                for (Line line : r.lines()) {
                    w.text(
                            "   " + n++ + ". " + (line.kind() == 1 ? "Phí" : "Lệ phí") + " " + line.code() + " — "
                                    + line.name() + ": " + money(line.amount()),
                            10);
                }
                w.text("Tổng số tiền: " + money(r.total()), 12);
                w.gap(8);
                w.text(
                        "Tài khoản thu hưởng: " + r.payeeAccount() + " — " + r.payeeName() + " (ngân hàng "
                                + r.payeeBank() + ")",
                        10);
                w.text("Mã tham chiếu: " + r.reference(), 10);
                w.text(
                        "Mã giao dịch của nền tảng thanh toán: " + or(r.transaction()) + "    Ngân hàng: "
                                + or(r.bank()),
                        10);
                w.gap(12);
                w.text("Biên lai điện tử do Cổng dịch vụ công lập khi nhận được xác nhận thanh toán.", 10);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the e-receipt " + r.number() + " could not be written", e);
        }
    }

    /** An amount in đồng as Vietnam writes it: 200.000 đ. */
    static String money(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đ";
    }

    private static String or(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
