package vn.egov.cabinet.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;
import vn.egov.common.application.TestCertificates;
import vn.egov.common.application.TestCertificates.Holder;
import vn.egov.common.infrastructure.Pem;

class MemberSignaturesTest {

    private static final Holder CA = TestCertificates.authority("Government CA");
    private static final Set<TrustAnchor> TRUSTED = Set.of(new TrustAnchor(CA.certificate(), null));

    private static String statement(OffsetDateTime at) {
        return MemberSignatures.voteStatement(1, 2, 3, "Thông qua dự thảo?", "bt.tuphap", "AGREE", "Đồng ý", at);
    }

    private static String sign(Holder holder, String statement) {
        return Base64.getEncoder()
                .encodeToString(MemberSignatures.sign(holder.key(), statement.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aVoteSignedOnTheMembersOwnDeviceVerifiesWithTheirTrustedCertificate() {
        Holder member = TestCertificates.signer("CN=bt.tuphap", CA);
        OffsetDateTime now = OffsetDateTime.now();
        String statement = statement(now);
        MemberSignatures.requireValid(statement, sign(member, statement), Pem.of(member.certificate()), now, TRUSTED);
        assertTrue(MemberSignatures.verify(
                statement, sign(member, statement), Pem.of(member.certificate()), now, TRUSTED));
    }

    @Test
    void aSignatureWhoseCertificateDoesNotChainToTheTrustedCaIsRefusedAsUntrusted() {
        Holder homeMade = TestCertificates.authority("Government CA");
        Holder member = TestCertificates.signer("CN=bt.tuphap", homeMade);
        OffsetDateTime now = OffsetDateTime.now();
        String statement = statement(now);
        DomainException refused = assertThrows(
                DomainException.class,
                () -> MemberSignatures.requireValid(
                        statement, sign(member, statement), Pem.of(member.certificate()), now, TRUSTED));
        assertEquals("cabinet.certificate.untrusted", refused.code());
        assertFalse(MemberSignatures.verify(
                statement, sign(member, statement), Pem.of(member.certificate()), now, TRUSTED));
    }

    @Test
    void aSignatureByAnotherKeyThanTheRegisteredCertificatesIsInvalid() {
        Holder registered = TestCertificates.signer("CN=bt.tuphap", CA);
        Holder other = TestCertificates.signer("CN=bt.tuphap", CA);
        OffsetDateTime now = OffsetDateTime.now();
        String statement = statement(now);
        DomainException refused = assertThrows(
                DomainException.class,
                () -> MemberSignatures.requireValid(
                        statement, sign(other, statement), Pem.of(registered.certificate()), now, TRUSTED));
        assertEquals("cabinet.signature.invalid", refused.code());
    }

    @Test
    void aChangedStatementNoLongerVerifies() {
        Holder member = TestCertificates.signer("CN=bt.tuphap", CA);
        OffsetDateTime now = OffsetDateTime.now();
        String signature = sign(member, statement(now));
        String changed = statement(now).replace("AGREE (Đồng ý)", "DISAGREE (Không đồng ý)");
        assertFalse(MemberSignatures.verify(changed, signature, Pem.of(member.certificate()), now, TRUSTED));
    }
}
