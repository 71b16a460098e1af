package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.Certificates;
import vn.egov.exchange.application.OutgoingDocument;

class XmlSignaturesTest {

    static Certificates.Issued authority;
    static Certificates.Issued ngheAn;

    @TempDir
    Path storeDir;

    @BeforeAll
    static void issue() {
        authority = Certificates.demoAuthority();
        ngheAn = Certificates.agency("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An", authority);
    }

    private OutgoingDocument read(byte[] xml) {
        return new EdxmlReader(new AttachmentStore(storeDir), new EdxmlReader.Limits(1 << 22, 1 << 20, 5, 32))
                .read(new ByteArrayInputStream(xml));
    }

    private static byte[] signedSample() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.7 báo cáo".getBytes(StandardCharsets.UTF_8));
        return XmlSignatures.sign(
                EdxmlReaderTest.sample(null, pdf).strip().getBytes(StandardCharsets.UTF_8),
                ngheAn.key(),
                ngheAn.certificate());
    }

    @Test
    void aSignedPackageVerifiesFromItsEnvelopeAloneAndDeclaresItsAttachments() {
        OutgoingDocument doc = read(signedSample());
        XmlSignatures.Result result =
                XmlSignatures.verify(doc.envelope(), Set.of(new TrustAnchor(authority.certificate(), null)));
        assertTrue(result.signed());
        assertTrue(result.valid(), result.problem());
        assertEquals("000.00.00.H41", Certificates.commonName(result.signer()));
        assertEquals(
                doc.attachments().get(0).content().sha256(),
                doc.attachments().get(0).declaredSha256());
    }

    @Test
    void changingASignedFieldBreaksTheSignature() {
        String tampered = new String(signedSample(), StandardCharsets.UTF_8)
                .replace("V/v báo cáo tình hình mưa lũ", "V/v báo cáo tình hình nắng hạn");
        OutgoingDocument doc = read(tampered.getBytes(StandardCharsets.UTF_8));
        XmlSignatures.Result result =
                XmlSignatures.verify(doc.envelope(), Set.of(new TrustAnchor(authority.certificate(), null)));
        assertTrue(result.signed());
        assertFalse(result.valid());
    }

    @Test
    void changingAnAttachmentKeepsTheSignatureButNotTheDeclaredDigest() {
        String original = Base64.getEncoder().encodeToString("%PDF-1.7 báo cáo".getBytes(StandardCharsets.UTF_8));
        String other = Base64.getEncoder().encodeToString("%PDF-1.7 giả mạo".getBytes(StandardCharsets.UTF_8));
        String tampered = new String(signedSample(), StandardCharsets.UTF_8).replace(original, other);
        OutgoingDocument doc = read(tampered.getBytes(StandardCharsets.UTF_8));
        assertNotEquals(
                doc.attachments().get(0).content().sha256(),
                doc.attachments().get(0).declaredSha256());
    }

    @Test
    void aCertificateFromAnotherAuthorityIsNotTrusted() {
        Certificates.Issued stranger = Certificates.demoAuthority();
        OutgoingDocument doc = read(signedSample());
        XmlSignatures.Result result =
                XmlSignatures.verify(doc.envelope(), Set.of(new TrustAnchor(stranger.certificate(), null)));
        assertTrue(result.signed());
        assertFalse(result.valid());
    }

    @Test
    void anUnsignedPackageIsReportedUnsigned() {
        OutgoingDocument doc = read(EdxmlReaderTest.sample(null, "AAAA").strip().getBytes(StandardCharsets.UTF_8));
        assertFalse(XmlSignatures.verify(doc.envelope(), Set.of(new TrustAnchor(authority.certificate(), null)))
                .signed());
    }
}
