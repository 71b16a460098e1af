package vn.egov.directory.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import vn.egov.common.SearchText;

/**
 * Cơ quan, tổ chức — an agency of the state: a ministry, a province, one of their departments,
 * districts or communes. Identified by its electronic identifier code, which is never reused.
 * The parent is kept as a code, not an association: the directory is read as lists and trees,
 * one level at a time.
 */
@Entity
@Table(name = "agency")
@jakarta.persistence.Cacheable
public class Agency {

    @Id
    @Column(name = "code", length = 20)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    /** Viết tắt — the abbreviation used in document notations, e.g. VPCP in 7816/VPCP-TTĐT. */
    @Column(name = "short_name", length = 30)
    private String shortName;

    @Column(name = "parent_code", length = 20)
    private String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_level", nullable = false, length = 20)
    private AgencyLevel level;

    @Column(name = "search_text", nullable = false, length = 500)
    private String searchText;

    @Column(name = "address", length = 300)
    private String address;

    @Column(name = "email", length = 100)
    private String email;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "website", length = 200)
    private String website;

    /** Liên thông — whether the agency's document system is connected to the exchange axis. */
    @Column(name = "connected", nullable = false)
    private boolean connected;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Agency() {}

    public Agency(AgencyCode code, String name, String nameEn, String shortName, String parentCode, AgencyLevel level) {
        this.code = code.value();
        this.name = name;
        this.nameEn = nameEn;
        this.shortName = shortName;
        this.parentCode = parentCode;
        this.level = level;
    }

    @PrePersist
    @PreUpdate
    void beforeSave() {
        searchText = SearchText.fold(
                String.join(" ", code, name, nameEn == null ? "" : nameEn, shortName == null ? "" : shortName));
        if (createdAt == null) {
            createdAt = OffsetDateTime.now();
        }
    }

    public void setContact(String address, String email, String phone, String website) {
        this.address = address;
        this.email = email;
        this.phone = phone;
        this.website = website;
    }

    public void setConnected(boolean connected) {
        this.connected = connected;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getShortName() {
        return shortName;
    }

    public String getParentCode() {
        return parentCode;
    }

    public AgencyLevel getLevel() {
        return level;
    }

    public String getAddress() {
        return address;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }

    public boolean isConnected() {
        return connected;
    }

    public boolean isActive() {
        return active;
    }
}
