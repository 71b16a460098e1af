package vn.egov.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.portal.application.ProcedureCatalogue;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureViews.ImportLine;
import vn.egov.portal.application.ProcedureViews.ImportReport;
import vn.egov.portal.application.ProcedureViews.ProcedureSearch;
import vn.egov.portal.application.ProcedureViews.ProcedureSummary;

/**
 * The catalogue's administration page ({@code /onestop/procedures.xhtml}): find procedures
 * (published or not, those the administrator maintains included), edit one as its national record,
 * publish or withdraw it, and import national records pasted or uploaded, with a dry run first.
 */
@Named
@ViewScoped
public class ProcedureAdminBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The largest import file read from the page (the API takes larger ones). */
    private static final int MAX_UPLOAD = 4 * 1024 * 1024;

    @Inject
    private ProcedureCatalogue catalogue;

    private String q;
    private String field;
    private Integer level;
    private List<ProcedureSummary> results = List.of();
    private long total;

    private String editing;
    private String recordText;
    private List<InvalidValuesException.Failure> failures = List.of();

    private String importText;
    private transient UploadedFile file;
    private ImportReport report;

    public void search() {
        try {
            var page = catalogue.search(new ProcedureSearch(q, field, null, level, 0, 100));
            results = page.items();
            total = page.total();
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public void edit(String code) {
        failures = List.of();
        try {
            recordText = catalogue.nationalRecord(code);
            editing = code;
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public void save() {
        failures = List.of();
        JsonValue value = parse(recordText);
        if (value == null) {
            return;
        }
        try {
            ProcedureRecord saved = catalogue.save(editing, value);
            recordText = catalogue.nationalRecord(saved.code());
            FacesMessages.info("portal.admin.saved");
            search();
        } catch (InvalidValuesException e) {
            failures = e.failures();
            FacesMessages.refusal(e);
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public void publish(String code, boolean published) {
        try {
            catalogue.publish(code, published);
            FacesMessages.info(published ? "portal.admin.published" : "portal.admin.withdrawn");
            search();
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public void close() {
        editing = null;
        recordText = null;
        failures = List.of();
    }

    public void dryRun() {
        runImport(true);
    }

    public void importNow() {
        runImport(false);
    }

    private void runImport(boolean dry) {
        String text = importText;
        if (file != null && file.getSize() > 0) {
            if (file.getSize() > MAX_UPLOAD) {
                FacesMessages.fieldError("import:file", "portal.admin.file.too-large");
                return;
            }
            try {
                text = new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                FacesMessages.fieldError("import:file", "portal.admin.file.unreadable");
                return;
            }
        }
        if (text == null || text.isBlank()) {
            FacesMessages.fieldError("import:records", "portal.admin.import.empty");
            return;
        }
        JsonValue value = parse(text);
        if (value == null) {
            return;
        }
        try {
            report = catalogue.importRecords(value, dry);
            FacesMessages.info(dry ? "portal.admin.import.dry" : "portal.admin.import.done");
            if (!dry) {
                search();
            }
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    private static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            FacesMessages.refusal(DomainException.invalid("request.malformed", "not JSON"));
            return null;
        } catch (jakarta.json.JsonException e) {
            FacesMessages.refusal(DomainException.invalid("request.malformed", "not JSON"));
            return null;
        }
    }

    /** The reasons of one import line, one per line, for the table. */
    public List<String> reasons(ImportLine line) {
        List<String> out = new ArrayList<>();
        line.reasons().forEach(r -> out.add(r.field() + ": " + text(r.code(), r.message())));
        return out;
    }

    /** A failure's text in the person's language (the English message when there is none). */
    public String text(String code, String fallback) {
        try {
            return FacesMessages.text("error." + code);
        } catch (java.util.MissingResourceException e) {
            return fallback;
        }
    }

    public List<Integer> getLevels() {
        return List.of(2, 3, 4);
    }

    public List<ProcedureRecord.Field> getFields() {
        return catalogue.fields();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    public List<ProcedureSummary> getResults() {
        return results;
    }

    public long getTotal() {
        return total;
    }

    public String getEditing() {
        return editing;
    }

    public String getRecordText() {
        return recordText;
    }

    public void setRecordText(String recordText) {
        this.recordText = recordText;
    }

    public List<InvalidValuesException.Failure> getFailures() {
        return failures;
    }

    public String getImportText() {
        return importText;
    }

    public void setImportText(String importText) {
        this.importText = importText;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportReport getReport() {
        return report;
    }
}
