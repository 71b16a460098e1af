package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.egov.portal.application.DossierViews;

class ReceiptPdfTest {

    @Test
    void theReceiptCarriesTheCodeAndReadsInVietnamese() throws Exception {
        OffsetDateTime received = OffsetDateTime.parse("2026-12-03T09:15:00+07:00");
        DossierViews.DossierDetail dossier = new DossierViews.DossierDetail(
                "000.01.20.H41-2612030001",
                "1.001193",
                "Thủ tục đăng ký khai sinh",
                "Hộ tịch",
                1,
                "Mới đăng ký",
                List.of(2, 3, 7),
                received,
                OffsetDateTime.parse("2026-12-04T17:00:00+07:00"),
                null,
                null,
                "000.01.20.H41",
                "Ủy ban nhân dân phường Hưng Dũng",
                2,
                1,
                1,
                "001090000001",
                "Nguyễn Văn Dân",
                "dan@example.vn",
                "0912345678",
                "Đăng ký khai sinh cho con",
                List.of(),
                List.of(new DossierViews.ComponentView(
                        1,
                        "TK-KS",
                        "Tờ khai đăng ký khai sinh",
                        "to-khai.pdf",
                        "application/pdf",
                        10,
                        "0".repeat(64),
                        null,
                        received)),
                List.of());
        byte[] pdf = ReceiptPdf.render(dossier);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("000.01.20.H41-2612030001"), text);
            assertTrue(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), text);
            assertTrue(text.contains("Ủy ban nhân dân phường Hưng Dũng"), text);
            assertTrue(text.contains("17:00 ngày 04/12/2026"), text);
            assertTrue(text.contains("qua dịch vụ bưu chính"), text);
        }
    }
}
