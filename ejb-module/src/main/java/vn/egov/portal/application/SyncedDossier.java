package vn.egov.portal.application;

import java.time.OffsetDateTime;
import java.util.List;

/** A dossier as status sync knows it ({@code TraCuuHoSo}): its particulars, status and timeline. */
public record SyncedDossier(
        String code,
        String procedureCode,
        String procedureName,
        String fieldCode,
        String fieldName,
        int applicantType,
        String applicantName,
        String email,
        String phone,
        String summary,
        String agencyCode,
        String handlingUnit,
        int delivery,
        int status,
        OffsetDateTime statusAt,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        String extraJson,
        long version,
        List<Step> steps) {

    /** One step of the timeline ({@code CapNhatTienDoHoSoMC}), oldest first. */
    public record Step(
            int status,
            OffsetDateTime handledAt,
            String handler,
            String handlerTitle,
            String unit,
            String content,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt) {}
}
