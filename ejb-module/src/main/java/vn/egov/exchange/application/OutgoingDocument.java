package vn.egov.exchange.application;

import java.util.List;
import vn.egov.exchange.domain.model.ExchangeDocument;

/**
 * A document as a sender hands it to the axis, from edXML or from JSON: one shape, one validation.
 * {@code senderCode} is what the message claims (edXML {@code From/OrganId}); the service checks it
 * against the caller's agency.
 */
public record OutgoingDocument(String senderCode, ExchangeDocument.Header header, List<String> recipients,
        String confidentiality, List<IncomingAttachment> attachments, String payloadSha256) {
}
