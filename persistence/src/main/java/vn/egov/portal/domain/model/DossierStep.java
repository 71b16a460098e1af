package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * Tiến độ xử lý — one step in a dossier's timeline ({@code CapNhatTienDoHoSoMC}): who handled it,
 * with what title and in which unit, when, what was done, and the status it left the dossier in.
 * A step is identified by (dossier, status, time): the same step reported twice is kept once.
 */
@Entity
@Table(name = "portal_dossier_step")
public class DossierStep {

    @Id
    @SequenceGenerator(name = "portal_dossier_step_seq", sequenceName = "portal_dossier_step_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_dossier_step_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_pk", updatable = false)
    private Dossier dossier;

    /**
     * The same column read as a number, never written: a sync batch asks for the steps of a hundred
     * dossiers by key, which through {@code s.dossier.id} became a join PostgreSQL scanned.
     */
    @Column(name = "dossier_pk", insertable = false, updatable = false)
    private Long dossierPk;

    @Column(name = "status", nullable = false, updatable = false)
    private int status;

    @Column(name = "handled_at", nullable = false, updatable = false)
    private OffsetDateTime handledAt;

    @Column(name = "handler", length = 300)
    private String handler;

    @Column(name = "handler_title", length = 300)
    private String handlerTitle;

    @Column(name = "unit", length = 300)
    private String unit;

    @Column(name = "content", length = 4000)
    private String content;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10, updatable = false)
    private DossierSource source;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected DossierStep() {}

    /**
     * @param handler {@code NguoiXuLy}
     * @param handlerTitle {@code ChucDanh}
     * @param unit {@code PhongBanXuLy}
     * @param content {@code NoiDungXuLy}
     * @param startedAt {@code NgayBatDau}, may be null
     * @param dueAt {@code NgayKetThucTheoQuyDinh}, may be null
     */
    public DossierStep(
            Dossier dossier,
            DossierStatus status,
            OffsetDateTime handledAt,
            String handler,
            String handlerTitle,
            String unit,
            String content,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt,
            DossierSource source,
            OffsetDateTime recordedAt) {
        this.dossier = dossier;
        this.status = status.code();
        this.handledAt = handledAt;
        this.handler = handler;
        this.handlerTitle = handlerTitle;
        this.unit = unit;
        this.content = content;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.source = source;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public DossierStatus getStatus() {
        return DossierStatus.of(status);
    }

    public OffsetDateTime getHandledAt() {
        return handledAt;
    }

    public String getHandler() {
        return handler;
    }

    public String getHandlerTitle() {
        return handlerTitle;
    }

    public String getUnit() {
        return unit;
    }

    public String getContent() {
        return content;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public DossierSource getSource() {
        return source;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
