package vn.egov.sharing.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Dịch vụ chia sẻ — a REST API a member subsystem publishes through the platform: its service code
 * (X-Road's SERVICECODE), the provider's base URL the gateway forwards to, a version and its OpenAPI
 * description. Publishing is not access: no client may call it until granted an {@link AccessRight}.
 */
@Entity
@Table(name = "sharing_service")
public class SharedService {

    @Id
    @SequenceGenerator(name = "sharing_service_seq", sequenceName = "sharing_service_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sharing_service_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "member_pk", nullable = false, updatable = false)
    private Member provider;

    @Column(name = "service_code", nullable = false, length = 64)
    private String serviceCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "base_url", nullable = false, length = 1000)
    private String baseUrl;

    @Column(name = "version", nullable = false, length = 20)
    private String version;

    @Column(name = "openapi", length = 262144)
    private String openApi;

    @Column(name = "timeout_ms", nullable = false)
    private int timeoutMillis;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected SharedService() {}

    public SharedService(Member provider, String serviceCode, String createdBy, OffsetDateTime at) {
        this.provider = provider;
        this.serviceCode = serviceCode;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.active = true;
    }

    public void describe(
            String name,
            String baseUrl,
            String version,
            String openApi,
            int timeoutMillis,
            boolean active,
            OffsetDateTime at) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.version = version;
        this.openApi = openApi;
        this.timeoutMillis = timeoutMillis;
        this.active = active;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Member getProvider() {
        return provider;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getName() {
        return name;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getVersion() {
        return version;
    }

    public String getOpenApi() {
        return openApi;
    }

    public int getTimeoutMillis() {
        return timeoutMillis;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
