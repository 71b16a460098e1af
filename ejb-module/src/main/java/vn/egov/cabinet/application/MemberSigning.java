package vn.egov.cabinet.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.application.CabinetViews.SignedRequest;
import vn.egov.cabinet.domain.model.Channel;
import vn.egov.cabinet.domain.model.SignedChoice;
import vn.egov.common.application.CertificatePaths;

/**
 * The one way a member's choice gets signed, for votes and ballot answers alike: remotely with the
 * PIN (signed now), or by the member's own client (the time its statement names, within the
 * validity window); either way verified with the member's registered certificate before it is kept.
 */
@ApplicationScoped
public class MemberSigning {

    @Inject
    private MemberKeys keys;

    @Inject
    private CertificatePaths paths;

    @Inject
    @ConfigProperty(name = "egov.cabinet.statement-validity-seconds", defaultValue = "300")
    private long statementValiditySeconds;

    /** statementAt gives the canonical statement for a signing time. */
    SignedChoice sign(
            String username,
            SignedRequest request,
            OffsetDateTime now,
            Function<OffsetDateTime, String> statementAt,
            String option,
            Channel channel) {
        OffsetDateTime signedAt = request.pin() != null
                ? now
                : MemberSignatures.checkedTime(request.signedAt(), now, statementValiditySeconds);
        String statement = statementAt.apply(signedAt);
        String certificate = keys.certificate(username);
        String signature = request.pin() != null
                ? Base64.getEncoder()
                        .encodeToString(
                                keys.signWithPin(username, request.pin(), statement.getBytes(StandardCharsets.UTF_8)))
                : request.signature();
        MemberSignatures.requireValid(statement, signature, certificate, signedAt, paths.anchors());
        return new SignedChoice(
                option, statement, signature, certificate, MemberSignatures.subject(certificate), signedAt, channel);
    }
}
