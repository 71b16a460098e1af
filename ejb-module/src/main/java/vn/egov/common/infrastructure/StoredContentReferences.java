package vn.egov.common.infrastructure;

import java.util.Collection;
import java.util.Set;

/**
 * What an area that keeps files in the shared {@link AttachmentStore} tells the store's sweep: of
 * some SHA-256 hashes, those its committed records refer to. Every area storing files provides one
 * (a CDI bean), so the sweep never removes a file one area still needs because another area does
 * not know it.
 */
public interface StoredContentReferences {

    /** Of {@code hashes}, those some committed record of this area refers to; called inside a transaction. */
    Set<String> referenced(Collection<String> hashes);
}
