package vn.egov.exchange.application;

/** A file kept in the attachment store: its SHA-256 (hex, its name in the store) and its size. */
public record StoredContent(String sha256, long size) {
}
