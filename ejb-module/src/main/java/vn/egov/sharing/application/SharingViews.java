package vn.egov.sharing.application;

import java.time.OffsetDateTime;
import java.util.List;
import vn.egov.sharing.domain.model.AccessRight;
import vn.egov.sharing.domain.model.Member;
import vn.egov.sharing.domain.model.MessageLogEntry;
import vn.egov.sharing.domain.model.SharedService;

/** What the registry and the message log show their administrators. */
public final class SharingViews {

    private SharingViews() {}

    /** A member subsystem, with its X-Road identifier. */
    public record MemberView(
            long id,
            String identifier,
            String agencyCode,
            String subsystemCode,
            String name,
            String clientId,
            boolean active,
            OffsetDateTime createdAt) {
        static MemberView of(Member m, String instance, String memberClass) {
            return new MemberView(
                    m.getId(),
                    instance + "/" + memberClass + "/" + m.getAgencyCode() + "/" + m.getSubsystemCode(),
                    m.getAgencyCode(),
                    m.getSubsystemCode(),
                    m.getName(),
                    m.getClientId(),
                    m.isActive(),
                    m.getCreatedAt());
        }
    }

    /** A published service (its OpenAPI text is read through the gateway's getOpenAPI or {@code /openapi}). */
    public record ServiceView(
            long id,
            String identifier,
            long memberId,
            String serviceCode,
            String name,
            String baseUrl,
            String version,
            boolean described,
            int timeoutMillis,
            boolean active,
            OffsetDateTime updatedAt) {
        static ServiceView of(SharedService s, String instance, String memberClass) {
            Member m = s.getProvider();
            return new ServiceView(
                    s.getId(),
                    instance + "/" + memberClass + "/" + m.getAgencyCode() + "/" + m.getSubsystemCode() + "/"
                            + s.getServiceCode(),
                    m.getId(),
                    s.getServiceCode(),
                    s.getName(),
                    s.getBaseUrl(),
                    s.getVersion(),
                    s.getOpenApi() != null,
                    s.getTimeoutMillis(),
                    s.isActive(),
                    s.getUpdatedAt());
        }
    }

    /** An access right: this client subsystem may call this service. */
    public record AccessView(
            long id,
            long serviceId,
            String client,
            Integer callsPerMinute,
            String grantedBy,
            OffsetDateTime grantedAt) {
        static AccessView of(AccessRight a, String instance, String memberClass) {
            Member c = a.getClient();
            return new AccessView(
                    a.getId(),
                    a.getService().getId(),
                    instance + "/" + memberClass + "/" + c.getAgencyCode() + "/" + c.getSubsystemCode(),
                    a.getCallsPerMinute(),
                    a.getGrantedBy(),
                    a.getGrantedAt());
        }
    }

    /** One message log entry, with its place in the chain and whether its own hash still holds. */
    public record LogEntryView(
            long seq,
            String messageId,
            String client,
            String caller,
            String service,
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
            String requestHash,
            String prevHash,
            String entryHash,
            boolean hashValid) {
        static LogEntryView of(MessageLogEntry e) {
            return new LogEntryView(
                    e.getSeq(),
                    e.getMessageId(),
                    e.getClient(),
                    e.getCaller(),
                    e.getService(),
                    e.getMethod(),
                    e.getPath(),
                    e.getUserId(),
                    e.getIssue(),
                    e.getStartedAt(),
                    e.getDurationMillis(),
                    e.getRequestBytes(),
                    e.getResponseBytes(),
                    e.getStatus(),
                    e.getErrorType(),
                    e.getRequestDigest(),
                    e.getResponseDigest(),
                    e.getRequestHash(),
                    e.getPrevHash(),
                    e.getEntryHash(),
                    e.computeHash().equals(e.getEntryHash()));
        }
    }

    /** The outcome of re-computing the whole chain. */
    public record ChainVerification(
            boolean valid, long entries, Long firstBrokenSeq, String problem, String lastHash) {}

    /**
     * Evidence for one call or one dossier's calls: the entries (each with its hashes), the chain's
     * verification at export time and the head it ended in.
     */
    public record Evidence(
            String issue,
            String messageId,
            OffsetDateTime exportedAt,
            List<LogEntryView> entries,
            ChainVerification chain) {}
}
