package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import vn.egov.common.DomainException;

/**
 * Hồ sơ — an application for an administrative procedure, from submission to the result being
 * returned. The same record holds a dossier submitted on this portal and one an agency's one-stop
 * system reports through status sync, because the national portal tracks both by the same code
 * ({@code MaHoSo}) and fields ({@code DongBoHoSoMC}).
 *
 * <p>Portal actions move the status only along the national transitions ({@link #moveTo}); sync
 * reports the status an agency's own system reached, which may skip steps we never saw, so it goes
 * through {@link #reportStatus}, where only time decides: an older report never overwrites a newer
 * status.
 */
@Entity
@Table(name = "portal_dossier")
public class Dossier {

    @Id
    @SequenceGenerator(name = "portal_dossier_seq", sequenceName = "portal_dossier_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_dossier_seq")
    private Long id;

    @Column(name = "code", nullable = false, length = 50, updatable = false)
    private String code;

    @Column(name = "procedure_code", nullable = false, length = 50)
    private String procedureCode;

    @Column(name = "procedure_name", nullable = false, length = 1000)
    private String procedureName;

    @Column(name = "field_code", nullable = false, length = 50)
    private String fieldCode;

    @Column(name = "field_name", nullable = false, length = 500)
    private String fieldName;

    @Column(name = "applicant_type", nullable = false)
    private int applicantType;

    @Column(name = "applicant_id", length = 20)
    private String applicantId;

    @Column(name = "applicant_name", length = 300)
    private String applicantName;

    @Column(name = "applicant_subject", length = 100)
    private String applicantSubject;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "phone", nullable = false, length = 20)
    private String phone;

    @Column(name = "summary", nullable = false, length = 2000)
    private String summary;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "handling_unit", nullable = false, length = 300)
    private String handlingUnit;

    @Column(name = "channel", nullable = false)
    private int channel;

    @Column(name = "delivery", nullable = false)
    private int delivery;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "returned_at")
    private OffsetDateTime returnedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "status_at", nullable = false)
    private OffsetDateTime statusAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10, updatable = false)
    private DossierSource source;

    @Column(name = "reported_by", length = 100)
    private String reportedBy;

    @Column(name = "extra_json", length = 20000)
    private String extraJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Dossier() {}

    private Dossier(
            String code,
            DossierParticulars particulars,
            DossierStatus status,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            DossierSource source,
            String reportedBy,
            OffsetDateTime now) {
        this.code = code;
        this.source = source;
        this.reportedBy = reportedBy;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.status = status.code();
        this.statusAt = receivedAt;
        this.createdAt = now;
        this.updatedAt = now;
        apply(particulars);
    }

    /** A dossier a citizen or business has just submitted on the portal: status 1, newly submitted. */
    public static Dossier submitted(
            String code, DossierParticulars particulars, OffsetDateTime submittedAt, OffsetDateTime dueAt) {
        return new Dossier(
                code,
                particulars,
                DossierStatus.SUBMITTED,
                submittedAt,
                dueAt,
                DossierSource.PORTAL,
                null,
                submittedAt);
    }

    /** A dossier first heard of from an agency's one-stop system, in the status it reported. */
    public static Dossier reported(
            String code,
            DossierParticulars particulars,
            DossierStatus status,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            String reportedBy,
            String extraJson,
            OffsetDateTime now) {
        Dossier dossier =
                new Dossier(code, particulars, status, receivedAt, dueAt, DossierSource.SYNC, reportedBy, now);
        dossier.extraJson = extraJson;
        return dossier;
    }

    private void apply(DossierParticulars p) {
        this.procedureCode = p.procedureCode();
        this.procedureName = p.procedureName();
        this.fieldCode = p.fieldCode();
        this.fieldName = p.fieldName();
        this.applicantType = p.applicantType();
        this.applicantId = p.applicantId();
        this.applicantName = p.applicantName();
        this.applicantSubject = p.applicantSubject();
        this.email = p.email();
        this.phone = p.phone();
        this.summary = p.summary();
        this.agencyCode = p.agencyCode();
        this.handlingUnit = p.handlingUnit();
        this.channel = p.channel();
        this.delivery = p.delivery();
    }

    /**
     * A portal action (an officer's or the applicant's) moves the dossier along the national
     * transitions; any other move is refused with {@code portal.dossier.transition-illegal} (409).
     */
    public void moveTo(DossierStatus target, OffsetDateTime at) {
        DossierStatus current = getStatus();
        if (!current.canMoveTo(target)) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "portal.dossier.transition-illegal",
                    "a dossier in status " + current.code() + " cannot move to status " + target.code());
        }
        enter(target, at);
    }

    /**
     * The status an agency's one-stop system reports, reached at {@code at}. Applied only when it is
     * not older than the status the dossier has, so a late report of an earlier step changes
     * nothing. Returns whether anything changed.
     */
    public boolean reportStatus(DossierStatus reported, OffsetDateTime at, OffsetDateTime now) {
        if (at.isBefore(statusAt) || (reported.code() == status && at.isEqual(statusAt))) {
            return false;
        }
        enter(reported, at);
        this.updatedAt = now;
        return true;
    }

    private void enter(DossierStatus target, OffsetDateTime at) {
        this.status = target.code();
        this.statusAt = at;
        this.updatedAt = at;
        if (target == DossierStatus.FINISHED || target == DossierStatus.STOPPED) {
            this.finishedAt = at;
        }
        if (target == DossierStatus.RETURNED) {
            this.returnedAt = at;
        }
    }

    /**
     * The record a one-stop system sends again, with newer values. Returns whether anything
     * changed, so a repeated record writes nothing.
     */
    public boolean updateReported(
            DossierParticulars particulars,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            String extraJson,
            OffsetDateTime now) {
        boolean changed = !particulars.equals(particulars())
                || !receivedAt.isEqual(this.receivedAt)
                || !dueAt.isEqual(this.dueAt)
                || !java.util.Objects.equals(extraJson, this.extraJson);
        if (changed) {
            apply(particulars);
            this.receivedAt = receivedAt;
            this.dueAt = dueAt;
            this.extraJson = extraJson;
            this.updatedAt = now;
        }
        return changed;
    }

    /** A new appointment date (a supplement re-sets it: NgayHenTraTruoc → NgayHenTraMoi). */
    public void reschedule(OffsetDateTime newDue, OffsetDateTime now) {
        this.dueAt = newDue;
        this.updatedAt = now;
    }

    public DossierParticulars particulars() {
        return new DossierParticulars(
                procedureCode,
                procedureName,
                fieldCode,
                fieldName,
                applicantType,
                applicantId,
                applicantName,
                applicantSubject,
                email,
                phone,
                summary,
                agencyCode,
                handlingUnit,
                channel,
                delivery);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public String getProcedureName() {
        return procedureName;
    }

    public String getFieldCode() {
        return fieldCode;
    }

    public String getFieldName() {
        return fieldName;
    }

    public int getApplicantType() {
        return applicantType;
    }

    public String getApplicantId() {
        return applicantId;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getApplicantSubject() {
        return applicantSubject;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getSummary() {
        return summary;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getHandlingUnit() {
        return handlingUnit;
    }

    public int getChannel() {
        return channel;
    }

    public int getDelivery() {
        return delivery;
    }

    public DossierStatus getStatus() {
        return DossierStatus.of(status);
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public OffsetDateTime getReturnedAt() {
        return returnedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public OffsetDateTime getStatusAt() {
        return statusAt;
    }

    public DossierSource getSource() {
        return source;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public String getExtraJson() {
        return extraJson;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
