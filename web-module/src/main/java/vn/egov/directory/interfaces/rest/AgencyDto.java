package vn.egov.directory.interfaces.rest;

import vn.egov.directory.domain.model.Agency;

/** An agency as partner systems see it. */
public record AgencyDto(String code, String name, String nameEn, String shortName, String parentCode, String level,
        boolean connected, String address, String email, String phone, String website) {

    public static AgencyDto of(Agency a) {
        return new AgencyDto(a.getCode(), a.getName(), a.getNameEn(), a.getShortName(), a.getParentCode(),
                a.getLevel().name(), a.isConnected(), a.getAddress(), a.getEmail(), a.getPhone(), a.getWebsite());
    }
}
