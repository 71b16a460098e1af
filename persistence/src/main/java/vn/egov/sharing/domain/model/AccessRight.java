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
 * Quyền truy cập — the provider's grant that one client subsystem may call one service. Revoking
 * deletes it: the gateway denies every call that no grant allows.
 */
@Entity
@Table(name = "sharing_access")
public class AccessRight {

    @Id
    @SequenceGenerator(name = "sharing_access_seq", sequenceName = "sharing_access_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sharing_access_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "service_pk", nullable = false, updatable = false)
    private SharedService service;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "client_member_pk", nullable = false, updatable = false)
    private Member client;

    @Column(name = "calls_per_minute")
    private Integer callsPerMinute;

    @Column(name = "granted_by", nullable = false, length = 100)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    protected AccessRight() {}

    public AccessRight(
            SharedService service, Member client, Integer callsPerMinute, String grantedBy, OffsetDateTime at) {
        this.service = service;
        this.client = client;
        this.callsPerMinute = callsPerMinute;
        this.grantedBy = grantedBy;
        this.grantedAt = at;
    }

    public void limit(Integer callsPerMinute, String by, OffsetDateTime at) {
        this.callsPerMinute = callsPerMinute;
        this.grantedBy = by;
        this.grantedAt = at;
    }

    public Long getId() {
        return id;
    }

    public SharedService getService() {
        return service;
    }

    public Member getClient() {
        return client;
    }

    public Integer getCallsPerMinute() {
        return callsPerMinute;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public OffsetDateTime getGrantedAt() {
        return grantedAt;
    }
}
