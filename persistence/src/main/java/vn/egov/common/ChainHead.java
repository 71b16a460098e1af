package vn.egov.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The single head row of a hash-chained log (the exchange log, the sharing platform's message log): the last sequence
 * number given and the last entry's hash. Every append locks it for the rest of its transaction, so the chain has no
 * gaps or forks and its entries are in commit order. Each log maps it to a table of its own.
 */
@MappedSuperclass
public abstract class ChainHead {

    /** The id of the one row. */
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    /** 64 hex digits (SHA-256, the exchange log) or 128 (SHA-512, the message log); the tables say which. */
    @Column(name = "last_hash", nullable = false, length = 128)
    private String lastHash;

    protected ChainHead() {}

    /** The next sequence number, taken. */
    public long next() {
        return ++lastSeq;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }
}
