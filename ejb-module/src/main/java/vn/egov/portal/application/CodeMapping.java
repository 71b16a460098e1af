package vn.egov.portal.application;

import java.time.OffsetDateTime;

/** One local ↔ national code mapping of an agency, as the admin API shows it. */
public record CodeMapping(
        MappingKind kind,
        String agencyCode,
        String localCode,
        String nationalCode,
        String nationalName,
        String updatedBy,
        OffsetDateTime updatedAt) {}
