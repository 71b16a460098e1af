package vn.egov.portal.domain.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thủ tục hành chính: one administrative procedure of the catalogue. What the catalogue searches
 * and filters on (name, fields, implementing agencies, online level, published) are columns; the
 * rest of the national record — channels × cases with their times and fees, components, steps,
 * results, legal basis — is kept whole as {@code detail}, the record in the national database's
 * own JSON shape ({@code LayThuTuc}), because it is only ever read and replaced whole, as the
 * national database publishes it.
 */
@Entity
@Table(name = "portal_procedure")
public class Procedure {

    /** The longest detail kept (characters); the column's size. */
    public static final int MAX_DETAIL = 262_144;

    @Id
    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 1000)
    private String name;

    @Column(name = "publishing_agency", nullable = false, length = 50)
    private String publishingAgency;

    @Column(name = "online_level", nullable = false)
    private int onlineLevel;

    @Column(name = "assurance_level", nullable = false)
    private int assuranceLevel;

    @Column(name = "published", nullable = false)
    private boolean published;

    @Column(name = "search_text", nullable = false, length = 3000)
    private String searchText;

    @Column(name = "detail", nullable = false, length = MAX_DETAIL)
    private String detail;

    @Column(name = "detail_sha256", nullable = false, length = 64)
    private String detailSha256;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_procedure_field", joinColumns = @JoinColumn(name = "procedure_code"))
    @Column(name = "field_code", length = 40)
    private Set<String> fieldCodes = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_procedure_agency", joinColumns = @JoinColumn(name = "procedure_code"))
    @Column(name = "agency_code", length = 50)
    private Set<String> agencyCodes = new LinkedHashSet<>();

    protected Procedure() {}

    public Procedure(String code) {
        this.code = code;
    }

    /** Replaces everything but the code, as an import or an administrator's edit does. */
    public void replace(
            String name,
            String publishingAgency,
            int onlineLevel,
            int assuranceLevel,
            boolean published,
            String searchText,
            Collection<String> fieldCodes,
            Collection<String> agencyCodes,
            String detail,
            String detailSha256,
            String updatedBy,
            OffsetDateTime updatedAt) {
        this.name = name;
        this.publishingAgency = publishingAgency;
        this.onlineLevel = onlineLevel;
        this.assuranceLevel = assuranceLevel;
        this.published = published;
        this.searchText = searchText;
        this.fieldCodes.clear();
        this.fieldCodes.addAll(fieldCodes);
        this.agencyCodes.clear();
        this.agencyCodes.addAll(agencyCodes);
        this.detail = detail;
        this.detailSha256 = detailSha256;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getPublishingAgency() {
        return publishingAgency;
    }

    public int getOnlineLevel() {
        return onlineLevel;
    }

    public int getAssuranceLevel() {
        return assuranceLevel;
    }

    public boolean isPublished() {
        return published;
    }

    public String getDetail() {
        return detail;
    }

    public String getDetailSha256() {
        return detailSha256;
    }

    public Set<String> getFieldCodes() {
        return Set.copyOf(fieldCodes);
    }

    public Set<String> getAgencyCodes() {
        return Set.copyOf(agencyCodes);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
