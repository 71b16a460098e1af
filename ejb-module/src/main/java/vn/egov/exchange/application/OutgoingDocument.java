package vn.egov.exchange.application;

import java.util.List;
import org.w3c.dom.Document;
import vn.egov.common.infrastructure.StoredContent;
import vn.egov.exchange.domain.model.ExchangeDocument;

/**
 * A document as a sender hands it to the axis, from edXML or from JSON: one shape, one validation.
 * {@code senderCode} is what the message claims (edXML {@code From/OrganId}); the service checks it
 * against the caller's agency. {@code envelope} is the edXML envelope as a document of its own, for
 * checking its signature (null for JSON). {@code warnings} are the {@link HeaderFormats} codes the
 * edXML reader found (always empty for JSON, which must keep the formats). {@code packageContent} is
 * the whole edXML package as it arrived, staged in the attachment store (null for JSON), kept with the
 * document so a recipient can fetch it exactly as sent.
 */
public record OutgoingDocument(
        String senderCode,
        ExchangeDocument.Header header,
        List<String> recipients,
        String confidentiality,
        List<IncomingAttachment> attachments,
        String payloadSha256,
        Document envelope,
        List<String> warnings,
        StoredContent packageContent) {

    public OutgoingDocument {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A document with no warnings: a JSON send. */
    public OutgoingDocument(
            String senderCode,
            ExchangeDocument.Header header,
            List<String> recipients,
            String confidentiality,
            List<IncomingAttachment> attachments,
            String payloadSha256,
            Document envelope) {
        this(senderCode, header, recipients, confidentiality, attachments, payloadSha256, envelope, List.of(), null);
    }
}
