package vn.egov.exchange.application;

/**
 * An attachment of a document being sent, already streamed into the attachment store, with the
 * SHA-256 the signed manifest declares for it (null when nothing declares one).
 */
public record IncomingAttachment(String contentId, String name, String contentType, StoredContent content,
        String declaredSha256) {
}
