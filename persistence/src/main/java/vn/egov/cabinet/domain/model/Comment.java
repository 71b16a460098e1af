package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Góp ý: a member's comment on one version of a draft, anchored to a section, possibly a reply to another. */
@Entity
@Table(name = "cabinet_comment")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "version_id", nullable = false)
    private Long versionId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "section", length = 100)
    private String section;

    @Column(name = "text", nullable = false, length = 4000)
    private String text;

    @Column(name = "author", nullable = false, length = 64)
    private String author;

    @Column(name = "author_name", nullable = false, length = 200)
    private String authorName;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Comment() {}

    public Comment(
            Long versionId,
            Long parentId,
            String section,
            String text,
            String author,
            String authorName,
            OffsetDateTime createdAt) {
        this.versionId = versionId;
        this.parentId = parentId;
        this.section = section;
        this.text = text;
        this.author = author;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getVersionId() {
        return versionId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getSection() {
        return section;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorName() {
        return authorName;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
