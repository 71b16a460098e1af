package vn.egov.exchange.application;

/** An attachment of a document being sent, already streamed into the attachment store. */
public record IncomingAttachment(String contentId, String name, String contentType, StoredContent content) {
}
