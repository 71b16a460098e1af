package vn.egov.reporting.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;
import vn.egov.common.DomainException;
import vn.egov.common.InvalidValuesException;
import vn.egov.common.application.CallerContext;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.reporting.application.ReportSubmissions;
import vn.egov.reporting.application.ReportingDefinitions;
import vn.egov.reporting.application.ReportingViews;

/**
 * A report form: choose regime, agency and period, enter the values by hand or upload the filled
 * Excel/CSV template, check (a dry run that lists every problem by cell and saves nothing), save a
 * draft or submit.
 */
@Named
@ViewScoped
public class ReportFormBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One input line of the form, with where it came from in an uploaded sheet and what is wrong with it. */
    public static class Row implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String indicator;
        private final String name;
        private final String unit;
        private final String breakdown;
        private final boolean required;
        private BigDecimal value;
        private String cell;
        private String problem;

        Row(ReportingViews.FormField field) {
            this.indicator = field.indicator();
            this.name = field.name();
            this.unit = field.unit();
            this.breakdown = field.breakdown();
            this.required = field.required();
        }

        public String getKey() {
            return indicator + "/" + breakdown;
        }

        public String getIndicator() {
            return indicator;
        }

        public String getName() {
            return name;
        }

        public String getUnit() {
            return unit;
        }

        public String getBreakdown() {
            return breakdown;
        }

        public boolean isRequired() {
            return required;
        }

        public BigDecimal getValue() {
            return value;
        }

        public void setValue(BigDecimal value) {
            this.value = value;
        }

        public String getCell() {
            return cell;
        }

        public String getProblem() {
            return problem;
        }
    }

    /** A problem to show: where (a cell of the uploaded sheet, or the form line) and what. */
    public record Problem(String where, String message) implements Serializable {}

    @Inject
    private ReportingDefinitions definitions;

    @Inject
    private ReportSubmissions submissions;

    @Inject
    private DirectoryService directory;

    @Inject
    private CallerContext callers;

    @Inject
    private PeriodChoices periodChoices;

    private String regime;
    private String agency;
    private String period = PeriodChoices.lastEnded("MONTH");
    private List<Row> rows = List.of();
    private List<Problem> problems = List.of();
    private ReportingViews.ReportView report;
    private transient UploadedFile file;
    /** Read once per view: page getters run several times a request. */
    private List<ReportingViews.RegimeView> regimes;

    public List<ReportingViews.RegimeView> getRegimes() {
        if (regimes == null) {
            regimes = definitions.regimes();
        }
        return regimes;
    }

    /** The agencies the caller may report for under the chosen regime: their own and those below it. */
    public List<String> getAgencies() {
        if (regime == null) {
            return List.of();
        }
        AgencyTree tree = directory.tree();
        String mine = callers.current().agencyCode();
        return getRegimes().stream()
                .filter(r -> r.code().equals(regime))
                .findFirst()
                .map(r -> r.agencies().stream()
                        .filter(a -> mine != null && tree.within(a, mine))
                        .toList())
                .orElse(List.of());
    }

    /** The chosen regime's frequency (MONTH, QUARTER, …); monthly until a regime is chosen. */
    private String periodType() {
        return getRegimes().stream()
                .filter(r -> r.code().equals(regime))
                .map(ReportingViews.RegimeView::periodType)
                .findFirst()
                .orElse("MONTH");
    }

    /** The periods of the chosen regime's frequency, for the period picker. */
    public List<jakarta.faces.model.SelectItem> getPeriods() {
        return periodChoices.of(periodType(), period);
    }

    /**
     * A regime was chosen: the period picker offers its frequency's periods, so a period of another
     * frequency is replaced by the last one that has ended.
     */
    public void regimeChosen() {
        if (!PeriodChoices.isOf(period, periodType())) {
            period = PeriodChoices.lastEnded(periodType());
        }
    }

    /**
     * A report that was submitted (and is waiting for review, or approved) cannot be changed from the
     * form: no check, draft or send, the values shown disabled and a status line instead (issue 14).
     * A returned report is open again, as is a draft.
     */
    public boolean isReadOnly() {
        return report != null && ("SUBMITTED".equals(report.status()) || "APPROVED".equals(report.status()));
    }

    public String agencyName(String code) {
        return directory.tree().name(code);
    }

    /** Opens the form of the chosen regime, agency and period, with the values already saved. */
    public void open() {
        try {
            if (agency == null || agency.isBlank()) {
                agency = callers.current().agencyCode();
            }
            rows = definitions.form(regime).stream().map(Row::new).toList();
            report = submissions.find(regime, agency, period).orElse(null);
            if (report != null) {
                Map<String, BigDecimal> saved = new HashMap<>();
                report.values().forEach(v -> saved.put(v.indicator() + "/" + v.breakdown(), v.value()));
                rows.forEach(r -> r.value = saved.get(r.getKey()));
            }
            problems = List.of();
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    /** Reads the uploaded sheet into the form and checks it, cell by cell (the service's dry run); nothing is saved. */
    public void upload() {
        if (file == null || file.getSize() == 0) {
            FacesMessages.fieldError("form:file", "reporting.file.required");
            return;
        }
        if (rows.isEmpty()) {
            open();
        }
        ReportingViews.UploadResult result;
        try (InputStream in = file.getInputStream()) {
            result = submissions.upload(regime, agency, period, in.readAllBytes(), file.getFileName(), true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            return;
        }
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(r -> {
            byKey.put(r.getKey(), r);
            r.value = null;
            r.cell = null;
            r.problem = null;
        });
        for (ReportingViews.CellValue read : result.values()) {
            Row row = byKey.get(read.indicator() + "/" + read.breakdown());
            if (row != null) { // a value off the form is among the problems
                row.value = read.value();
                row.cell = read.cell();
            }
        }
        List<Problem> found = new ArrayList<>();
        for (ReportingViews.CellProblem p : result.problems()) {
            Row row = p.field() == null ? null : byKey.get(p.field());
            if (row != null) {
                row.problem = row.problem == null
                        ? said(p.code(), p.message())
                        : row.problem + "; " + said(p.code(), p.message());
            }
            found.add(new Problem(p.cell() != null ? p.cell() : p.field(), said(p.code(), p.message())));
        }
        problems = found;
        if (found.isEmpty()) {
            FacesMessages.info("reporting.check.ok");
        }
    }

    public void check() {
        List<Problem> found = new ArrayList<>();
        try {
            show(found, submissions.dryRun(submission(true)));
            if (found.isEmpty()) {
                FacesMessages.info("reporting.check.ok");
            }
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    private void show(List<Problem> found, List<InvalidValuesException.Failure> failures) {
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(r -> {
            byKey.put(r.getKey(), r);
            r.problem = null;
        });
        for (InvalidValuesException.Failure f : failures) {
            Row row = byKey.get(f.field());
            if (row != null) {
                row.problem = row.problem == null
                        ? said(f.code(), f.message())
                        : row.problem + "; " + said(f.code(), f.message());
            }
            found.add(new Problem(row != null && row.cell != null ? row.cell : f.field(), said(f.code(), f.message())));
        }
        problems = found;
    }

    /**
     * A problem in the person's language: the text of its stable code (every code has one, ErrorCodeTextsTest), not
     * the service's English detail, which stays for the API's callers and the log.
     */
    private static String said(String code, String detail) {
        try {
            return code == null ? detail : FacesMessages.text("error." + code);
        } catch (java.util.MissingResourceException unknown) {
            return detail;
        }
    }

    public void saveDraft() {
        save(false);
    }

    public void submitReport() {
        save(true);
    }

    private void save(boolean submit) {
        try {
            report = submissions.submit(submission(submit));
            show(new ArrayList<>(), List.of());
            FacesMessages.info(submit ? "reporting.submitted" : "reporting.saved");
        } catch (InvalidValuesException e) {
            show(new ArrayList<>(), e.failures());
            FacesMessages.refusal(e);
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    private ReportingViews.Submission submission(boolean submit) {
        List<ReportingViews.ValueInput> values = rows.stream()
                .filter(r -> r.value != null)
                .map(r -> new ReportingViews.ValueInput(r.indicator, r.breakdown, r.value))
                .toList();
        return new ReportingViews.Submission(regime, agency, period, values, submit);
    }

    /** The period's data cut-off (Decree 09/2019): the days whose figures the report covers. */
    public String getCutOff() {
        try {
            vn.egov.reporting.domain.model.Period p = vn.egov.reporting.domain.model.Period.parse(period);
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            return f.format(p.cutOffStart()) + " – " + f.format(p.cutOffEnd());
        } catch (DomainException e) {
            return null;
        }
    }

    public String getRegime() {
        return regime;
    }

    public void setRegime(String regime) {
        this.regime = regime;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public ReportingViews.ReportView getReport() {
        return report;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
