package vn.egov.exchange.application;

import java.util.List;
import vn.egov.common.infrastructure.StoredContent;
import vn.egov.exchange.domain.model.ExchangeDocument;

/**
 * A send that passed every check (caller, fields, recipients, attachments, signature) and now only
 * needs writing: plain values, nothing tied to the request that made it, so the committer can write
 * it together with others in one transaction. {@code packageContent}: the edXML package as sent,
 * staged (null for JSON).
 */
public record CheckedSend(
        String sender,
        String senderName,
        String actor,
        ExchangeDocument.Header header,
        List<Recipient> recipients,
        List<IncomingAttachment> attachments,
        String payloadSha256,
        ExchangeSignatures.Verdict signature,
        List<String> warnings,
        StoredContent packageContent) {

    public CheckedSend {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public record Recipient(String code, String name) {}

    /** What makes two sends the same document: the sender and its edXML DocumentId. */
    public record Key(String sender, String documentId) {}

    public Key key() {
        return new Key(sender, header.documentId());
    }
}
