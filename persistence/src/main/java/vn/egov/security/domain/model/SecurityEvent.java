package vn.egov.security.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of the security audit log: who tried what, from where, and how it ended. Never updated. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

    @Id
    @SequenceGenerator(name = "security_event_seq", sequenceName = "security_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "security_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 40)
    private SecurityEventType type;

    @Column(name = "principal", length = 100)
    private String principal;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "detail", length = 500)
    private String detail;

    protected SecurityEvent() {}

    public SecurityEvent(
            SecurityEventType type, String principal, String agencyCode, String remoteAddress, String detail) {
        this.occurredAt = OffsetDateTime.now();
        this.type = type;
        this.principal = truncate(principal, 100);
        this.agencyCode = truncate(agencyCode, 20);
        this.remoteAddress = truncate(remoteAddress, 64);
        this.detail = truncate(detail, 500);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public SecurityEventType getType() {
        return type;
    }

    public String getPrincipal() {
        return principal;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getDetail() {
        return detail;
    }
}
