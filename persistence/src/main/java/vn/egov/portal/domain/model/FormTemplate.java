package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Mẫu đơn, tờ khai: the file of a dossier component's form template, held by the platform so a
 * citizen can download it even when the national record's URL is gone. Small by rule (the service
 * bounds the size and checks the content is what its type says).
 */
@Entity
@IdClass(FormTemplate.Key.class)
@Table(name = "portal_form_template")
public class FormTemplate {

    @Id
    @Column(name = "procedure_code", length = 40)
    private String procedureCode;

    @Id
    @Column(name = "form_code", length = 40)
    private String formCode;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected FormTemplate() {}

    public FormTemplate(String procedureCode, String formCode) {
        this.procedureCode = procedureCode;
        this.formCode = formCode;
    }

    public void replace(String fileName, String contentType, byte[] content, String sha256, OffsetDateTime at) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.updatedAt = at;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public String getFormCode() {
        return formCode;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    /** The composite key: procedure and form code. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String procedureCode;
        private String formCode;

        public Key() {}

        public Key(String procedureCode, String formCode) {
            this.procedureCode = procedureCode;
            this.formCode = formCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(procedureCode, k.procedureCode)
                    && Objects.equals(formCode, k.formCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(procedureCode, formCode);
        }
    }
}
