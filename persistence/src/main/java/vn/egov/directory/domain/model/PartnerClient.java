package vn.egov.directory.domain.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A partner system — an agency's document-management system, a ministry's reporting system, a
 * portal — that calls the API with OAuth2 client credentials. Bound to exactly one agency: the
 * agency of every token it obtains.
 */
@Entity
@Table(name = "partner_client")
@NamedQuery(name = "PartnerClient.demo", query = "SELECT c FROM PartnerClient c WHERE c.demo = :demo")
public class PartnerClient {

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "secret_hash", nullable = false, length = 300)
    private String secretHash;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "demo", nullable = false)
    private boolean demo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_client_role", joinColumns = @JoinColumn(name = "client_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected PartnerClient() {}

    public PartnerClient(
            String clientId, String name, String agencyCode, String secretHash, Set<Role> roles, boolean demo) {
        this.clientId = clientId;
        this.name = name;
        this.agencyCode = agencyCode;
        this.secretHash = secretHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.demo = demo;
    }

    @PrePersist
    void beforeSave() {
        if (createdAt == null) {
            createdAt = OffsetDateTime.now();
        }
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isDemo() {
        return demo;
    }

    public Set<Role> getRoles() {
        return roles;
    }
}
