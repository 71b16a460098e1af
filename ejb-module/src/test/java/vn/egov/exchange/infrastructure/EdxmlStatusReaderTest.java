package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.egov.common.DomainException;
import vn.egov.exchange.application.StatusMessage;

/** The real status messages (src/test/resources/edxml/real/status*.edxml) read as a recipient's report. */
class EdxmlStatusReaderTest {

    private static final String ORIGINAL = "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT";
    private static final OffsetDateTime USUAL = OffsetDateTime.of(2015, 9, 20, 11, 8, 36, 0, ZoneOffset.ofHours(7));

    private static StatusMessage read(String name) throws IOException {
        try (InputStream in = EdxmlStatusReaderTest.class.getResourceAsStream("/edxml/real/" + name)) {
            assertNotNull(in, name);
            return new EdxmlStatusReader(32).read(in);
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = EdxmlStatusReaderTest.class.getResourceAsStream("/edxml/real/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static StatusMessage readText(String xml) {
        return new EdxmlStatusReader(32).read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "status_inbox_01.edxml|01|Văn thư - Phòng Văn thư - Lưu trữ: Đã đến - Phần mềm QLVB đã nhận nhưng văn thư chưa xử lý",
                "status_rejection_02.edxml|02|Văn thư - Phòng Văn thư - Lưu trữ: Từ chối không tiếp nhận văn bản điện tử",
                "status_acceptance_03.edxml|03|Văn thư cơ - Phòng Văn thư - Lưu trữ: Tiếp nhận văn bản điện tử, vào sổ văn bản đến của đơn vị",
                "status_assignment_04.edxml|04|Lãnh đạo: Phân công xử lý",
                "status_processing_05.edxml|05|Đang xử lý văn bản đến",
                "status_finish_06.edxml|06|Văn thư: Ban hành văn bản đến, hoàn thành xử lý",
                "status_change-acceptance_15.edxml|15|Văn thư đồng ý yêu cầu cập nhật, lấy lại",
                "status_change-rejection_16.edxml|16|Văn thư từ chối yêu cầu cập nhật, lấy lại"
            })
    void eachRecipientStatusReadsWithItsCodeAndTheVietnameseTextKeptExactly(
            String sample, String code, String description) throws IOException {
        StatusMessage m = read(sample);

        assertEquals("000.00.00.H41", m.fromCode());
        assertEquals("UBND Tỉnh Nghệ An", m.fromName());
        assertEquals(ORIGINAL, m.responseForDocumentId());
        assertEquals("000.00.00.G22", m.responseForOrganId());
        assertEquals("7816/VPCP-TTĐT", m.responseForCode());
        assertEquals(code, m.statusCode());
        assertEquals(description, m.description());
        assertEquals(USUAL, m.timestamp());
        assertEquals("Phong hanh chinh", m.staffDepartment());
        assertEquals("Nguyen thi ngoc tram", m.staffName());
        assertEquals("ngoctram@nghean.vn", m.staffEmail());
        assertEquals("84912000001", m.staffMobile());
        assertEquals(code, m.report().status());
        assertEquals(description, m.report().description());
    }

    @Test
    void theSendersCancellationIsReadToo() throws IOException {
        StatusMessage m = read("status_cancellation_13.edxml");

        assertEquals("000.00.00.G22", m.fromCode());
        assertEquals("Văn phòng Chính phủ", m.fromName());
        assertEquals(ORIGINAL, m.responseForDocumentId());
        assertEquals("000.00.00.H41", m.responseForOrganId(), "this client names the recipient here");
        assertEquals("13", m.statusCode());
        assertEquals("Văn thư yêu cầu lấy lại văn bản điện tử kèm lý do", m.description());
    }

    @Test
    void theSampleWithDiacriticsInTheStaffNameKeepsThem() throws IOException {
        StatusMessage m = read("status.edxml");

        assertEquals("01", m.statusCode());
        assertEquals("Nguyễn Thị Ngọc Trâm", m.staffName());
        assertEquals("Văn thư văn phòng", m.staffDepartment());
        assertEquals("vanthuvanphong@gov.vn", m.staffEmail());
        assertEquals(OffsetDateTime.of(2018, 9, 28, 17, 25, 11, 0, ZoneOffset.ofHours(7)), m.timestamp());
        assertEquals(
                "Văn thư - Phòng Văn thư - Lưu trữ: Đã đến - Phần mềm QLVB đã nhận nhưng văn thư chưa xử lý",
                m.description());
    }

    private static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    void malformedXmlIsRefusedAsMalformed() throws IOException {
        String cut = text("status_processing_05.edxml");
        assertEquals("exchange.xml.malformed", code(() -> readText(cut.substring(0, cut.length() / 2))));
    }

    @Test
    void aMessageWithoutStatusCodeOrResponseForIsIncomplete() throws IOException {
        String sample = text("status_processing_05.edxml");
        assertEquals(
                "exchange.status.xml-incomplete",
                code(() -> readText(sample.replaceAll("<edXML:StatusCode>05</edXML:StatusCode>", ""))));
        assertEquals(
                "exchange.status.xml-incomplete",
                code(() -> readText(sample.replaceAll("(?s)<edXML:ResponseFor>.*</edXML:ResponseFor>", ""))));
    }

    @Test
    void aTimestampThatDoesNotReadIsRefused() throws IOException {
        String sample = text("status_processing_05.edxml").replace("2015/09/20 11:08:36", "20-09-2015");
        assertEquals("exchange.field.invalid", code(() -> readText(sample)));
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><MessageHeader>"
                + "<StatusCode>&secret;</StatusCode></MessageHeader></edXML>";
        DomainException refused = assertThrows(DomainException.class, () -> readText(xxe));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        // Refused at the DTD (or at the entity the parser was told not to resolve), never read.
        org.junit.jupiter.api.Assertions.assertTrue(refused.code().startsWith("exchange.xml."), refused.code());
        org.junit.jupiter.api.Assertions.assertFalse(refused.getMessage().contains("root:"), refused.getMessage());
    }

    @Test
    void anotherRootIsNotAStatusMessage() {
        assertEquals("exchange.edxml.root", code(() -> readText("<status xmlns=\"urn:other\"/>")));
    }
}
