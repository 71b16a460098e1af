package vn.egov.common;

/**
 * An entry of a hash-chained log (the exchange log, the sharing platform's message log): its place in the chain, the
 * hash of the entry before it, its own stored hash, and that hash computed again from what it holds now.
 */
public interface ChainedEntry {

    long getSeq();

    String getPrevHash();

    String getEntryHash();

    /** The hash of what the entry holds now; differs from {@link #getEntryHash()} once the entry was changed. */
    String computeHash();
}
