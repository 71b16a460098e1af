package vn.egov.directory.interfaces.rest;

import vn.egov.directory.application.AgencyRecord;

/** An agency as partner systems see it. */
public record AgencyDto(
        String code,
        String name,
        String nameEn,
        String shortName,
        String parentCode,
        String level,
        boolean connected,
        String address,
        String email,
        String phone,
        String website) {

    public static AgencyDto of(AgencyRecord a) {
        return new AgencyDto(
                a.code(),
                a.name(),
                a.nameEn(),
                a.shortName(),
                a.parentCode(),
                a.level().name(),
                a.connected(),
                a.address(),
                a.email(),
                a.phone(),
                a.website());
    }
}
