package vn.egov.portal.application;

import java.util.List;

/** What the catalogue answers besides {@link ProcedureRecord}: search pages, import outcomes, files. */
public final class ProcedureViews {

    private ProcedureViews() {}

    /** A search: words (diacritics ignored), a field code, an agency code, an online level, a page. */
    public record ProcedureSearch(String text, String field, String agency, Integer level, int offset, int limit) {}

    /** One line of a search result. */
    public record ProcedureSummary(
            String code,
            String name,
            String publishingAgency,
            int onlineLevel,
            boolean published,
            List<ProcedureRecord.Field> fields,
            List<ProcedureRecord.Agency> implementingAgencies) {

        static ProcedureSummary of(ProcedureRecord p) {
            return new ProcedureSummary(
                    p.code(),
                    p.name(),
                    p.publishingAgency(),
                    p.onlineLevel(),
                    p.published(),
                    p.fields(),
                    p.implementingAgencies());
        }
    }

    /** A page of results and how many match in all. */
    public record ProcedurePage(List<ProcedureSummary> items, long total, int offset, int limit) {}

    /** What an import did (or, in a dry run, would do) with one record. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REFUSED
    }

    /** One record's outcome; a refusal lists every reason. */
    public record ImportLine(
            int index, String code, Outcome outcome, List<vn.egov.common.InvalidValuesException.Failure> reasons) {}

    /** An import: dry run or not, the counts and every record's outcome, in the order given. */
    public record ImportReport(
            boolean dryRun, int created, int updated, int unchanged, int refused, List<ImportLine> records) {}

    /** A form template's file. */
    public record FormFile(
            String procedureCode, String formCode, String fileName, String contentType, byte[] content) {}

    /** A form template's description, without its bytes. */
    public record FormInfo(
            String procedureCode,
            String formCode,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256) {}
}
