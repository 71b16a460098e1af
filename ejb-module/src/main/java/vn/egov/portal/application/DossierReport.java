package vn.egov.portal.application;

import java.time.OffsetDateTime;

/**
 * One {@code DongBoHoSoMC} record as a one-stop system sent it, checked for shape, lengths and text
 * but not yet translated: the procedure, field and status codes may still be the agency's own.
 *
 * @param statusCode {@code TrangThaiHoSo} as sent: a national code 1–10 or a local one to map
 * @param statusAt the latest time the record itself states (NgayTiepNhan, NgayKetThucXuLy, NgayTra):
 *     the status holds from then
 * @param extraJson the optional fields, as sent (a JSON object), or null when there were none
 */
public record DossierReport(
        String code,
        String procedureCode,
        String procedureName,
        String fieldCode,
        String fieldName,
        int applicantType,
        String applicantName,
        String applicantSubject,
        String email,
        String phone,
        String summary,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        String statusCode,
        OffsetDateTime statusAt,
        int delivery,
        int channel,
        String handlingUnit,
        String extraJson) {}
