package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.Urgency;

class EdxmlReaderTest {

    @TempDir
    Path storeDir;

    static String sample(String securityLevel, String attachmentBase64) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope>
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId><edXML:OrganName>UBND tỉnh Nghệ An</edXML:OrganName></edXML:From>
                        <edXML:To><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:To>
                        <edXML:To><edXML:OrganId>000.00.00.H30</edXML:OrganId></edXML:To>
                        <edXML:DocumentId>000.00.00.H41,2026/11/20,7/UBND-VP</edXML:DocumentId>
                        <edXML:Code><edXML:CodeNumber>7</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationInfo><edXML:Place>Nghệ An</edXML:Place><edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate></edXML:PromulgationInfo>
                        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                        <edXML:Subject>V/v báo cáo tình hình mưa lũ</edXML:Subject>
                        <edXML:SignerInfo><edXML:Competence>KT. CHỦ TỊCH</edXML:Competence><edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo>
                        <edXML:DueDate>2026/11/30</edXML:DueDate>
                        <edXML:OtherInfo><edXML:Priority>2</edXML:Priority>%s</edXML:OtherInfo>
                        <edXML:ResponseFor><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Code>12/VPCP-TH</edXML:Code><edXML:DocumentId>000.00.00.G22,2026/11/01,12/VPCP-TH</edXML:DocumentId></edXML:ResponseFor>
                      </edXML:MessageHeader>
                      <edXML:TraceHeaderList><edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType><edXML:BussinessDocReason>Văn bản điện tử mới</edXML:BussinessDocReason></edXML:Bussiness></edXML:TraceHeaderList>
                    </edXML:edXMLHeader>
                    <edXML:edXMLBody><edXML:edXMLManifest version="1.0">
                      <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>baocao.pdf</edXML:AttachmentName></edXML:Reference>
                    </edXML:edXMLManifest></edXML:edXMLBody>
                  </edXML:edXMLEnvelope>
                  <AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>%s</ContentTransferEncoded></Attachment></AttachmentEncoded>
                </edXML:edXML>
                """.formatted(
                        securityLevel == null ? "" : "<edXML:SecurityLevel>" + securityLevel + "</edXML:SecurityLevel>",
                        attachmentBase64);
    }

    private EdxmlReader reader(long maxPayload) {
        return new EdxmlReader(new AttachmentStore(storeDir), new EdxmlReader.Limits(maxPayload, 1 << 20, 5, 32));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheHeaderAndStreamsTheAttachmentIntoTheStore() throws IOException {
        byte[] pdf = "%PDF-1.7 a report".getBytes(StandardCharsets.UTF_8);
        // Base64 broken over lines, as real packages are.
        String encoded = Base64.getMimeEncoder(8, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pdf);
        OutgoingDocument doc = reader(1 << 20).read(bytes(sample(null, encoded)));

        assertEquals("000.00.00.H41", doc.senderCode());
        assertEquals(java.util.List.of("000.00.00.G22", "000.00.00.H30"), doc.recipients());
        assertEquals("000.00.00.H41,2026/11/20,7/UBND-VP", doc.header().documentId());
        assertEquals("7", doc.header().codeNumber());
        assertEquals("UBND-VP", doc.header().codeNotation());
        assertEquals(LocalDate.of(2026, 11, 20), doc.header().promulgationDate());
        assertEquals(LocalDate.of(2026, 11, 30), doc.header().dueDate());
        assertEquals("Công văn", doc.header().typeName());
        assertEquals("KT. CHỦ TỊCH", doc.header().signerCompetence());
        assertEquals(Urgency.VERY_URGENT, doc.header().urgency());
        assertEquals(BusinessType.NEW, doc.header().businessType());
        assertEquals("000.00.00.G22,2026/11/01,12/VPCP-TH", doc.header().responseFor());
        assertNull(doc.confidentiality());
        assertEquals(1, doc.attachments().size());
        var attachment = doc.attachments().get(0);
        assertEquals("baocao.pdf", attachment.name(), "the name comes from the manifest");
        assertEquals("application/pdf", attachment.contentType());
        assertEquals(pdf.length, attachment.content().size());
        try (InputStream stored =
                new AttachmentStore(storeDir).open(attachment.content().sha256())) {
            assertEquals(
                    new String(pdf, StandardCharsets.UTF_8), new String(stored.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(64, doc.payloadSha256().length());
    }

    @Test
    void aBareContentIdOnTheAttachmentFindsItsCidInTheManifest() {
        String bare = sample(null, "AAAA")
                .replace("<Attachment><ContentId>cid:1</ContentId>", "<Attachment><ContentId>1</ContentId>");
        var attachment = reader(1 << 20).read(bytes(bare)).attachments().get(0);
        assertEquals("1", attachment.contentId());
        assertEquals("baocao.pdf", attachment.name(), "the name comes from the manifest's cid:1");
        assertEquals("application/pdf", attachment.contentType());
    }

    @Test
    void thePackageIsKeptByteForByteUnderItsSha256() throws IOException {
        String text = sample(null, "AAAA");
        OutgoingDocument doc = reader(1 << 20).read(bytes(text));
        assertEquals(doc.payloadSha256(), doc.packageContent().sha256());
        assertEquals(
                text.getBytes(StandardCharsets.UTF_8).length,
                doc.packageContent().size());
        AttachmentStore store = new AttachmentStore(storeDir);
        store.promote(doc.packageContent());
        try (InputStream kept = store.open(doc.payloadSha256())) {
            assertEquals(text, new String(kept.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsTheSecurityLevelSoTheServiceCanRefuseIt() {
        assertEquals(
                "Tối mật",
                reader(1 << 20).read(bytes(sample("Tối mật", "AAAA"))).confidentiality());
    }

    @Test
    void externalEntityIsRefusedWithoutReadingTheFile() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><s>&secret;</s></edXML:edXML>
                """;
        DomainException refused =
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(xxe)));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertTrue(refused.code().startsWith("exchange.xml."), refused.code());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE edXML [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd
                + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><s>&lol9;</s></edXML:edXML>";
        DomainException refused =
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(bomb)));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
    }

    @Test
    void aPackageOverTheBoundIsRefusedAsTooLarge() {
        String big = sample(null, Base64.getEncoder().encodeToString(new byte[300_000]));
        DomainException refused =
                assertThrows(DomainException.class, () -> reader(100_000).read(bytes(big)));
        assertEquals(DomainException.Kind.TOO_LARGE, refused.kind());
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() {
        String deep = "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">" + "<a>".repeat(40)
                + "</a>".repeat(40) + "</edXML:edXML>";
        assertEquals(
                "exchange.xml.too-deep",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(deep)))
                        .code());
    }

    @Test
    void anotherRootOrNamespaceIsNotAnEdxmlPackage() {
        assertEquals(
                "exchange.edxml.root",
                assertThrows(
                                DomainException.class,
                                () -> reader(1 << 20).read(bytes("<edXML><MessageHeader/></edXML>")))
                        .code());
        assertEquals(
                "exchange.xml.malformed",
                assertThrows(
                                DomainException.class,
                                () -> reader(1 << 20)
                                        .read(
                                                bytes(
                                                        "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">")))
                        .code());
    }

    @Test
    void badDatesAndPrioritiesAreNamed() {
        String badDate = sample(null, "AAAA").replace("2026/11/30", "30/11/2026");
        assertEquals(
                "exchange.field.invalid",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(badDate)))
                        .code());
        String badPriority = sample(null, "AAAA").replace("<edXML:Priority>2<", "<edXML:Priority>7<");
        assertEquals(
                "exchange.urgency.unknown",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(badPriority)))
                        .code());
    }

    @Test
    void aPackageRefusedAfterItsAttachmentWasReadLeavesNoFileInTheStore() throws IOException {
        String encoded = Base64.getEncoder().encodeToString("đã đọc xong".getBytes(StandardCharsets.UTF_8));
        String bad = sample(null, encoded)
                .replace("<edXML:Priority>2</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>");

        assertEquals(
                "exchange.urgency.unknown",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(bad)))
                        .code());

        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(storeDir)) {
            assertEquals(
                    java.util.List.of(),
                    files.filter(java.nio.file.Files::isRegularFile).toList());
        }
    }

    @Test
    void aReadPackagesAttachmentIsStagedUntilItsDocumentCommits() {
        OutgoingDocument doc = reader(1 << 20).read(bytes(sample(null, "AAAA")));

        var content = doc.attachments().get(0).content();
        assertTrue(content.staging() != null && !new AttachmentStore(storeDir).holds(content.sha256()));
    }

    @Test
    void anAttachmentThatIsNotBase64IsRefused() {
        assertEquals(
                "exchange.attachment.base64",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(bytes(sample(null, "AAAA*!AA"))))
                        .code());
    }

    @Test
    void theEncodingIsTakenFromTheByteOrderMarkAndTheDeclaration() throws IOException {
        String utf8 = sample(null, "AAAA");
        String subject = reader(1 << 20).read(bytes(utf8)).header().subject();
        // A UTF-8 byte-order mark, and no declaration at all, are UTF-8 too.
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] withBom = concat(bom, utf8.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                subject,
                reader(1 << 20).read(new ByteArrayInputStream(withBom)).header().subject());
        String undeclared = utf8.substring(utf8.indexOf("?>") + 2).strip();
        assertEquals(subject, reader(1 << 20).read(bytes(undeclared)).header().subject());
        // Another declared encoding is read as declared, by the parser itself.
        String utf16 = utf8.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        assertEquals(
                subject,
                reader(1 << 20)
                        .read(new ByteArrayInputStream(utf16.getBytes(StandardCharsets.UTF_16)))
                        .header()
                        .subject());
        assertTrue(EdxmlReader.isUtf8(
                new java.io.BufferedInputStream(bytes("<?xml version='1.0' encoding='utf-8'?><a/>"))));
        assertTrue(!EdxmlReader.isUtf8(
                new java.io.BufferedInputStream(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"))));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsMalformed() {
        byte[] good = sample(null, "AAAA").getBytes(StandardCharsets.UTF_8);
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.indexOf("Công văn");
        byte[] bad = good.clone();
        bad[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] =
                (byte) 0xc3; // a lead byte before another lead byte
        assertEquals(
                "exchange.xml.malformed",
                assertThrows(DomainException.class, () -> reader(1 << 20).read(new ByteArrayInputStream(bad)))
                        .code());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
