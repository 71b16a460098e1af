package vn.egov.portal.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.InvalidValuesException.Failure;
import vn.egov.common.SearchText;
import vn.egov.common.TextRule;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.ProcedureViews.FormFile;
import vn.egov.portal.application.ProcedureViews.FormInfo;
import vn.egov.portal.application.ProcedureViews.ImportLine;
import vn.egov.portal.application.ProcedureViews.ImportReport;
import vn.egov.portal.application.ProcedureViews.ProcedurePage;
import vn.egov.portal.application.ProcedureViews.ProcedureSearch;
import vn.egov.portal.application.ProcedureViews.ProcedureSummary;
import vn.egov.portal.domain.model.FormTemplate;
import vn.egov.portal.domain.model.Procedure;
import vn.egov.portal.domain.model.ProcedureField;
import vn.egov.portal.infrastructure.CpsvAp;
import vn.egov.portal.infrastructure.FormFiles;
import vn.egov.portal.infrastructure.LayThuTuc;
import vn.egov.portal.infrastructure.ProcedureStore;

/**
 * The catalogue of administrative procedures (CSDL quốc gia về TTHC, DOMAIN.md §5): public search
 * and reading for everyone, anonymous callers included, of the published procedures; maintenance by
 * system administrators and by the administrators of the publishing agency (its subtree), one
 * procedure at a time or by importing national records ({@code LayThuTuc}) with a dry run.
 *
 * <p>Other areas call {@link #find(String)} / {@link #get(String)} for the {@link ProcedureRecord}
 * of a procedure (its channels with times and fees, components per case, online and assurance
 * levels, implementing agencies). An unpublished procedure is, to anyone who may not administer it,
 * as if it did not exist ({@code portal.procedure.not-found}).
 */
