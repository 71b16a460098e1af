package vn.egov.cabinet.domain.model;

import java.time.OffsetDateTime;

/**
 * A choice as a member signed it: the exact statement bytes (UTF-8 text), the signature over them
 * (base64), the certificate that verifies it (PEM) and its subject, and the signing time the
 * statement names.
 */
public record SignedChoice(
        String option,
        String statement,
        String signature,
        String certificatePem,
        String signerSubject,
        OffsetDateTime signedAt,
        Channel channel) {}
