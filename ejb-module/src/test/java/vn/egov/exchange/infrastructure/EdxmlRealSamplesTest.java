package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.exchange.application.HeaderFormats;
import vn.egov.exchange.application.IncomingAttachment;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.Urgency;

/**
 * The documents real clients send (src/test/resources/edxml/real, see its SOURCE.md), read unchanged:
 * default namespace on the root, unprefixed attachments, {@code cid:} ContentIds, a CodeNumber that
 * is not a number, a DocumentId naming another agency, and the VNPT library's Signature element in
 * the edXML namespace. Each reads with the values a recipient expects and the warnings it earns.
 */
class EdxmlRealSamplesTest {

    private static final String SUBJECT = "V/v kết nối, liên thông phần mềm quản lý văn bản";
    private static final String FILE = "1896_QD-TTg_m_294779.doc";
    private static final Pattern ENCODED = Pattern.compile("ContentTransferEncoded[^>]*>([^<]*)<");

    @TempDir
    Path storeDir;

    private OutgoingDocument read(String name) throws IOException {
        EdxmlReader reader =
                new EdxmlReader(new AttachmentStore(storeDir), new EdxmlReader.Limits(2_000_000, 1 << 20, 5, 32));
        try (InputStream in = resource(name)) {
            return reader.read(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EdxmlRealSamplesTest.class.getResourceAsStream("/edxml/real/" + name);
        assertNotNull(in, name);
        return in;
    }

    /** The attachment's bytes as the package carries them, decoded here independently of the reader. */
    private static byte[] encodedAttachment(String name) throws IOException {
        String text;
        try (InputStream in = resource(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = ENCODED.matcher(text);
        m.find();
        return Base64.getMimeDecoder().decode(m.group(1));
    }

    private static void assertAttachment(OutgoingDocument doc, String sample, long size) throws IOException {
        assertEquals(1, doc.attachments().size());
        IncomingAttachment a = doc.attachments().get(0);
        assertEquals("cid:209", a.contentId());
        assertEquals(FILE, a.name());
        assertEquals("application/zip", a.contentType());
        byte[] expected = encodedAttachment(sample);
        assertEquals(size, expected.length);
        assertEquals(size, a.content().size());
        assertEquals(
                vn.egov.common.Digests.hex(vn.egov.common.Digests.sha256().digest(expected)),
                a.content().sha256());
        assertEquals('P', (char) expected[0], "a zip, as the manifest says");
        assertEquals('K', (char) expected[1]);
    }

    @Test
    void aNewDocumentFromAClientThatWritesItsOwnFormatsIsReadWithWarnings() throws IOException {
        OutgoingDocument doc = read("edoc_new.edxml");

        assertEquals("000.00.00.A80", doc.senderCode());
        assertEquals(List.of("28.22.H17"), doc.recipients(), "read as sent; the service checks agency codes");
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", doc.header().documentId());
        assertEquals("74fass22", doc.header().codeNumber());
        assertEquals("VPCP-TTĐT", doc.header().codeNotation());
        assertEquals(SUBJECT, doc.header().subject());
        assertEquals("Công văn", doc.header().typeName());
        assertEquals(1, doc.header().typeCode());
        assertEquals("Hà Nội", doc.header().promulgationPlace());
        assertEquals(LocalDate.of(2019, 1, 16), doc.header().promulgationDate());
        assertEquals(LocalDate.of(2018, 9, 28), doc.header().dueDate());
        assertEquals("TL. BO TRUONG", doc.header().signerCompetence());
        assertEquals("Nguyen Thanh Phuc", doc.header().signerName());
        assertEquals(Urgency.NORMAL, doc.header().urgency());
        assertEquals(BusinessType.NEW, doc.header().businessType());
        assertEquals("Văn bản điện tử mới", doc.header().businessReason());
        assertNull(doc.header().responseFor());
        assertNull(doc.confidentiality());
        assertAttachment(doc, "edoc_new.edxml", 270_823);
        assertEquals(
                List.of(
                        HeaderFormats.DOCUMENT_ID_NONSTANDARD,
                        HeaderFormats.CODE_NUMBER_NONSTANDARD,
                        HeaderFormats.DUE_BEFORE_ISSUE,
                        HeaderFormats.SIGNATURE_NOT_XMLDSIG),
                doc.warnings());
        assertNotNull(doc.envelope(), "kept for the signature check, which will find it unsigned");
    }

    @Test
    void anUpdateToThreeAgenciesKeepsTheFormatsButNotTheSignatureStandard() throws IOException {
        OutgoingDocument doc = read("edoc_update.edxml");

        assertEquals("000.00.00.G22", doc.senderCode());
        assertEquals(List.of("000.00.00.H41", "000.00.00.H14", "000.00.00.G17"), doc.recipients());
        assertEquals("7816", doc.header().codeNumber());
        assertEquals(LocalDate.of(2018, 9, 28), doc.header().promulgationDate());
        assertEquals(BusinessType.UPDATE, doc.header().businessType());
        assertEquals("Cập nhật văn bản điện tử", doc.header().businessReason());
        assertAttachment(doc, "edoc_update.edxml", 270_823);
        assertEquals(List.of(HeaderFormats.SIGNATURE_NOT_XMLDSIG), doc.warnings());
    }

    @Test
    void aReplacementIsReadAsReplace() throws IOException {
        OutgoingDocument doc = read("edoc_replacement.edxml");

        assertEquals(BusinessType.REPLACE, doc.header().businessType());
        assertEquals("Văn bản thay thế", doc.header().businessReason());
        assertEquals(SUBJECT, doc.header().subject());
        assertAttachment(doc, "edoc_replacement.edxml", 270_823);
        assertEquals(List.of(HeaderFormats.SIGNATURE_NOT_XMLDSIG), doc.warnings());
    }

    @Test
    void aRevocationNamesTheDocumentItAnswers() throws IOException {
        OutgoingDocument doc = read("edoc_revocation.edxml");

        assertEquals(BusinessType.RECALL, doc.header().businessType());
        assertEquals("Thu hồi văn bản điện tử", doc.header().businessReason());
        assertEquals("000.00.04.G14,2012/08/06,267/VPCP-TTĐT", doc.header().responseFor());
        assertAttachment(doc, "edoc_revocation.edxml", 270_823);
        assertEquals(List.of(HeaderFormats.SIGNATURE_NOT_XMLDSIG), doc.warnings());
    }

    @Test
    void aDocumentAsTheAxisHandsItToTheSdkIsRead() throws IOException {
        OutgoingDocument doc = read("dc0bdef0-c7a3-4aaf-b717-777303442973.edxml");

        assertEquals("000.00.00.G22", doc.senderCode());
        assertEquals(List.of("000.00.00.H41", "000.00.00.H14", "000.00.00.G17"), doc.recipients());
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", doc.header().documentId());
        assertEquals("7816", doc.header().codeNumber());
        assertEquals("VPCP-TTĐT", doc.header().codeNotation());
        assertEquals(SUBJECT, doc.header().subject());
        assertEquals(LocalDate.of(2019, 4, 11), doc.header().promulgationDate());
        assertEquals(LocalDate.of(2019, 4, 11), doc.header().dueDate());
        assertEquals(1, doc.header().steeringType());
        assertAttachment(doc, "dc0bdef0-c7a3-4aaf-b717-777303442973.edxml", 4151);
        assertEquals(List.of(HeaderFormats.SIGNATURE_NOT_XMLDSIG), doc.warnings());
    }

    @Test
    void anEmptySignatureElementIsAWarningNotARefusal() throws IOException {
        String text;
        try (InputStream in = resource("dc0bdef0-c7a3-4aaf-b717-777303442973.edxml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String emptied = text.replaceAll("(?s)<Signature>.*</Signature>", "<Signature/>");
        EdxmlReader reader =
                new EdxmlReader(new AttachmentStore(storeDir), new EdxmlReader.Limits(2_000_000, 1 << 20, 5, 32));
        OutgoingDocument doc = reader.read(new java.io.ByteArrayInputStream(emptied.getBytes(StandardCharsets.UTF_8)));

        assertEquals(SUBJECT, doc.header().subject());
        assertEquals(List.of(HeaderFormats.SIGNATURE_NOT_XMLDSIG, HeaderFormats.SIGNATURE_EMPTY), doc.warnings());
    }
}
