package vn.egov.exchange.application;

import vn.egov.common.infrastructure.StoredContent;

/**
 * An attachment of a document being sent, with the SHA-256 the signed manifest declares for it
 * (null when nothing declares one). Its content is either staged in the attachment store already
 * (edXML, streamed there while the package was read) or still in memory ({@code unstaged}, a JSON
 * send's decoded bytes; {@code content} then describes them): the service stages it only once
 * every check of the send has passed.
 */
public record IncomingAttachment(
        String contentId,
        String name,
        String contentType,
        StoredContent content,
        String declaredSha256,
        byte[] unstaged) {

    /** An attachment whose content is staged already. */
    public IncomingAttachment(
            String contentId, String name, String contentType, StoredContent content, String declaredSha256) {
        this(contentId, name, contentType, content, declaredSha256, null);
    }

    /** An attachment still in memory, to be staged once its send passed every check. */
    public static IncomingAttachment inMemory(String contentId, String name, String contentType, byte[] bytes) {
        return new IncomingAttachment(
                contentId,
                name,
                contentType,
                new StoredContent(vn.egov.common.Digests.sha256Hex(bytes), bytes.length),
                null,
                bytes);
    }

    /** The same attachment with its content staged. */
    public IncomingAttachment staged(StoredContent stagedContent) {
        return new IncomingAttachment(contentId, name, contentType, stagedContent, declaredSha256, null);
    }
}
