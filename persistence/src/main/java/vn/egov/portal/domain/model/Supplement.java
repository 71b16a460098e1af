package vn.egov.portal.domain.model;

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
 * Yêu cầu bổ sung hồ sơ — an officer's request for missing or corrected components
 * ({@code DanhSachHoSoBoSung}), answered when the applicant uploads them. The appointment date may
 * move with it ({@code NgayHenTraTruoc} → {@code NgayHenTraMoi}).
 */
@Entity
@Table(name = "portal_supplement")
public class Supplement {

    @Id
    @SequenceGenerator(name = "portal_supplement_seq", sequenceName = "portal_supplement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_supplement_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_pk", updatable = false)
    private Dossier dossier;

    @Column(name = "requested_by", nullable = false, length = 300)
    private String requestedBy;

    @Column(name = "content", nullable = false, length = 4000)
    private String content;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "previous_due")
    private OffsetDateTime previousDue;

    @Column(name = "new_due")
    private OffsetDateTime newDue;

    protected Supplement() {}

    public Supplement(Dossier dossier, String requestedBy, String content, OffsetDateTime requestedAt) {
        this.dossier = dossier;
        this.requestedBy = requestedBy;
        this.content = content;
        this.requestedAt = requestedAt;
        this.previousDue = dossier.getDueAt();
    }

    /** The applicant answered; the appointment date becomes {@code newDue} (null keeps it). */
    public void answered(OffsetDateTime at, OffsetDateTime newDue) {
        this.answeredAt = at;
        this.newDue = newDue;
    }

    public boolean isOpen() {
        return answeredAt == null;
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getContent() {
        return content;
    }

    public OffsetDateTime getRequestedAt() {
        return requestedAt;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public OffsetDateTime getPreviousDue() {
        return previousDue;
    }

    public OffsetDateTime getNewDue() {
        return newDue;
    }
}
