package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The exchange log's single head row: the last sequence number and hash. Every append locks it for
 * the rest of its transaction, which puts log entries (and inbox positions) in commit order.
 */
@Entity
@Table(name = "exchange_log_head")
public class ExchangeLogHead {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected ExchangeLogHead() {}

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
