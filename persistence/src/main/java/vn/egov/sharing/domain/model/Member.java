package vn.egov.sharing.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Hệ thống thành viên — a subsystem of an agency joined to the sharing platform (X-Road's
 * SUBSYSTEM under the MEMBER that is the agency). It provides services, consumes them, or both; as
 * a consumer it is the partner client named here that proves it, with its access token.
 */
@Entity
@Table(name = "sharing_member")
public class Member {

    @Id
    @SequenceGenerator(name = "sharing_member_seq", sequenceName = "sharing_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sharing_member_seq")
    private Long id;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "subsystem_code", nullable = false, length = 64)
    private String subsystemCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Member() {}

    public Member(
            String agencyCode,
            String subsystemCode,
            String name,
            String clientId,
            String createdBy,
            OffsetDateTime at) {
        this.agencyCode = agencyCode;
        this.subsystemCode = subsystemCode;
        this.name = name;
        this.clientId = clientId;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.active = true;
    }

    public void update(String name, String clientId, boolean active) {
        this.name = name;
        this.clientId = clientId;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getSubsystemCode() {
        return subsystemCode;
    }

    public String getName() {
        return name;
    }

    public String getClientId() {
        return clientId;
    }

    public boolean isActive() {
        return active;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
