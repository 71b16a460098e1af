package vn.egov.cabinet.application;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import vn.egov.common.DomainException;

/**
 * PKCS#10 certification requests (read with BouncyCastle): the public key of a request whose
 * signature proves that its sender holds the matching private key.
 */
final class CertificateRequests {

    private CertificateRequests() {}

    static PublicKey provenKey(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (!(parsed instanceof PKCS10CertificationRequest request)) {
            throw DomainException.invalid(
                    "cabinet.certificate-request.malformed",
                    "the body must be a PKCS#10 "
                            + "certification request in PEM form (-----BEGIN CERTIFICATE REQUEST-----)");
        }
        try {
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
            PublicKey key = jca.getPublicKey();
            if (!"RSA".equals(key.getAlgorithm())) {
                throw DomainException.invalid(
                        "cabinet.certificate.algorithm",
                        "members sign with " + MemberSignatures.ALGORITHM + ": the request needs an RSA key");
            }
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw DomainException.invalid(
                        "cabinet.certificate-request.malformed", "the request is not signed by the key it carries");
            }
            return key;
        } catch (java.security.GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw DomainException.invalid(
                    "cabinet.certificate-request.malformed", "the request cannot be read: " + e.getMessage());
        }
    }
}
