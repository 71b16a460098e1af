package vn.egov.portal.domain.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Lĩnh vực: a field of administration procedures are filed under (e.g. Hộ tịch, civil status). */
@Entity
@Cacheable
@Table(name = "portal_field")
public class ProcedureField {

    @Id
    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    protected ProcedureField() {}

    public ProcedureField(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }
}
