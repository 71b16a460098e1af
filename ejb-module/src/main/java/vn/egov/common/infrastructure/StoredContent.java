package vn.egov.common.infrastructure;

/**
 * A file of the attachment store: its SHA-256 (hex, its name in the store), its size, and while its
 * document is not yet committed, the name of its staged copy ({@code staging}; null once it is in
 * the store, or for content not written anywhere yet).
 */
public record StoredContent(String sha256, long size, String staging) {

    /** Content that is in the store proper (or only described), not staged. */
    public StoredContent(String sha256, long size) {
        this(sha256, size, null);
    }
}
