package vn.egov.cabinet.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import vn.egov.common.DomainException;
import vn.egov.common.application.CertificatePaths;
import vn.egov.common.infrastructure.Pem;

/**
 * The canonical statements members sign and their verification. A statement is UTF-8 text, one
 * {@code name: value} line per field in a fixed order, LF line ends, times in UTC to the
 * millisecond; the server hands clients these exact bytes before they sign, so any client signs
 * them the same way. Signatures are SHA256withRSA (PKCS#1 v1.5) over those bytes, base64-encoded.
 */
public final class MemberSignatures {

    static final String ALGORITHM = "SHA256withRSA";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private MemberSignatures() {}

    /** What a member signs to vote: the meeting, the item, the vote, the option and the time. */
    public static String voteStatement(
            long meetingId,
            long itemId,
            long voteId,
            String question,
            String member,
            String option,
            String label,
            OffsetDateTime signedAt) {
        return "egov e-Cabinet vote v1\n"
                + "meeting: " + meetingId + "\n"
                + "item: " + itemId + "\n"
                + "vote: " + voteId + "\n"
                + "question: " + oneLine(question) + "\n"
                + "member: " + member + "\n"
                + "option: " + option + " (" + oneLine(label) + ")\n"
                + "time: " + time(signedAt) + "\n";
    }

    /** What a member signs to answer an opinion ballot, including the text of an "other opinion". */
    public static String answerStatement(
            long ballotId,
            String question,
            String member,
            String option,
            String label,
            String text,
            OffsetDateTime signedAt) {
        return "egov e-Cabinet opinion ballot answer v1\n"
                + "ballot: " + ballotId + "\n"
                + "question: " + oneLine(question) + "\n"
                + "member: " + member + "\n"
                + "option: " + option + " (" + oneLine(label) + ")\n"
                + "text: " + oneLine(text == null ? "" : text) + "\n"
                + "time: " + time(signedAt) + "\n";
    }

    /** The time a client-signed statement names: not in the future, not older than the validity window. */
    static OffsetDateTime checkedTime(OffsetDateTime signedAt, OffsetDateTime now, long validitySeconds) {
        if (signedAt == null) {
            throw DomainException.invalid("cabinet.signed-at.required", "signedAt (from the statement) is required");
        }
        if (signedAt.isAfter(now.plusSeconds(30)) || signedAt.isBefore(now.minusSeconds(validitySeconds))) {
            throw DomainException.invalid(
                    "cabinet.statement.stale",
                    "the statement was made at " + signedAt + "; ask for a new one (valid " + validitySeconds + " s)");
        }
        return signedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static String time(OffsetDateTime at) {
        return TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Line breaks would make two statements ambiguous: they are written as a visible escape. */
    private static String oneLine(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    static byte[] sign(PrivateKey key, byte[] statement) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(statement);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the member's key", e);
        }
    }

    /**
     * Whether the base64 signature is the certificate's key over the statement, made while the
     * certificate was valid, by a certificate that chains to a trusted CA (the platform's one
     * verifier, {@link CertificatePaths}). Anything malformed is simply not valid.
     */
    public static boolean verify(
            String statement,
            String signatureBase64,
            String certificatePem,
            OffsetDateTime signedAt,
            Set<TrustAnchor> anchors) {
        try {
            X509Certificate certificate = Pem.certificate(certificatePem);
            return CertificatePaths.verify(certificate, List.of(), anchors, signedAt.toInstant())
                            .trusted()
                    && signatureVerifies(statement, signatureBase64, certificate);
        } catch (RuntimeException e) {
            // a certificate that cannot be read
            return false;
        }
    }

    private static boolean signatureVerifies(String statement, String signatureBase64, X509Certificate certificate) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(statement.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // malformed, or a signature that does not verify
            return false;
        }
    }

    /**
     * Refuses a signature unless the member's registered certificate is trusted at the signing time
     * (code {@code cabinet.certificate.untrusted}, {@code .expired}, {@code .not-yet-valid} or
     * {@code .key-usage}) and the signature verifies over the statement ({@code cabinet.signature.invalid}).
     */
    static void requireValid(
            String statement,
            String signatureBase64,
            String certificatePem,
            OffsetDateTime signedAt,
            Set<TrustAnchor> anchors) {
        if (signatureBase64 == null || signatureBase64.isBlank()) {
            throw DomainException.invalid("cabinet.signature.required", "a signature or the signing PIN is required");
        }
        X509Certificate certificate = Pem.certificate(certificatePem);
        requireTrusted(CertificatePaths.verify(certificate, List.of(), anchors, signedAt.toInstant()));
        if (!signatureVerifies(statement, signatureBase64, certificate)) {
            throw DomainException.invalid(
                    "cabinet.signature.invalid",
                    "the signature does not verify with the member's registered certificate over the statement");
        }
    }

    /** A refusal with a stable code for each reason a certificate is not accepted. */
    static void requireTrusted(CertificatePaths.Verdict verdict) {
        if (verdict.trusted()) {
            return;
        }
        String code = switch (verdict.problem()) {
            case UNTRUSTED -> "cabinet.certificate.untrusted";
            case EXPIRED -> "cabinet.certificate.expired";
            case NOT_YET_VALID -> "cabinet.certificate.not-yet-valid";
            case KEY_USAGE -> "cabinet.certificate.key-usage";
        };
        throw DomainException.invalid(code, verdict.detail());
    }

    static String subject(String certificatePem) {
        return Pem.certificate(certificatePem).getSubjectX500Principal().getName();
    }
}
