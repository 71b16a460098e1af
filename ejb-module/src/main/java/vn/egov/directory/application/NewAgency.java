package vn.egov.directory.application;

import vn.egov.directory.domain.model.AgencyLevel;

/** What it takes to register an agency in the directory. */
public record NewAgency(
        String code,
        String name,
        String nameEn,
        String shortName,
        String parentCode,
        AgencyLevel level,
        String address,
        String email,
        String phone,
        String website) {}
