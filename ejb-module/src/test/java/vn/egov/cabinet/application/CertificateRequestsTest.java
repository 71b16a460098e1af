package vn.egov.cabinet.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;
import vn.egov.common.application.TestCertificates;

class CertificateRequestsTest {

    private static String request(KeyPair subject, KeyPair signer, String algorithm) throws Exception {
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=member.g07"), subject.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate()))
                .getEncoded();
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    @Test
    void aRequestSignedByTheKeyItCarriesYieldsThatKey() throws Exception {
        KeyPair device = TestCertificates.rsa();
        assertEquals(device.getPublic(), CertificateRequests.provenKey(request(device, device, "SHA256withRSA")));
    }

    @Test
    void aRequestForSomeoneElsesKeyIsRefused() throws Exception {
        KeyPair victim = TestCertificates.rsa();
        KeyPair attacker = TestCertificates.rsa();
        DomainException refused = assertThrows(
                DomainException.class, () -> CertificateRequests.provenKey(request(victim, attacker, "SHA256withRSA")));
        assertEquals("cabinet.certificate-request.malformed", refused.code());
    }

    @Test
    void anEllipticCurveKeyIsRefusedBecauseMembersSignWithRsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ec = generator.generateKeyPair();
        DomainException refused = assertThrows(
                DomainException.class, () -> CertificateRequests.provenKey(request(ec, ec, "SHA256withECDSA")));
        assertEquals("cabinet.certificate.algorithm", refused.code());
    }

    @Test
    void somethingElseThanARequestIsRefused() {
        assertEquals(
                "cabinet.certificate-request.malformed",
                assertThrows(DomainException.class, () -> CertificateRequests.provenKey("xin chào"))
                        .code());
        assertEquals(
                "cabinet.certificate-request.malformed",
                assertThrows(DomainException.class, () -> CertificateRequests.provenKey(null))
                        .code());
    }
}
