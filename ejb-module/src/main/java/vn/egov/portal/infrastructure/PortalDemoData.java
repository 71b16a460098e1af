package vn.egov.portal.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.portal.application.ProcedureCatalogue;
import vn.egov.portal.application.ProcedureViews.FormInfo;
import vn.egov.portal.application.ProcedureViews.ImportReport;

/**
 * The demo procedure catalogue, loaded once in demo mode when the catalogue is empty: 36 real
 * procedures (civil status, notarisation, criminal records, residence, ID cards, passports,
 * businesses and business households, investment, construction, land, health insurance, driving
 * licences, food safety, tax, employment, social assistance, alcohol retail), written as the
 * national catalogue publishes them, in its own record shape ({@code procedures.json}, an array of
 * {@code LayThuTuc} records) and loaded through the same import as the API's; implementing agencies
 * are demo agencies. Five form templates are stored as files (small PDFs made for the demo).
 */
@Singleton
@Startup
@DependsOn("DemoDataLoader")
public class PortalDemoData {

    private static final Logger LOG = Logger.getLogger(PortalDemoData.class.getName());
    private static final String BASE = "/vn/egov/portal/demo/";

    /** Procedure, form code (the component's MAGIAYTO) and file of the demo templates. */
    static final String[][] FORMS = {
        {"1.001193", "TK-KS", "to-khai-dang-ky-khai-sinh.pdf"},
        {"1.004884", "TK-KS", "to-khai-dang-ky-khai-sinh.pdf"},
        {"1.000894", "TK-KH", "to-khai-dang-ky-ket-hon.pdf"},
        {"1.000656", "TK-KT", "to-khai-dang-ky-khai-tu.pdf"},
        {"2.000505", "TK-LLTP", "to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap.pdf"},
        {"1.004194", "CT01", "to-khai-thay-doi-thong-tin-cu-tru-ct01.pdf"},
        {"1.004222", "CT01", "to-khai-thay-doi-thong-tin-cu-tru-ct01.pdf"},
    };

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "egov.portal.form.max-bytes", defaultValue = "2097152")
    private int maxFormBytes;

    @Inject
    private ProcedureStore store;

    @PostConstruct
    void load() {
        if (!enabled
                || em.createQuery("SELECT COUNT(p) FROM Procedure p", Long.class)
                                .getSingleResult()
                        > 0) {
            return;
        }
        JsonValue records;
        try (InputStream in = resource("procedures.json");
                JsonReader reader = Json.createReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            records = reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = store.importRecords(records, false, (record, existing) -> null, "demo");
        if (report.refused() > 0) {
            throw new IllegalStateException("demo procedures refused: " + report.records());
        }
        for (String[] form : FORMS) {
            byte[] content;
            try (InputStream in = resource("forms/" + form[2])) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FormInfo checked = ProcedureCatalogue.checkedForm(form[0], form[1], form[2], null, content, maxFormBytes);
            store.writeForm(form[0], form[1], checked.fileName(), checked.contentType(), content);
        }
        LOG.info(() -> "Demo procedure catalogue loaded: " + report.created() + " procedures, " + FORMS.length
                + " form templates");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = PortalDemoData.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("demo resource " + BASE + name + " is missing");
        }
        return in;
    }
}
