package vn.egov.directory.application;

import vn.egov.directory.domain.model.Agency;
import vn.egov.directory.domain.model.AgencyLevel;

/**
 * An agency as every other area sees it: a copy of the directory's entry, never the entity, so no
 * area writes to the directory's tables or depends on how it maps them.
 */
public record AgencyRecord(
        String code,
        String name,
        String nameEn,
        String shortName,
        String parentCode,
        AgencyLevel level,
        boolean connected,
        boolean active,
        String address,
        String email,
        String phone,
        String website)
        implements java.io.Serializable {

    static AgencyRecord of(Agency a) {
        return new AgencyRecord(
                a.getCode(),
                a.getName(),
                a.getNameEn(),
                a.getShortName(),
                a.getParentCode(),
                a.getLevel(),
                a.isConnected(),
                a.isActive(),
                a.getAddress(),
                a.getEmail(),
                a.getPhone(),
                a.getWebsite());
    }

    /** An entry with only what the hierarchy needs (code, parent, name, level); for tests and trees. */
    public static AgencyRecord of(String code, String parentCode, String name, AgencyLevel level) {
        return new AgencyRecord(code, name, null, null, parentCode, level, false, true, null, null, null, null);
    }
}
