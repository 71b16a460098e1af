package vn.egov.sharing.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The message log's single head row: the last sequence number and hash. Every append locks it for
 * the rest of its (short) transaction, so the chain has no gaps or forks.
 */
@Entity
@Table(name = "sharing_log_head")
public class MessageLogHead {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 128)
    private String lastHash;

    protected MessageLogHead() {}

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