@Stateless
@DeclareRoles({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
public class ProcedureCatalogue {

    private static final int MAX_WORDS = 8;
    private static final Pattern CODE = LayThuTuc.CODE;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private ProcedureStore store;

    @Inject
    @ConfigProperty(name = "egov.portal.search.max-page-size", defaultValue = "100")
    private int maxPageSize;

    @Inject
    @ConfigProperty(name = "egov.portal.form.max-bytes", defaultValue = "2097152")
    private int maxFormBytes;

    @Inject
    @ConfigProperty(name = "egov.portal.import.max-records", defaultValue = "1000")
    private int maxImportRecords;

    // ---------------------------------------------------------------- reading (public)

    /**
     * Searches the catalogue: every word in any order, diacritics ignored ("dang ky khai sinh"
     * finds "Đăng ký khai sinh"), within a field, an agency (implementing or publishing) and an
     * online level. {@code PermitAll}: the catalogue is public; anonymous callers see published
     * procedures only, administrators also the unpublished ones they administer.
     */
    @PermitAll
    public ProcedurePage search(ProcedureSearch search) {
        StringBuilder where = new StringBuilder(" WHERE (p.published = :yes");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("yes", Boolean.TRUE);
        Caller caller = callers.current();
        if (callers.isInRole(Role.SYSADMIN_ROLE)) {
            where.append(" OR p.published = :no");
            parameters.put("no", Boolean.FALSE);
        } else if (callers.isInRole(Role.AGENCY_ADMIN_ROLE) && caller.agencyCode() != null) {
            where.append(" OR p.publishingAgency IN :mine");
            parameters.put("mine", directory.tree().subtree(caller.agencyCode()));
        }
        where.append(")");
        if (search.text() != null && !search.text().isBlank()) {
            List<String> words = SearchText.words(bounded("q", search.text(), 200), MAX_WORDS);
            for (int i = 0; i < words.size(); i++) {
                where.append(" AND p.searchText LIKE :w").append(i);
                parameters.put("w" + i, words.get(i));
            }
        }
        if (search.field() != null && !search.field().isBlank()) {
            where.append(" AND p.code IN (SELECT q.code FROM Procedure q JOIN q.fieldCodes f WHERE f = :field)");
            parameters.put("field", checkedCode("field", search.field()));
        }
        if (search.agency() != null && !search.agency().isBlank()) {
            where.append(" AND (p.publishingAgency = :agency"
                    + " OR p.code IN (SELECT q.code FROM Procedure q JOIN q.agencyCodes a WHERE a = :agency))");
            parameters.put("agency", bounded("agency", search.agency(), 50));
        }
        if (search.level() != null) {
            if (search.level() < ProcedureRecord.LEVEL_INFORMATION
                    || search.level() > ProcedureRecord.LEVEL_FULL_ONLINE) {
                throw DomainException.invalid("portal.procedure.level-invalid", "the online level is 2, 3 or 4");
            }
            where.append(" AND p.onlineLevel = :level");
            parameters.put("level", search.level());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Procedure p" + where, Long.class);
        TypedQuery<Procedure> query =
                em.createQuery("SELECT p FROM Procedure p" + where + " ORDER BY p.name, p.code", Procedure.class);
        parameters.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        int limit = Math.min(Math.max(1, search.limit()), maxPageSize);
        int offset = Math.max(0, search.offset());
        List<ProcedureSummary> items = query.setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(p -> ProcedureSummary.of(store.summary(p)))
                .toList();
        return new ProcedurePage(items, count.getSingleResult(), offset, limit);
    }

    /**
     * One procedure by its code (MaTTHC), when the caller may see it: published ones for everyone,
     * unpublished ones only for those who administer them. {@code PermitAll}: the catalogue is
     * public, and the dossier and payment services look procedures up for citizens and officers.
     */
    @PermitAll
    public Optional<ProcedureRecord> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Procedure p = em.find(Procedure.class, code);
        return p != null && mayRead(p) ? Optional.of(store.record(p)) : Optional.empty();
    }

    /**
     * As {@link #find(String)}, refusing what the caller may not see: 400 {@code
     * portal.procedure.code-invalid}, 404 {@code portal.procedure.not-found}. {@code PermitAll}: as
     * {@link #find(String)}.
     */
    @PermitAll
    public ProcedureRecord get(String code) {
        return store.record(visible(code));
    }

    /**
     * The procedure as a CPSV-AP public service in JSON-LD, {@code base} its absolute address.
     * {@code PermitAll}: as {@link #get(String)}.
     */
    @PermitAll
    public JsonObject linkedData(String code, String base) {
        return CpsvAp.publicService(get(code), base);
    }

    /** The fields (lĩnh vực) of the catalogue, by name. {@code PermitAll}: public reference data. */
    @PermitAll
    public List<ProcedureRecord.Field> fields() {
        return em.createQuery("SELECT f FROM ProcedureField f ORDER BY f.name", ProcedureField.class)
                .getResultStream()
                .map(f -> new ProcedureRecord.Field(f.getCode(), f.getName()))
                .toList();
    }

    /**
     * The agencies that implement published procedures, by name, for the search's agency choice.
     * {@code PermitAll}: public reference data.
     */
    @PermitAll
    public List<ProcedureRecord.Agency> agencies() {
        List<String> codes = em.createQuery(
                        "SELECT DISTINCT a FROM Procedure p JOIN p.agencyCodes a WHERE p.published = :yes",
                        String.class)
                .setParameter("yes", Boolean.TRUE)
                .getResultList();
        AgencyTree tree = directory.tree();
        List<ProcedureRecord.Agency> agencies = new ArrayList<>();
        for (String c : codes) {
            agencies.add(new ProcedureRecord.Agency(c, tree.contains(c) ? tree.name(c) : c));
        }
        agencies.sort(java.util.Comparator.comparing(ProcedureRecord.Agency::name));
        return agencies;
    }

    /**
     * A form template's file, for a procedure the caller may see: 404 {@code
     * portal.procedure.form-not-found} when the platform holds none. {@code PermitAll}: forms are
     * downloaded by anyone about to apply.
     */
    @PermitAll
    public FormFile form(String code, String formCode) {
        visible(code);
        checkedCode("formCode", formCode);
        FormTemplate f = em.find(FormTemplate.class, new FormTemplate.Key(code, formCode));
        if (f == null) {
            throw DomainException.notFound("portal.procedure.form-not-found", "no form " + formCode + " for " + code);
        }
        return new FormFile(code, formCode, f.getFileName(), f.getContentType(), f.getContent());
    }

    // ---------------------------------------------------------------- maintenance

    /**
     * Creates or replaces one procedure from its national record (the shape import takes). The
     * code in the record, when given, must be the one addressed. Administrators of the publishing
     * agency (or above it) and system administrators only; for anyone else a procedure they cannot
     * see is 404 and one they can see is 403 {@code portal.procedure.forbidden}.
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public ProcedureRecord save(String code, JsonValue nationalRecord) {
        Caller caller = callers.current().requireAuthenticated();
        checkedCode("code", code);
        if (!(nationalRecord instanceof JsonObject object)) {
            throw DomainException.invalid("portal.procedure.record-not-object", "the body is one national record");
        }
        if (object.containsKey("MATTHC")
                && !(object.get("MATTHC") instanceof jakarta.json.JsonString s
                        && code.equals(s.getString().strip()))) {
            throw DomainException.invalid("portal.procedure.code-mismatch", "MATTHC is not " + code);
        }
        JsonObject withCode = jakarta.json.Json.createObjectBuilder(object)
                .add("MATTHC", code)
                .build();
        Procedure existing = em.find(Procedure.class, code);
        if (existing != null && !mayAdminister(existing.getPublishingAgency())) {
            visible(code);
            throw DomainException.forbidden(
                    "portal.procedure.forbidden", "only its publishing agency's administrators");
        }
        ImportReport report = store.importRecords(withCode, false, this::refusal, caller.name());
        ImportLine line = report.records().get(0);
        if (line.outcome() == ProcedureViews.Outcome.REFUSED) {
            Failure first = line.reasons().get(0);
            if ("portal.procedure.forbidden".equals(first.code())) {
                throw DomainException.forbidden(first.code(), first.message());
            }
            throw new InvalidValuesException(
                    "portal.procedure.invalid",
                    "the procedure has " + line.reasons().size() + " invalid values",
                    line.reasons());
        }
        em.flush();
        return store.record(em.find(Procedure.class, code));
    }

    /**
     * Imports national records, one object or an array: each is answered created, updated,
     * unchanged or refused with its reasons; a dry run writes nothing. A record the caller may not
     * administer is refused alone ({@code portal.procedure.forbidden}).
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public ImportReport importRecords(JsonValue body, boolean dryRun) {
        Caller caller = callers.current().requireAuthenticated();
        if (body == null
                || (body.getValueType() != JsonValue.ValueType.ARRAY
                        && body.getValueType() != JsonValue.ValueType.OBJECT)) {
            throw DomainException.invalid(
                    "portal.procedure.import-invalid", "an import is a record or an array of records");
        }
        int size = body.getValueType() == JsonValue.ValueType.ARRAY
                ? body.asJsonArray().size()
                : 1;
        if (size == 0) {
            throw DomainException.invalid("portal.procedure.import-invalid", "the import has no record");
        }
        if (size > maxImportRecords) {
            throw DomainException.invalid(
                    "portal.procedure.import-too-many", "at most " + maxImportRecords + " records per import");
        }
        return store.importRecords(body, dryRun, this::refusal, caller.name());
    }

    /**
     * The procedure as its national record (the shape PUT and import take), indented, for an
     * administrator to edit: 404 for what the caller cannot see, 403 {@code
     * portal.procedure.forbidden} for what they see but do not administer.
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public String nationalRecord(String code) {
        callers.current().requireAuthenticated();
        Procedure p = visible(code);
        if (!mayAdminister(p.getPublishingAgency())) {
            throw DomainException.forbidden(
                    "portal.procedure.forbidden", "only its publishing agency's administrators");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try (jakarta.json.JsonWriter writer = jakarta.json.Json.createWriterFactory(
                        Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(LayThuTuc.write(store.record(p)));
        }
        return out.toString().strip();
    }

    /** Publishes a procedure (TRANGTHAI 1) or withdraws it from the public, as {@link #save} would. */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public ProcedureRecord publish(String code, boolean published) {
        callers.current().requireAuthenticated();
        JsonObject record = LayThuTuc.write(get(code));
        return save(
                code,
                jakarta.json.Json.createObjectBuilder(record)
                        .add("TRANGTHAI", published ? "1" : "0")
                        .build());
    }

    /**
     * Stores the file of a component's form template: the form code is the component's code
     * (MAGIAYTO); PDF, Word or OpenDocument text whose content is what its type says, at most
     * {@code egov.portal.form.max-bytes}. Administrators of the procedure only.
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.AGENCY_ADMIN_ROLE})
    public FormInfo saveForm(String code, String formCode, String fileName, String contentType, byte[] content) {
        callers.current().requireAuthenticated();
        Procedure p = visible(code);
        if (!mayAdminister(p.getPublishingAgency())) {
            throw DomainException.forbidden(
                    "portal.procedure.forbidden", "only its publishing agency's administrators");
        }
        checkedCode("formCode", formCode);
        boolean component = store.record(p).components().stream()
                .flatMap(c -> c.documents().stream())
                .anyMatch(d -> formCode.equals(d.code()));
        if (!component) {
            throw DomainException.notFound(
                    "portal.procedure.form-not-found", "the procedure has no component " + formCode);
        }
        FormInfo info = checkedForm(code, formCode, fileName, contentType, content, maxFormBytes);
        FormTemplate f = store.writeForm(code, formCode, info.fileName(), info.contentType(), content);
        return new FormInfo(code, formCode, f.getFileName(), f.getContentType(), f.getSizeBytes(), f.getSha256());
    }

    /** The checks a form template's file passes, shared with the demo loader. */
    public static FormInfo checkedForm(
            String code, String formCode, String fileName, String contentType, byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("portal.procedure.form-empty", "the form's file is empty");
        }
        if (content.length > maxBytes) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    "portal.procedure.form-too-large",
                    "a form's file is at most " + maxBytes + " bytes");
        }
        if (fileName == null
                || fileName.isBlank()
                || fileName.length() > 255
                || !TextRule.acceptable(fileName, true)
                || fileName.contains("/")
                || fileName.contains("\\")
                || fileName.contains("\"")) {
            throw DomainException.invalid("portal.procedure.form-name-invalid", "a file name, without folders");
        }
        String type = FormFiles.allowedType(contentType)
                .or(() -> FormFiles.typeOfName(fileName))
                .orElseThrow(() -> DomainException.invalid(
                        "portal.procedure.form-type", "a form is a PDF, Word or OpenDocument text file"));
        if (!FormFiles.matches(type, content)) {
            throw DomainException.invalid("portal.procedure.form-type", "the file's content is not " + type);
        }
        return new FormInfo(code, formCode, fileName.strip(), type, content.length, null);
    }

    // ---------------------------------------------------------------- rules

    private Failure refusal(ProcedureRecord record, Procedure existing) {
        if (!mayAdminister(record.publishingAgency())
                || (existing != null && !mayAdminister(existing.getPublishingAgency()))) {
            return new Failure(
                    "MACOQUANCONGBO",
                    "portal.procedure.forbidden",
                    "only administrators of the publishing agency maintain this procedure");
        }
        return null;
    }

    private boolean mayAdminister(String publishingAgency) {
        if (callers.isInRole(Role.SYSADMIN_ROLE)) {
            return true;
        }
        Caller caller = callers.current();
        if (!callers.isInRole(Role.AGENCY_ADMIN_ROLE) || caller.agencyCode() == null || publishingAgency == null) {
            return false;
        }
        AgencyTree tree = directory.tree();
        return tree.contains(publishingAgency) && tree.within(publishingAgency, caller.agencyCode());
    }

    private boolean mayRead(Procedure p) {
        return p.isPublished() || mayAdminister(p.getPublishingAgency());
    }

    private Procedure visible(String code) {
        checkedCode("code", code);
        return Visibility.visibleOrNotFound(
                em.find(Procedure.class, code), this::mayRead, "portal.procedure.not-found", "no procedure " + code);
    }

    private static String checkedCode(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "portal.procedure.code-invalid",
                    field + " is a code like 1.001193",
                    Map.of("field", field));
        }
        return code;
    }

    private static String bounded(String field, String value, int max) {
        TextRule.require(field, value, true);
        if (value.length() > max) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "request.text.too-long",
                    field + " is longer than " + max,
                    Map.of("field", field));
        }
        return value;
    }
}
