package vn.egov.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Money;
import vn.egov.portal.application.ProcedureCatalogue;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureViews.ProcedurePage;
import vn.egov.portal.application.ProcedureViews.ProcedureSearch;

/**
 * The public catalogue's pages: the search ({@code /portal/procedures.xhtml}, a plain GET form, so a
 * search is a link one can share and works without scripts) and one procedure ({@code
 * /portal/procedure.xhtml?code=}), with what a citizen needs to act: channels with times and fees,
 * documents per case with their forms, and the way to submit online where the procedure allows it.
 */
@Named
@RequestScoped
public class CatalogueBean {

    /** Procedures per page of the search. */
    static final int PAGE_SIZE = 10;

    @Inject
    private ProcedureCatalogue catalogue;

    private String q;
    private String field;
    private String agency;
    private String level;
    private int page = 1;
    private ProcedurePage results;
    private boolean refused;

    private String code;
    private ProcedureRecord procedure;

    /** The search's view action: a refused parameter shows a message, never an error page. */
    public void search() {
        Integer wanted = null;
        if (level != null && !level.isBlank()) {
            if (!level.matches("[234]")) {
                refused = true;
                return;
            }
            wanted = Integer.valueOf(level);
        }
        try {
            results = catalogue.search(new ProcedureSearch(
                    q,
                    blankToNull(field),
                    blankToNull(agency),
                    wanted,
                    (Math.max(1, page) - 1) * PAGE_SIZE,
                    PAGE_SIZE));
        } catch (DomainException e) {
            refused = true;
        }
    }

    /** The procedure page's view action: an unknown or unpublished code is the 404 page. */
    public void open() {
        procedure = catalogue.get(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---------------------------------------------------------------- for the pages

    /** Read once per request: a page calls its getters several times. */
    private List<ProcedureRecord.Field> fields;

    private List<ProcedureRecord.Agency> agencies;

    public List<ProcedureRecord.Field> getFields() {
        if (fields == null) {
            fields = catalogue.fields();
        }
        return fields;
    }

    public List<ProcedureRecord.Agency> getAgencies() {
        if (agencies == null) {
            agencies = catalogue.agencies();
        }
        return agencies;
    }

    public boolean isRefused() {
        return refused;
    }

    public ProcedurePage getResults() {
        return results;
    }

    public int getPages() {
        return results == null ? 0 : (int) ((results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The search's address for another page, with the same criteria. */
    public String pageLink(int to) {
        StringBuilder s = new StringBuilder("procedures.xhtml?page=").append(to);
        append(s, "q", q);
        append(s, "field", field);
        append(s, "agency", agency);
        append(s, "level", level);
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Where a citizen submits a dossier for this procedure online. */
    public String submitLink() {
        return "dossiers/new.xhtml?procedure=" + URLEncoder.encode(procedure.code(), StandardCharsets.UTF_8);
    }

    /** An amount of money as Vietnamese catalogues write it: 200.000 đ (0 đ for free). */
    public String money(BigDecimal amount) {
        return Money.dong(amount);
    }

    /** A processing time's number, as the person's language writes it (0,5 in Vietnamese). */
    public String number(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        Locale shown = faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.forLanguageTag("vi");
        NumberFormat f = NumberFormat.getNumberInstance(shown);
        f.setMaximumFractionDigits(2);
        return f.format(amount);
    }

    /** Every case the procedure distinguishes (in channels' times or in documents), in order. */
    public List<String> cases() {
        List<String> cases = new ArrayList<>();
        procedure
                .channels()
                .forEach(c -> c.timings().forEach(t -> {
                    if (t.caseName() != null && !cases.contains(t.caseName())) {
                        cases.add(t.caseName());
                    }
                }));
        return cases;
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

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public ProcedureRecord getProcedure() {
        return procedure;
    }
}
