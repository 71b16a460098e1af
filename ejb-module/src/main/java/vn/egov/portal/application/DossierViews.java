package vn.egov.portal.application;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the dossier services take and give: plain records, no entities outside a transaction. */
public final class DossierViews {

    private DossierViews() {}

    /**
     * A dossier to submit. {@code caseName} picks the procedure's case (TRUONGHOP; null for the
     * general one), {@code agencyCode} one of its implementing agencies (null when it has only one),
     * {@code delivery} how the result is received (HinhThuc: 0 at the desk, 1 by post).
     */
    public record NewDossier(
            String procedureCode,
            String caseName,
            String agencyCode,
            String summary,
            String phone,
            String email,
            int delivery,
            List<UploadedFile> files) {
        public NewDossier {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** One file for one of the procedure's components ({@code MAGIAYTO}), read once as it is stored. */
    public record UploadedFile(String componentCode, String fileName, String contentType, InputStream content) {}

    /** What an officer does to a dossier: a step of its timeline, with the status it leaves (null: unchanged). */
    public record OfficerAction(Integer status, String content, String unit) {}

    /** One line of a list of dossiers. */
    public record DossierSummary(
            String code,
            String procedureCode,
            String procedureName,
            int status,
            String statusLabel,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            String agencyCode,
            String handlingUnit,
            String applicantName) {}

    /** A dossier with its timeline, files and supplement requests, for its applicant or its agency's officers. */
    public record DossierDetail(
            String code,
            String procedureCode,
            String procedureName,
            String fieldName,
            int status,
            String statusLabel,
            List<Integer> nextStatuses,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            OffsetDateTime finishedAt,
            OffsetDateTime returnedAt,
            String agencyCode,
            String handlingUnit,
            int channel,
            int delivery,
            int applicantType,
            String applicantId,
            String applicantName,
            String email,
            String phone,
            String summary,
            List<StepView> steps,
            List<ComponentView> components,
            List<SupplementView> supplements) {}

    /** A step of the timeline: time, unit, the handler's title and name, what was done. */
    public record StepView(
            int status,
            String statusLabel,
            OffsetDateTime handledAt,
            String handler,
            String handlerTitle,
            String unit,
            String content) {}

    public record ComponentView(
            long id,
            String componentCode,
            String componentName,
            String fileName,
            String contentType,
            long size,
            String sha256,
            Long supplementId,
            OffsetDateTime uploadedAt) {}

    public record SupplementView(
            long id,
            String requestedBy,
            String content,
            OffsetDateTime requestedAt,
            OffsetDateTime answeredAt,
            OffsetDateTime previousDue,
            OffsetDateTime newDue) {}

    /**
     * What anyone who knows a dossier's code and its applicant's phone or personal id sees (tra cứu
     * hồ sơ): no personal data, only the status, the procedure, the dates and the handling unit.
     */
    public record PublicDossierView(
            String code,
            String procedureCode,
            String procedureName,
            int status,
            String statusLabel,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            OffsetDateTime returnedAt,
            String handlingUnit) {}

    /** The receipt (biên nhận) of a dossier, as a PDF. */
    public record Receipt(String code, byte[] pdf) {}

    /** A file of a dossier, to stream to its applicant or its agency's officer. */
    public record ComponentContent(ComponentView component, InputStream content) {}

    /** A public holiday of the working-day calendar. */
    public record HolidayView(LocalDate day, String name) {}
}
