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
 * Thành phần hồ sơ — one file the applicant submitted for a component the procedure requires
 * ({@code GIAYTO}). Only its description lives here; the bytes are in the content-addressed store
 * under their SHA-256, like exchange attachments.
 */
@Entity
@Table(name = "portal_dossier_component")
public class DossierComponent {

    @Id
    @SequenceGenerator(
            name = "portal_dossier_component_seq",
            sequenceName = "portal_dossier_component_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_dossier_component_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_pk", updatable = false)
    private Dossier dossier;

    @Column(name = "component_code", nullable = false, length = 50)
    private String componentCode;

    @Column(name = "component_name", nullable = false, length = 500)
    private String componentName;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplement_pk")
    private Supplement supplement;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected DossierComponent() {}

    public DossierComponent(
            Dossier dossier,
            String componentCode,
            String componentName,
            String fileName,
            String contentType,
            long size,
            String sha256,
            Supplement supplement,
            OffsetDateTime uploadedAt) {
        this.dossier = dossier;
        this.componentCode = componentCode;
        this.componentName = componentName;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.supplement = supplement;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public String getComponentCode() {
        return componentCode;
    }

    public String getComponentName() {
        return componentName;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    /** The supplement request this file answers, or null for a file submitted with the dossier. */
    public Supplement getSupplement() {
        return supplement;
    }

    public OffsetDateTime getUploadedAt() {
        return uploadedAt;
    }
}
