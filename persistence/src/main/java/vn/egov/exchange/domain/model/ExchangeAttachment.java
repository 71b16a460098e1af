package vn.egov.exchange.domain.model;

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

/**
 * Tệp đính kèm — one attached file of a document. Only its description lives here; the bytes are in
 * the content-addressed attachment store under their SHA-256, so equal files are kept once and a
 * stored file can be checked against its name.
 */
@Entity
@Table(name = "exchange_attachment")
public class ExchangeAttachment {

    @Id
    @SequenceGenerator(name = "exchange_attachment_seq", sequenceName = "exchange_attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_attachment_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_pk")
    private ExchangeDocument document;

    @Column(name = "content_id", nullable = false, length = 100)
    private String contentId;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    protected ExchangeAttachment() {}

    ExchangeAttachment(
            ExchangeDocument document, String contentId, String name, String contentType, long size, String sha256) {
        this.document = document;
        this.contentId = contentId;
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    public ExchangeDocument getDocument() {
        return document;
    }

    public String getContentId() {
        return contentId;
    }

    public String getName() {
        return name;
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
}
