package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A document of a dossier: of an agenda item, or of an opinion ballot. Its content lives in its versions. */
@Entity
@Table(name = "cabinet_document")
public class CabinetDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "item_id")
    private Long itemId;

    @Column(name = "ballot_id")
    private Long ballotId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private DocumentKind kind;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CabinetDocument() {}

    public CabinetDocument(
            Long itemId, Long ballotId, DocumentKind kind, String title, String createdBy, OffsetDateTime createdAt) {
        this.itemId = itemId;
        this.ballotId = ballotId;
        this.kind = kind;
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public Long getBallotId() {
        return ballotId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
