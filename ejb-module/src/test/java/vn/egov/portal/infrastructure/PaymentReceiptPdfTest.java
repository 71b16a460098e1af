package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PaymentReceiptPdfTest {

    @Test
    void theEReceiptCarriesTheReceiptFieldsInVietnamese() throws Exception {
        byte[] pdf = PaymentReceiptPdf.render(new PaymentReceiptPdf.Receipt(
                "BL20261204-50",
                OffsetDateTime.parse("2026-12-04T09:15:30+07:00"),
                "Ủy ban nhân dân phường Hưng Dũng",
                "000.01.20.H41-2612040001",
                "1.004873",
                "Thủ tục cấp bản sao trích lục hộ tịch",
                "Nguyễn Văn An",
                "001088001234",
                List.of(
                        new PaymentReceiptPdf.Line(1, "PHI-1", "Phí cấp bản sao trích lục hộ tịch", 8000),
                        new PaymentReceiptPdf.Line(2, "LP-1", "Lệ phí", 2000)),
                10_000,
                "0000000000001",
                "970400",
                "Kho bạc Nhà nước",
                "000.01.20.H41-261204000120261204091500",
                "PP123",
                "VCB"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(
                    "000.01.20.H41-2612040001", doc.getDocumentInformation().getSubject());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ"), text);
            assertTrue(text.contains("Số biên lai: BL20261204-50"), text);
            assertTrue(text.contains("09:15:30 ngày 04/12/2026"), text);
            assertTrue(text.contains("Phí PHI-1"), text);
            assertTrue(text.contains("8.000 đ"), text);
            assertTrue(text.contains("Tổng số tiền: 10.000 đ"), text);
            assertTrue(text.contains("0000000000001"), text);
            assertTrue(text.contains("PP123"), text);
            assertTrue(text.contains("Nguyễn Văn An"), text);
        }
    }
}
