package vn.egov.sharing.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.egov.common.ChainedEntry;
import vn.egov.common.Digests;

/**
 * Nhật ký giao dịch — one call through the gateway, refused ones included: who called which service
 * for which user and dossier, when, how long it took, the sizes, the status, and the SHA-512 digests
 * of the request and answer bodies. Its hash covers every field and the previous entry's hash, so
 * changing, removing or inserting an entry breaks every later link (the exchange log's design). Each
 * field enters the hash with its length in front, so no two different entries read the same.
 */
@Entity
@Table(name = "sharing_message_log")
public class MessageLogEntry implements ChainedEntry {

    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(128);

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "message_id", nullable = false, length = 100)
    private String messageId;

    @Column(name = "client", length = 200)
    private String client;

    @Column(name = "client_agency", length = 20)
    private String clientAgency;

    @Column(name = "caller", length = 100)
    private String caller;

    @Column(name = "service", length = 300)
    private String service;

    @Column(name = "provider_agency", length = 20)
    private String providerAgency;

    @Column(name = "method", nullable = false, length = 10)
    private String method;

    @Column(name = "path", length = 2000)
    private String path;

    @Column(name = "user_id", length = 100)
    private String userId;

    @Column(name = "issue", length = 100)
    private String issue;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "request_bytes", nullable = false)
    private long requestBytes;

    @Column(name = "response_bytes", nullable = false)
    private long responseBytes;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "error_type", length = 100)
    private String errorType;

    @Column(name = "request_digest", nullable = false, length = 128)
    private String requestDigest;

    @Column(name = "response_digest", nullable = false, length = 128)
    private String responseDigest;

    @Column(name = "request_hash", length = 100)
    private String requestHash;

    @Column(name = "prev_hash", nullable = false, length = 128)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false, length = 128)
    private String entryHash;

    protected MessageLogEntry() {}

    /** What a call leaves in the log, before it takes its place in the chain. */
    public record Call(
            String messageId,
            String client,
            String clientAgency,
            String caller,
            String service,
            String providerAgency,
            String method,
            String path,
            String userId,
            String issue,
            OffsetDateTime startedAt,
            long durationMillis,
            long requestBytes,
            long responseBytes,
            int status,
            String errorType,
            String requestDigest,
            String responseDigest,
            String requestHash) {}

    public MessageLogEntry(long seq, Call call, String prevHash) {
        this.seq = seq;
        this.messageId = cut(call.messageId(), 100);
        this.client = cut(call.client(), 200);
        this.clientAgency = cut(call.clientAgency(), 20);
        this.caller = cut(call.caller(), 100);
        this.service = cut(call.service(), 300);
        this.providerAgency = cut(call.providerAgency(), 20);
        this.method = cut(call.method(), 10);
        this.path = cut(call.path(), 2000);
        this.userId = cut(call.userId(), 100);
        this.issue = cut(call.issue(), 100);
        // Databases keep microseconds at best: hash what will be read back.
        this.startedAt = call.startedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        this.durationMillis = call.durationMillis();
        this.requestBytes = call.requestBytes();
        this.responseBytes = call.responseBytes();
        this.status = call.status();
        this.errorType = cut(call.errorType(), 100);
        this.requestDigest = call.requestDigest();
        this.responseDigest = call.responseDigest();
        this.requestHash = call.requestHash();
        this.prevHash = prevHash;
        this.entryHash = computeHash();
    }

    /** The hash this entry should carry, from its fields as stored now. */
    @Override
    public String computeHash() {
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(seq));
        fields.add(messageId);
        fields.add(client);
        fields.add(clientAgency);
        fields.add(caller);
        fields.add(service);
        fields.add(providerAgency);
        fields.add(method);
        fields.add(path);
        fields.add(userId);
        fields.add(issue);
        fields.add(Long.toString(startedAt.toInstant().toEpochMilli()));
        fields.add(Long.toString(durationMillis));
        fields.add(Long.toString(requestBytes));
        fields.add(Long.toString(responseBytes));
        fields.add(Integer.toString(status));
        fields.add(errorType);
        fields.add(requestDigest);
        fields.add(responseDigest);
        fields.add(requestHash);
        fields.add(prevHash);
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append('\n');
        }
        return Digests.sha512Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @Override
    public long getSeq() {
        return seq;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getClient() {
        return client;
    }

    public String getClientAgency() {
        return clientAgency;
    }

    public String getCaller() {
        return caller;
    }

    public String getService() {
        return service;
    }

    public String getProviderAgency() {
        return providerAgency;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    public String getUserId() {
        return userId;
    }

    public String getIssue() {
        return issue;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public long getRequestBytes() {
        return requestBytes;
    }

    public long getResponseBytes() {
        return responseBytes;
    }

    public int getStatus() {
        return status;
    }

    public String getErrorType() {
        return errorType;
    }

    public String getRequestDigest() {
        return requestDigest;
    }

    public String getResponseDigest() {
        return responseDigest;
    }

    public String getRequestHash() {
        return requestHash;
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
