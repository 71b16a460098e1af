package vn.egov.common.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import vn.egov.common.application.CertificatePaths.Problem;
import vn.egov.common.application.TestCertificates.Holder;

class CertificatePathsTest {

    private static final Holder NATIONAL_CA = TestCertificates.authority("National Root CA");
    private static final Set<TrustAnchor> TRUSTED = Set.of(new TrustAnchor(NATIONAL_CA.certificate(), null));

    @Test
    void aMemberCertificateIssuedByTheTrustedAuthorityIsAccepted() {
        Holder minister = TestCertificates.signer("CN=bt.tuphap,O=Bộ trưởng", NATIONAL_CA);
        assertTrue(CertificatePaths.verify(minister.certificate(), List.of(), TRUSTED, Instant.now())
                .trusted());
    }

    @Test
    void aCertificateThroughAnIntermediateAuthorityIsAcceptedWithItsChain() {
        Holder provincial = TestCertificates.intermediate("Provincial CA", NATIONAL_CA);
        Holder clerk = TestCertificates.signer("CN=000.00.00.H41", provincial);
        assertTrue(
                CertificatePaths.verify(clerk.certificate(), List.of(provincial.certificate()), TRUSTED, Instant.now())
                        .trusted());
        assertEquals(
                Problem.UNTRUSTED,
                CertificatePaths.verify(clerk.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void aCertificateFromAnAuthorityNobodyTrustsIsRefused() {
        Holder selfMade = TestCertificates.authority("Home-made CA");
        Holder member = TestCertificates.signer("CN=bt.tuphap", selfMade);
        assertEquals(
                Problem.UNTRUSTED,
                CertificatePaths.verify(member.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void anAuthorityWhoseNameIsCopiedButKeyDiffersIsNotTrusted() {
        Holder impostor = TestCertificates.authority("National Root CA");
        Holder member = TestCertificates.signer("CN=bt.tuphap", impostor);
        assertEquals(
                Problem.UNTRUSTED,
                CertificatePaths.verify(member.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void anExpiredCertificateIsRefusedButWhatItSignedWhileValidStillVerifies() {
        Instant from = Instant.now().minusSeconds(86400 * 10);
        Instant until = Instant.now().minusSeconds(86400);
        Holder member = TestCertificates.signer("CN=bt.tuphap", NATIONAL_CA, from, until, KeyUsage.digitalSignature);
        assertEquals(
                Problem.EXPIRED,
                CertificatePaths.verify(member.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
        assertTrue(CertificatePaths.verify(
                        member.certificate(), List.of(), TRUSTED, Instant.now().minusSeconds(86400 * 2))
                .trusted());
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        Holder member = TestCertificates.signer(
                "CN=bt.tuphap",
                NATIONAL_CA,
                Instant.now().plusSeconds(86400),
                Instant.now().plusSeconds(86400 * 30),
                KeyUsage.digitalSignature);
        assertEquals(
                Problem.NOT_YET_VALID,
                CertificatePaths.verify(member.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void aKeyMeantOnlyForEncryptionCannotSign() {
        Holder member = TestCertificates.signer(
                "CN=bt.tuphap",
                NATIONAL_CA,
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86400),
                KeyUsage.keyEncipherment);
        assertEquals(
                Problem.KEY_USAGE,
                CertificatePaths.verify(member.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void theAuthorityItselfIsNoSigner() {
        assertEquals(
                Problem.KEY_USAGE,
                CertificatePaths.verify(NATIONAL_CA.certificate(), List.of(), TRUSTED, Instant.now())
                        .problem());
    }

    @Test
    void withNoAuthorityTrustedNothingIsAccepted() {
        Holder member = TestCertificates.signer("CN=bt.tuphap", NATIONAL_CA);
        assertEquals(
                Problem.UNTRUSTED,
                CertificatePaths.verify(member.certificate(), List.of(), Set.of(), Instant.now())
                        .problem());
    }
}
