package vn.egov.portal.application;

import java.time.OffsetDateTime;

/**
 * One {@code CapNhatTienDoHoSoMC} record: a step of a dossier's handling, checked for shape,
 * lengths and text; {@code statusCode} ({@code TrangThai}) may still be a local code to map.
 */
public record StepReport(
        String code,
        String handler,
        String handlerTitle,
        String unit,
        String content,
        OffsetDateTime handledAt,
        String statusCode,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt) {}
