package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/**
 * A statement a member signed, as kept with their vote ballot or opinion-ballot answer: the exact
 * statement bytes (UTF-8 text), the signature over them (base64), the certificate that verifies it
 * (PEM) and its subject, the signing time the statement names, and where it was signed. One type
 * for both, so both are kept, shown and re-verified the same way; the columns have the same names
 * and sizes in both tables (migration V9 aligned them).
 */
@Embeddable
public class SignedStatement {

    @Column(name = "statement", length = 6000)
    private String statement;

    @Column(name = "signature", length = 1000)
    private String signature;

    @Column(name = "certificate", length = 4000)
    private String certificate;

    @Column(name = "signer_subject", length = 300)
    private String signerSubject;

    @Column(name = "signed_at")
    private OffsetDateTime signedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10)
    private Channel channel;

    protected SignedStatement() {}

    public SignedStatement(SignedChoice choice) {
        this.statement = choice.statement();
        this.signature = choice.signature();
        this.certificate = choice.certificatePem();
        this.signerSubject = choice.signerSubject();
        this.signedAt = choice.signedAt();
        this.channel = choice.channel();
    }

    public String getStatement() {
        return statement;
    }

    public String getSignature() {
        return signature;
    }

    public String getCertificate() {
        return certificate;
    }

    public String getSignerSubject() {
        return signerSubject;
    }

    public OffsetDateTime getSignedAt() {
        return signedAt;
    }

    public Channel getChannel() {
        return channel;
    }
}
