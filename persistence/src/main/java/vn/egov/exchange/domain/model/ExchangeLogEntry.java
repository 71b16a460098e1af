package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import vn.egov.common.ChainedEntry;
import vn.egov.common.Digests;

/**
 * One entry of the append-only exchange log. Its hash covers every field and the previous entry's
 * hash, so changing, removing or inserting an entry breaks every later link and a verification run
 * finds the first broken one.
 */
@Entity
@Table(name = "exchange_log")
public class ExchangeLogEntry implements ChainedEntry {

    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "action", nullable = false, length = 20)
    private String action;

    @Column(name = "document_pk")
    private Long documentPk;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "actor", length = 100)
    private String actor;

    @Column(name = "detail", length = 8000)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String entryHash;

    protected ExchangeLogEntry() {}

    public ExchangeLogEntry(
            long seq,
            OffsetDateTime recordedAt,
            String action,
            Long documentPk,
            String agencyCode,
            String actor,
            String detail,
            String prevHash) {
        this.seq = seq;
        // Databases keep microseconds at best: hash what will be read back.
        this.recordedAt = recordedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        this.action = action;
        this.documentPk = documentPk;
        this.agencyCode = agencyCode;
        this.actor = actor == null || actor.length() <= 100 ? actor : actor.substring(0, 100);
        this.detail = detail == null || detail.length() <= 8000 ? detail : detail.substring(0, 8000);
        this.prevHash = prevHash;
        this.entryHash = computeHash();
    }

    /** The hash this entry should carry, from its fields as stored now. */
    @Override
    public String computeHash() {
        String canonical = String.join(
                "\n",
                Long.toString(seq),
                Long.toString(recordedAt.toInstant().toEpochMilli()),
                action,
                documentPk == null ? "" : documentPk.toString(),
                nullToEmpty(agencyCode),
                nullToEmpty(actor),
                nullToEmpty(detail),
                prevHash);
        return Digests.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public long getSeq() {
        return seq;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public String getAction() {
        return action;
    }

    public Long getDocumentPk() {
        return documentPk;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getActor() {
        return actor;
    }

    public String getDetail() {
        return detail;
    }

    @Override
    public String getPrevHash() {
        return prevHash;
    }

    @Override
    public String getEntryHash() {
        return entryHash;
    }
}
