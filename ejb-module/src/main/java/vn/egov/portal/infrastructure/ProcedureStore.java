package vn.egov.portal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import vn.egov.common.Digests;
import vn.egov.common.InvalidValuesException.Failure;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureViews.ImportLine;
import vn.egov.portal.application.ProcedureViews.ImportReport;
import vn.egov.portal.application.ProcedureViews.Outcome;
import vn.egov.portal.domain.model.FormTemplate;
import vn.egov.portal.domain.model.Procedure;
import vn.egov.portal.domain.model.ProcedureField;

/**
 * Reads and writes procedures as the catalogue keeps them: columns for what is searched, the
 * canonical national record as detail. Not a session bean: called only by the catalogue's EJBs
 * (which checked the caller and hold the transaction) and by the demo loader, so the import the API
 * offers and the one start-up runs are the same code.
 */
@ApplicationScoped
public class ProcedureStore {

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /** The record kept for a procedure, with the download path of every form the platform holds. */
    public ProcedureRecord record(Procedure p) {
        ProcedureRecord stored = parse(p.getDetail());
        Set<String> forms = new HashSet<>(
                em.createQuery("SELECT f.formCode FROM FormTemplate f WHERE f.procedureCode = :c", String.class)
                        .setParameter("c", p.getCode())
                        .getResultList());
        if (forms.isEmpty()) {
            return stored;
        }
        List<ProcedureRecord.Components> components = stored.components().stream()
                .map(c -> new ProcedureRecord.Components(
                        c.caseName(),
                        c.documents().stream()
                                .map(d -> d.code() != null && forms.contains(d.code())
                                        ? new ProcedureRecord.Document(
                                                d.code(),
                                                d.name(),
                                                d.originals(),
                                                d.copies(),
                                                d.formName(),
                                                d.formUrl(),
                                                formPath(p.getCode(), d.code()))
                                        : d)
                                .toList()))
                .toList();
        return new ProcedureRecord(
                stored.code(),
                stored.name(),
                stored.publishingAgency(),
                stored.onlineLevel(),
                stored.assuranceLevel(),
                stored.published(),
                stored.fields(),
                stored.implementingAgencies(),
                stored.steps(),
                stored.channels(),
                components,
                stored.results(),
                stored.legalBasis(),
                stored.applicants(),
                stored.conditions());
    }

    /** The record kept, without looking up its forms: enough for a line of a search. */
    public ProcedureRecord summary(Procedure p) {
        return parse(p.getDetail());
    }

    public static String formPath(String procedure, String form) {
        return "/api/v1/portal/procedures/" + procedure + "/forms/" + form;
    }

    static ProcedureRecord parse(String detail) {
        try (JsonReader reader = Json.createReader(new StringReader(detail))) {
            LayThuTuc.Read read = LayThuTuc.read(reader.readObject());
            if (!read.ok()) {
                throw new IllegalStateException("stored procedure no longer reads: " + read.failures());
            }
            return read.procedure();
        }
    }

    /**
     * Imports national records (one object or an array): each is read, checked against what the
     * caller may administer ({@code refusal} answers a reason or null) and compared with what is
     * stored; unless {@code dryRun}, what is new or changed is written. A bad record is refused
     * alone; the others go on.
     */
    public ImportReport importRecords(
            JsonValue body, boolean dryRun, BiFunction<ProcedureRecord, Procedure, Failure> refusal, String by) {
        List<JsonValue> values = body.getValueType() == JsonValue.ValueType.ARRAY ? body.asJsonArray() : List.of(body);
        List<ImportLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0, updated = 0, unchanged = 0, refused = 0;
        for (int i = 0; i < values.size(); i++) {
            LayThuTuc.Read read = LayThuTuc.read(values.get(i));
            if (!read.ok()) {
                lines.add(new ImportLine(i, read.code(), Outcome.REFUSED, read.failures()));
                refused++;
                continue;
            }
            ProcedureRecord record = read.procedure();
            if (!seen.add(record.code())) {
                lines.add(new ImportLine(
                        i,
                        record.code(),
                        Outcome.REFUSED,
                        List.of(new Failure(
                                "MATTHC",
                                "portal.procedure.import-duplicate",
                                "the import gives this procedure twice"))));
                refused++;
                continue;
            }
            Procedure existing = em.find(Procedure.class, record.code());
            Failure refusedBecause = refusal.apply(record, existing);
            if (refusedBecause != null) {
                lines.add(new ImportLine(i, record.code(), Outcome.REFUSED, List.of(refusedBecause)));
                refused++;
                continue;
            }
            String detail = canonical(record);
            if (detail.length() > Procedure.MAX_DETAIL) {
                lines.add(new ImportLine(
                        i,
                        record.code(),
                        Outcome.REFUSED,
                        List.of(new Failure(
                                "",
                                "portal.procedure.too-large",
                                "the record is longer than " + Procedure.MAX_DETAIL))));
                refused++;
                continue;
            }
            Outcome outcome = existing == null
                    ? Outcome.CREATED
                    : existing.getDetailSha256().equals(sha256(detail)) ? Outcome.UNCHANGED : Outcome.UPDATED;
            if (!dryRun && outcome != Outcome.UNCHANGED) {
                write(record, existing, detail, by);
            }
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                default -> unchanged++;
            }
            lines.add(new ImportLine(i, record.code(), outcome, List.of()));
        }
        return new ImportReport(dryRun, created, updated, unchanged, refused, lines);
    }

    /** Writes one record (already read and allowed), creating the procedure or replacing it. */
    public Procedure write(ProcedureRecord record, Procedure existing, String detail, String by) {
        for (ProcedureRecord.Field f : record.fields()) {
            ProcedureField field = em.find(ProcedureField.class, f.code());
            if (field == null) {
                em.persist(new ProcedureField(f.code(), f.name()));
            } else if (!field.getName().equals(f.name())) {
                field.rename(f.name());
            }
        }
        // The fields exist before the procedure names them (a foreign key).
        em.flush();
        Procedure p = existing == null ? new Procedure(record.code()) : existing;
        Set<String> agencies = new LinkedHashSet<>();
        record.implementingAgencies().forEach(a -> agencies.add(a.code()));
        p.replace(
                record.name(),
                record.publishingAgency(),
                record.onlineLevel(),
                record.assuranceLevel(),
                record.published(),
                LayThuTuc.searchText(record),
                record.fields().stream().map(ProcedureRecord.Field::code).toList(),
                agencies,
                detail,
                sha256(detail),
                by,
                OffsetDateTime.now());
        if (existing == null) {
            em.persist(p);
        }
        return p;
    }

    public static String canonical(ProcedureRecord record) {
        JsonObject o = LayThuTuc.write(record);
        return o.toString();
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores a form template's file (replacing an earlier one). */
    public FormTemplate writeForm(String procedure, String form, String fileName, String contentType, byte[] content) {
        FormTemplate f = em.find(FormTemplate.class, new FormTemplate.Key(procedure, form));
        boolean fresh = f == null;
        if (fresh) {
            f = new FormTemplate(procedure, form);
        }
        f.replace(fileName, contentType, content, Digests.sha256Hex(content), OffsetDateTime.now());
        if (fresh) {
            em.persist(f);
        }
        return f;
    }
}
