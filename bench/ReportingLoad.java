import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Load harness for the reporting analytics (the dashboards). Three parts:
 *
 * <ol>
 * <li><b>Load</b> (JDBC, PostgreSQL only): 200 bench indicators {@code BENCH_001}…{@code BENCH_200}
 * (aggregations SUM, AVERAGE, LAST, MAX in turn), a monthly regime {@code BENCH-LOAD} received by
 * the Government Office listing them and every PROVINCE agency (63 in the demo directory), and for
 * each province and each month 2015-01 … 2024-12 one APPROVED report with 200 approved TOTAL values:
 * 63 × 120 = 7 560 reports and 1 512 000 values, written with COPY in one transaction per year (ids
 * from 900 000 000 000 up, far above {@code reporting_seq}), then ANALYZE. Prints load time and
 * rows/s. Skipped when the regime {@code BENCH-LOAD} already has every value; a partial load (a run
 * stopped halfway) is removed and loaded again.</li>
 * <li><b>Dashboard queries</b> over HTTP as the Government Office analyst ({@code analyst.g22}):
 * {@code GET /api/v1/reporting/analytics} for a random bench indicator and a random mix of five
 * shapes (national year, national quarter, national month, one province's year, one province's
 * month; years 2015–2024). Warm-up queries first (not counted), then the measured queries one at a
 * time, then as many again at the given concurrency. Prints p50/p90/p95/p99/max latency per shape
 * and overall, queries/s, and whether p95 is under the 50 ms target. For a shape, queries/s is
 * what that shape alone would be served at (its count × concurrency / the time spent in it); the
 * overall figure is the measured wall-clock rate. With a JDBC URL the same measured queries are
 * also run as the bare SQL the analytics issue (one index range per query), sequentially: the
 * database's floor under the HTTP figures.</li>
 * <li><b>Submission-to-dashboard delay</b>: Nghệ An's system (client {@code 000.00.00.H41}, role
 * REPORTER) submits a complete, consistent monthly report under {@code BC-KTXH-THANG} for a period
 * it has not reported yet (2023-01 … 2023-12, then 2022-12 backwards; periods already used are
 * skipped, by the database when a JDBC URL is given and by the 409 {@code reporting.report.not-editable}
 * answer in any case), the analyst approves it, and the harness polls the analytics of
 * {@code RETAIL_TOTAL} for Nghệ An and that period until it shows the submitted value. Prints the
 * submit and approve latencies and the time from the approval's answer until the dashboard shows the
 * figure, with the number of queries it took: analytics are computed at query time, so one query is
 * expected. Repeated for the given number of periods.</li>
 * </ol>
 *
 * Any unexpected HTTP status prints the status and body and exits 1; so does the global timeout.
 * Run by bench/reporting-load.sh against a platform started on PostgreSQL in demo mode.
 *
 * <p>Options (system properties): base (http://localhost:8080/), queries (1000), warmup (200),
 * concurrency (4), delays (5), seed (2026), timeoutSeconds (3600), load (true), jdbcUrl, jdbcUser,
 * jdbcPassword, secret (demo).
 */
public class ReportingLoad {

    static final String BASE = System.getProperty("base", "http://localhost:8080/");
    static final String SECRET = System.getProperty("secret", "demo");
    static final String REGIME = "BENCH-LOAD";
    static final String MONTHLY = "BC-KTXH-THANG";
    static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    static final String NGHE_AN = "000.00.00.H41";
    static final String ANALYST = "analyst.g22";
    static final int INDICATORS = 200;
    static final int FIRST_YEAR = 2015;
    static final int YEARS = 10;
    static final int MONTHS = 12 * YEARS;
    static final String[] AGGREGATIONS = {"SUM", "AVERAGE", "LAST", "MAX"};
    static final long REPORT_BASE = 900_000_000_000L;
    static final long VALUE_BASE = 900_100_000_000L;
    static final double TARGET_P95_MS = 50;
    /** Tokens live 900 s by default; take a new one well before. */
    static final long TOKEN_REFRESH_NANOS = 600_000_000_000L;

    enum Shape {
        NATIONAL_YEAR("national year"), NATIONAL_QUARTER("national quarter"), NATIONAL_MONTH("national month"),
        PROVINCE_YEAR("province year"), PROVINCE_MONTH("province month");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    /** One dashboard question; agency null for the whole country. */
    record Query(Shape shape, String indicator, String period, String agency) {
        String path() {
            return "api/v1/reporting/analytics?indicator=" + indicator + "&period=" + period
                    + (agency == null ? "" : "&agency=" + agency);
        }
    }

    /** An HTTP answer and how long it took. */
    record Answer(int status, String body, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        int queries = Integer.getInteger("queries", 1000);
        int warmup = Integer.getInteger("warmup", 200);
        int concurrency = Integer.getInteger("concurrency", 4);
        int delays = Integer.getInteger("delays", 5);
        long seed = Long.getLong("seed", 2026);
        long timeoutSeconds = Long.getLong("timeoutSeconds", 3600);
        String url = System.getProperty("jdbcUrl", "");
        String user = System.getProperty("jdbcUser", "egov");
        String password = System.getProperty("jdbcPassword", "egov");
        boolean jdbc = !url.isBlank();

        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeoutSeconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.printf("timed out after %d s%n", timeoutSeconds);
            System.out.flush();
            System.exit(1);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        System.out.printf("reporting load: %d warm-up + %d measured analytics queries sequentially, %d at concurrency %d; "
                + "%d submission-to-dashboard delays; %s%n", warmup, queries, queries, concurrency, delays, BASE);

        // 1. Load.
        List<String> provinces;
        if (jdbc && Boolean.parseBoolean(System.getProperty("load", "true"))) {
            provinces = load(url, user, password);
        } else {
            provinces = jdbc ? provinces(url, user, password) : defaultProvinces();
            System.out.println("load: skipped (" + (jdbc ? "load=false" : "no jdbcUrl") + "); the bench data must be there");
        }

        // 2. Dashboard queries.
        Answer check = get(new Query(Shape.NATIONAL_YEAR, "BENCH_001", "2020", null).path(), analyst());
        expect(check, 200, "analytics of BENCH_001 for 2020");
        if (field(check.body(), "value") == null) {
            fail("the platform does not see the bench data (BENCH_001, 2020 has no value): does it use the database "
                    + "the harness loaded? " + check.body());
        }
        Random random = new Random(seed);
        run("warm-up", mix(random, warmup, provinces), 1);
        List<Query> sequential = mix(random, queries, provinces);
        boolean sequentialMet = run("sequential", sequential, 1);
        boolean concurrentMet = run("concurrency " + concurrency, mix(random, queries, provinces), concurrency);
        if (jdbc) {
            databaseFloor(url, user, password, sequential);
        }
        System.out.printf("target p95 < %.0f ms: sequential %s, concurrency %d %s%n", TARGET_P95_MS,
                sequentialMet ? "MET" : "MISSED", concurrency, concurrentMet ? "MET" : "MISSED");

        // 3. Submission-to-dashboard delay.
        if (delays > 0) {
            submissionToDashboard(delays, jdbc ? usedPeriods(url, user, password) : Set.of(), new Random(seed + 1));
        }

        // 4. Bulk import (dataValueSets) beside the COPY ceiling.
        int bulkMonths = Integer.getInteger("bulkMonths", 12);
        if (bulkMonths > 0) {
            if (!jdbc) {
                System.out.println("bulk import: skipped (no jdbcUrl: the COPY ceiling and the clean-up need it)");
            } else {
                bulkImport(url, user, password, provinces, bulkMonths);
            }
        }
    }

    // ---------------------------------------------------------------- 4. bulk import

    /** The year the bulk import writes (before the loaded years); its rows are removed before and after. */
    static final int BULK_YEAR = FIRST_YEAR - 1;
    static final long BULK_REPORT_BASE = REPORT_BASE + 90_000_000L;
    static final long BULK_VALUE_BASE = VALUE_BASE + 90_000_000_000L;

    /**
     * The Government Office's national system (client 000.00.00.G22, the bench regime's receiving body)
     * imports provinces × months × 200 indicators of BENCH_YEAR in one POST /api/v1/reporting/datavaluesets
     * (JSON, drafts); then the same rows are written by COPY in one transaction: values/s of both and the ratio.
     */
    static void bulkImport(String url, String user, String password, List<String> provinces, int months)
            throws Exception {
        int count = provinces.size() * months * INDICATORS;
        StringBuilder body = new StringBuilder(count * 100);
        body.append("{\"dataSet\":\"").append(REGIME).append("\",\"dataValues\":[");
        boolean first = true;
        for (int p = 0; p < provinces.size(); p++) {
            double size = 0.3 + (p * 37 % 100) / 50.0;
            for (int month = 1; month <= months; month++) {
                String period = String.format("%d-%02d", BULK_YEAR, month);
                SplittableRandom random = new SplittableRandom(p * 100L + month);
                for (int i = 1; i <= INDICATORS; i++) {
                    long cents = cents(i, size, month, random.nextDouble());
                    body.append(first ? "" : ",").append("{\"dataElement\":\"").append(indicator(i))
                            .append("\",\"period\":\"").append(period).append("\",\"orgUnit\":\"")
                            .append(provinces.get(p)).append("\",\"value\":\"").append(cents / 100).append('.')
                            .append(String.format("%02d", cents % 100)).append("\"}");
                    first = false;
                }
            }
        }
        body.append("]}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            removeBulk(c);
            System.out.printf("bulk import: %d provinces × %d months × %d indicators = %,d values, %,d bytes of JSON, "
                    + "one request%n", provinces.size(), months, INDICATORS, count, bytes.length);
            String national = token(GOVERNMENT_OFFICE, "grant_type=client_credentials&client_id="
                    + enc(GOVERNMENT_OFFICE) + "&client_secret=" + enc(SECRET));
            Answer dry = call("POST", "api/v1/reporting/datavaluesets?submit=false&dryRun=true", national,
                    "application/json", bytes);
            expect(dry, 200, "dry run of the bulk import");
            Answer a = call("POST", "api/v1/reporting/datavaluesets?submit=false", national, "application/json", bytes);
            expect(a, 200, "bulk import");
            long stored = count(c, "SELECT COUNT(*) FROM reporting_value WHERE report_id IN (SELECT id FROM "
                    + "reporting_report WHERE regime_code = '" + REGIME + "' AND period LIKE '" + BULK_YEAR + "-%')");
            if (stored != count) {
                fail("the bulk import stored " + stored + " values, not " + count + ": " + a.body());
            }
            double apiRate = count / (a.nanos() / 1e9);
            System.out.printf("  dry run %.2f s (%,.0f values/s); import %.2f s: %,.0f values/s%n", dry.nanos() / 1e9,
                    count / (dry.nanos() / 1e9), a.nanos() / 1e9, apiRate);
            removeBulk(c);

            // The ceiling: the same reports and values by COPY, one transaction.
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
            long t0 = System.nanoTime();
            Buffer reports = new Buffer(copy.copyIn("COPY reporting_report (id, regime_code, agency_code, period, "
                    + "status, deadline, late, created_by, created_at) FROM STDIN"));
            for (int p = 0; p < provinces.size(); p++) {
                for (int month = 1; month <= months; month++) {
                    String period = String.format("%d-%02d", BULK_YEAR, month);
                    reports.append(BULK_REPORT_BASE + p * 12L + month).tab().append(REGIME).tab()
                            .append(provinces.get(p)).tab().append(period).tab().append("DRAFT").tab().append(period)
                            .append("-20").tab().append("f").tab().append("bench").tab().append(now).line();
                }
            }
            reports.end();
            Buffer values = new Buffer(copy.copyIn("COPY reporting_value (id, report_id, indicator_code, breakdown, "
                    + "amount, agency_code, period, approved) FROM STDIN"));
            for (int p = 0; p < provinces.size(); p++) {
                double size = 0.3 + (p * 37 % 100) / 50.0;
                for (int month = 1; month <= months; month++) {
                    long report = BULK_REPORT_BASE + p * 12L + month;
                    String period = String.format("%d-%02d", BULK_YEAR, month);
                    SplittableRandom random = new SplittableRandom(p * 100L + month);
                    for (int i = 1; i <= INDICATORS; i++) {
                        values.append(BULK_VALUE_BASE + (report - BULK_REPORT_BASE) * INDICATORS + i).tab()
                                .append(report).tab().append(indicator(i)).tab().append("TOTAL").tab()
                                .appendCents(cents(i, size, month, random.nextDouble())).tab()
                                .append(provinces.get(p)).tab().append(period).tab().append("f").line();
                    }
                }
            }
            values.end();
            c.commit();
            double copyRate = count / ((System.nanoTime() - t0) / 1e9);
            c.setAutoCommit(true);
            removeBulk(c);
            System.out.printf("  COPY ceiling, same rows: %,.0f values/s; the import reaches %.1f %% of it "
                    + "(target ≥ 25 %%: %s)%n", copyRate, 100 * apiRate / copyRate,
                    apiRate >= 0.25 * copyRate ? "MET" : "MISSED");
        }
    }

    /** Removes the bulk year's reports of the bench regime (the import's or the COPY's). */
    static void removeBulk(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            String reports = "SELECT id FROM reporting_report WHERE regime_code = '" + REGIME + "' AND period LIKE '"
                    + BULK_YEAR + "-%'";
            st.executeUpdate("DELETE FROM reporting_value WHERE report_id IN (" + reports + ")");
            st.executeUpdate("DELETE FROM reporting_report WHERE regime_code = '" + REGIME + "' AND period LIKE '"
                    + BULK_YEAR + "-%'");
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    // ---------------------------------------------------------------- 1. load

    static List<String> defaultProvinces() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 63; i++) {
            codes.add(String.format("000.00.00.H%02d", i));
        }
        return codes;
    }

    static List<String> provinces(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return provinces(c);
        }
    }

    static List<String> provinces(Connection c) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT code FROM agency WHERE agency_level = 'PROVINCE' ORDER BY code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        if (codes.isEmpty()) {
            fail("no PROVINCE agency in the database: start the platform with demo data (EGOV_DEMO_ENABLED=true)");
        }
        return codes;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Loads the bench data unless it is there already; returns the provinces it covers. */
    static List<String> load(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            List<String> provinces = provinces(c);
            if (provinces.size() != 63) {
                System.out.printf("note: %d PROVINCE agencies in the directory (63 expected); loading those%n",
                        provinces.size());
            }
            long expectedReports = (long) provinces.size() * MONTHS;
            long expectedValues = expectedReports * INDICATORS;
            if (count(c, "SELECT COUNT(*) FROM reporting_regime WHERE code = '" + REGIME + "'") > 0) {
                long values = count(c, "SELECT COUNT(*) FROM reporting_value WHERE report_id IN "
                        + "(SELECT id FROM reporting_report WHERE regime_code = '" + REGIME + "')");
                if (values == expectedValues) {
                    System.out.printf("load: skipped, %s already has %,d values (%d provinces × %d months × %d "
                            + "indicators)%n", REGIME, values, provinces.size(), MONTHS, INDICATORS);
                    return provinces;
                }
                System.out.printf("load: %s has %,d of %,d values; removing them and loading again%n", REGIME, values,
                        expectedValues);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM reporting_value WHERE report_id IN "
                            + "(SELECT id FROM reporting_report WHERE regime_code = '" + REGIME + "')");
                    st.executeUpdate("DELETE FROM reporting_report WHERE regime_code = '" + REGIME + "'");
                }
                c.commit();
            }
            System.out.printf("load: %d indicators, regime %s, %d provinces × %d months (%d-01 … %d-12): %,d reports, "
                    + "%,d values%n", INDICATORS, REGIME, provinces.size(), MONTHS, FIRST_YEAR, FIRST_YEAR + YEARS - 1,
                    expectedReports, expectedValues);
            long start = System.nanoTime();
            c.setAutoCommit(false);
            metadata(c, provinces);
            c.commit();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
            long reports = 0;
            long values = 0;
            for (int y = 0; y < YEARS; y++) {
                long yearStart = System.nanoTime();
                long[] rows = copyYear(copy::copyIn, provinces, y, now);
                c.commit();
                reports += rows[0];
                values += rows[1];
                System.out.printf("  %d: %,d reports, %,d values in %.1f s%n", FIRST_YEAR + y, rows[0], rows[1],
                        (System.nanoTime() - yearStart) / 1e9);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("load: %,d rows (%,d reports, %,d values) in %.1f s: %,.0f rows/s%n", reports + values,
                    reports, values, seconds, (reports + values) / seconds);
            c.setAutoCommit(true);
            long analyze = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE reporting_report");
                st.execute("ANALYZE reporting_value");
            }
            System.out.printf("load: ANALYZE in %.1f s%n", (System.nanoTime() - analyze) / 1e9);
            return provinces;
        }
    }

    /** The bench indicators and the regime listing them and the provinces; what exists already stays. */
    static void metadata(Connection c, List<String> provinces) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reporting_indicator (code, name, name_en, unit, "
                + "value_type, aggregation, owner_code, active) VALUES (?, ?, ?, ?, 'NUMBER', ?, NULL, TRUE) "
                + "ON CONFLICT (code) DO NOTHING")) {
            for (int i = 1; i <= INDICATORS; i++) {
                ps.setString(1, indicator(i));
                ps.setString(2, String.format("Chỉ tiêu thử tải %03d", i));
                ps.setString(3, String.format("Bench indicator %03d", i));
                ps.setString(4, "đơn vị");
                ps.setString(5, aggregation(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reporting_regime (code, name, name_en, legal_basis, "
                + "period_type, deadline_day, receiver_code, active) VALUES (?, ?, ?, NULL, 'MONTH', 20, ?, TRUE) "
                + "ON CONFLICT (code) DO NOTHING")) {
            ps.setString(1, REGIME);
            ps.setString(2, "Chế độ báo cáo thử tải (bench)");
            ps.setString(3, "Bench load regime");
            ps.setString(4, GOVERNMENT_OFFICE);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reporting_regime_indicator (regime_code, "
                + "indicator_code, position, required) VALUES (?, ?, ?, FALSE) ON CONFLICT DO NOTHING")) {
            for (int i = 1; i <= INDICATORS; i++) {
                ps.setString(1, REGIME);
                ps.setString(2, indicator(i));
                ps.setInt(3, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reporting_regime_agency (regime_code, agency_code) "
                + "VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String province : provinces) {
                ps.setString(1, REGIME);
                ps.setString(2, province);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static final String[] CODES = new String[INDICATORS + 1];

    static String indicator(int i) {
        if (CODES[i] == null) {
            CODES[i] = String.format("BENCH_%03d", i);
        }
        return CODES[i];
    }

    static String aggregation(int i) {
        return AGGREGATIONS[(i - 1) % AGGREGATIONS.length];
    }

    /** One year of reports and their values, by COPY, in the connection's open transaction: {reports, values}. */
    static long[] copyYear(Copier copy, List<String> provinces, int y, String now) throws Exception {
        int year = FIRST_YEAR + y;
        Buffer reports = new Buffer(copy.copyIn("COPY reporting_report (id, regime_code, agency_code, period, status, "
                + "deadline, late, created_by, created_at, submitted_by, submitted_at, reviewed_by, reviewed_at) "
                + "FROM STDIN"));
        long reportRows = 0;
        for (int p = 0; p < provinces.size(); p++) {
            for (int month = 1; month <= 12; month++) {
                String period = String.format("%d-%02d", year, month);
                reports.append(reportId(p, y * 12 + month - 1)).tab().append(REGIME).tab().append(provinces.get(p))
                        .tab().append(period).tab().append("APPROVED").tab().append(period).append("-20").tab()
                        .append("f").tab().append("bench").tab().append(now).tab().append("bench").tab().append(now)
                        .tab().append("bench").tab().append(now).line();
                reportRows++;
            }
        }
        reports.end();
        Buffer values = new Buffer(copy.copyIn("COPY reporting_value (id, report_id, indicator_code, breakdown, amount, "
                + "agency_code, period, approved) FROM STDIN"));
        long valueRows = 0;
        for (int p = 0; p < provinces.size(); p++) {
            double size = 0.3 + (p * 37 % 100) / 50.0;
            for (int month = 1; month <= 12; month++) {
                int m = y * 12 + month - 1;
                long report = reportId(p, m);
                String period = String.format("%d-%02d", year, month);
                SplittableRandom random = new SplittableRandom(report);
                for (int i = 1; i <= INDICATORS; i++) {
                    values.append(VALUE_BASE + (report - REPORT_BASE) * INDICATORS + i - 1).tab().append(report).tab()
                            .append(indicator(i)).tab().append("TOTAL").tab()
                            .appendCents(cents(i, size, m, random.nextDouble())).tab().append(provinces.get(p)).tab()
                            .append(period).tab().append("t").line();
                    valueRows++;
                }
            }
        }
        values.end();
        return new long[] {reportRows, valueRows};
    }

    static long reportId(int province, int month) {
        return REPORT_BASE + (long) province * MONTHS + month;
    }

    /** A plausible figure in hundredths: flows and maxima scale with the province, rates stay near 100, stocks grow. */
    static long cents(int indicator, double size, int month, double r) {
        double base = 50 + indicator * 7919 % 5000;
        double value = switch (aggregation(indicator)) {
            case "SUM" -> base * size * (0.8 + 0.4 * r);
            case "AVERAGE" -> 95 + 10 * r;
            case "LAST" -> base * 12 * size * (1 + month / 240.0) * (0.98 + 0.04 * r);
            default -> base * size * (0.5 + r);
        };
        return Math.round(value * 100);
    }

    /** Starts a COPY … FROM STDIN: the driver's CopyManager. */
    interface Copier {
        CopyIn copyIn(String sql) throws SQLException;
    }

    /** Rows for COPY, sent to the server in chunks of about 1 MB (ASCII only: codes and numbers). */
    static final class Buffer {
        private final CopyIn in;
        private final StringBuilder text = new StringBuilder(1 << 21);

        Buffer(CopyIn in) {
            this.in = in;
        }

        Buffer append(String s) {
            text.append(s);
            return this;
        }

        Buffer append(long n) {
            text.append(n);
            return this;
        }

        Buffer appendCents(long cents) {
            long fraction = cents % 100;
            text.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
            return this;
        }

        Buffer tab() {
            text.append('\t');
            return this;
        }

        void line() throws SQLException {
            text.append('\n');
            if (text.length() >= 1 << 20) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                throw e;
            }
            text.setLength(0);
        }

        void end() throws SQLException {
            flush();
            in.endCopy();
        }
    }

    // ---------------------------------------------------------------- 2. dashboard queries

    static List<Query> mix(Random random, int n, List<String> provinces) {
        List<Query> list = new ArrayList<>(n);
        Shape[] shapes = Shape.values();
        for (int q = 0; q < n; q++) {
            Shape shape = shapes[random.nextInt(shapes.length)];
            String indicator = indicator(1 + random.nextInt(INDICATORS));
            int year = FIRST_YEAR + random.nextInt(YEARS);
            String period = switch (shape) {
                case NATIONAL_YEAR, PROVINCE_YEAR -> Integer.toString(year);
                case NATIONAL_QUARTER -> year + "-Q" + (1 + random.nextInt(4));
                case NATIONAL_MONTH, PROVINCE_MONTH -> String.format("%d-%02d", year, 1 + random.nextInt(12));
            };
            String agency = shape == Shape.PROVINCE_YEAR || shape == Shape.PROVINCE_MONTH
                    ? provinces.get(random.nextInt(provinces.size())) : null;
            list.add(new Query(shape, indicator, period, agency));
        }
        return list;
    }

    /** Runs the queries at the given concurrency and prints their latencies; true when p95 is under the target. */
    static boolean run(String title, List<Query> queries, int concurrency) throws Exception {
        long[] nanos = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        ExecutorService pool = daemonPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < queries.size()) {
                    Query q = queries.get(i);
                    Answer a = get(q.path(), analyst());
                    expect(a, 200, "analytics " + q.path());
                    if (field(a.body(), "value") == null) {
                        empty.incrementAndGet();
                    }
                    nanos[i] = a.nanos();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (title.equals("warm-up")) {
            System.out.printf("warm-up: %d queries in %.1f s (not counted)%n", queries.size(), seconds);
            return true;
        }
        System.out.printf("%s: %d queries in %.2f s, %.1f queries/s%s%n", title, queries.size(), seconds,
                queries.size() / seconds, empty.get() == 0 ? "" : " (" + empty.get() + " answers without a value!)");
        System.out.printf("  %-17s %5s %8s %8s %8s %8s %8s %9s%n", "shape", "n", "p50 ms", "p90 ms", "p95 ms", "p99 ms",
                "max ms", "queries/s");
        for (Shape shape : Shape.values()) {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                if (queries.get(i).shape() == shape) {
                    mine.add(nanos[i]);
                }
            }
            if (!mine.isEmpty()) {
                long total = mine.stream().mapToLong(Long::longValue).sum();
                row(shape.label, mine, mine.size() * concurrency / (total / 1e9));
            }
        }
        List<Long> all = new ArrayList<>();
        Arrays.stream(nanos).forEach(all::add);
        double p95 = row("all", all, queries.size() / seconds);
        boolean met = p95 < TARGET_P95_MS;
        System.out.printf("  p95 %.1f ms: target < %.0f ms %s%n", p95, TARGET_P95_MS, met ? "MET" : "MISSED");
        return met;
    }

    /** Prints one line of percentiles; returns p95 in ms. */
    static double row(String label, List<Long> latencies, double perSecond) {
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf("  %-17s %5d %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f%n", label, sorted.size(), pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, perSecond);
        return pct(sorted, 95);
    }

    static double pct(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Daemon workers: if the run fails, the harness exits with the error instead of hanging. */
    static ExecutorService daemonPool(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The stored period keys inside a period, as the analytics read them: months, quarters, halves, the year. */
    static List<String> periodKeys(String period) {
        List<String> keys = new ArrayList<>();
        if (period.length() == 4) {
            for (int m = 1; m <= 12; m++) {
                keys.add(String.format("%s-%02d", period, m));
            }
            for (int q = 1; q <= 4; q++) {
                keys.add(period + "-Q" + q);
            }
            keys.add(period + "-H1");
            keys.add(period + "-H2");
            keys.add(period);
        } else if (period.contains("-Q")) {
            int q = period.charAt(period.length() - 1) - '0';
            for (int m = 3 * q - 2; m <= 3 * q; m++) {
                keys.add(String.format("%s-%02d", period.substring(0, 4), m));
            }
            keys.add(period);
        } else {
            keys.add(period);
        }
        return keys;
    }

    /** The same measured queries as bare SQL, one at a time: what the database alone needs per dashboard query. */
    static void databaseFloor(String url, String user, String password, List<Query> queries) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        Map<Integer, PreparedStatement> statements = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (Query q : queries) {
                List<String> keys = periodKeys(q.period());
                PreparedStatement ps = statements.computeIfAbsent(keys.size(), n -> {
                    try {
                        return c.prepareStatement("SELECT period, agency_code, amount FROM reporting_value WHERE "
                                + "indicator_code = ? AND period IN (" + "?,".repeat(n - 1) + "?) AND approved = TRUE "
                                + "AND breakdown = 'TOTAL'");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long t0 = System.nanoTime();
                ps.setString(1, q.indicator());
                for (int k = 0; k < keys.size(); k++) {
                    ps.setString(2 + k, keys.get(k));
                }
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getBigDecimal(3);
                        rows++;
                    }
                }
                nanos.add(System.nanoTime() - t0);
                if (rows == 0) {
                    fail("no rows in the database for " + q.path());
                }
            }
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
        nanos.sort(null);
        System.out.printf("database floor (the analytics' SQL alone, sequential, same %d queries): p50 %.1f ms, "
                + "p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos.size(), pct(nanos, 50), pct(nanos, 95),
                pct(nanos, 99), nanos.get(nanos.size() - 1) / 1e6);
    }

    // ---------------------------------------------------------------- 3. submission to dashboard

    /** Periods Nghệ An already has a report for under the monthly regime. */
    static Set<String> usedPeriods(String url, String user, String password) throws SQLException {
        Set<String> used = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement("SELECT period FROM reporting_report WHERE regime_code = ? "
                        + "AND agency_code = ?")) {
            ps.setString(1, MONTHLY);
            ps.setString(2, NGHE_AN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    used.add(rs.getString(1));
                }
            }
        }
        return used;
    }

    /** 2023-01 … 2023-12, then 2022-12 back to 2001-01: months no demo data or integration test uses. */
    static List<String> candidatePeriods() {
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(String.format("2023-%02d", m));
        }
        for (int y = 2022; y >= 2001; y--) {
            for (int m = 12; m >= 1; m--) {
                periods.add(String.format("%d-%02d", y, m));
            }
        }
        return periods;
    }

    static String money(long cents) {
        return (cents / 100) + "." + String.format("%02d", cents % 100);
    }

    static void submissionToDashboard(int delays, Set<String> used, Random random) throws Exception {
        System.out.printf("submission to dashboard: %s reports %s, %s approves, then the analytics of RETAIL_TOTAL "
                + "for %s are read until they show it%n", NGHE_AN, MONTHLY, ANALYST, NGHE_AN);
        List<Double> visible = new ArrayList<>();
        int skipped = 0;
        for (String period : candidatePeriods()) {
            if (visible.size() == delays) {
                break;
            }
            if (used.contains(period)) {
                skipped++;
                continue;
            }
            long goods = 70_000 + random.nextInt(30_000);
            long services = 20_000 + random.nextInt(10_000);
            String total = money(goods + services);
            String body = """
                    {"regime":"%s","agency":"%s","period":"%s","submit":true,"values":[\
                    {"indicator":"RETAIL_GOODS","value":%s},{"indicator":"RETAIL_SERVICES","value":%s},\
                    {"indicator":"RETAIL_TOTAL","value":%s},{"indicator":"BUDGET_REVENUE","value":%s},\
                    {"indicator":"NEW_BUSINESSES","value":%d},{"indicator":"CPI","value":103.2},\
                    {"indicator":"DOSSIERS_TOTAL","value":%d},{"indicator":"ONLINE_DOSSIER_RATE","value":61.5},\
                    {"indicator":"INVEST_PLAN","value":6000},{"indicator":"INVEST_DISBURSED","value":1200}]}"""
                    .formatted(MONTHLY, NGHE_AN, period, money(goods), money(services), total,
                            money(150_000 + random.nextInt(20_000)), 150 + random.nextInt(100), 9000 + random.nextInt(500));
            String reporter = reporter();
            long submitStart = System.nanoTime();
            Answer submitted = post("api/v1/reporting/reports", reporter, "application/json", body);
            if (submitted.status() == 409 && "reporting.report.not-editable".equals(field(submitted.body(), "code"))) {
                skipped++;
                continue;
            }
            expect(submitted, 201, "submitting " + MONTHLY + " " + period + " for " + NGHE_AN);
            String id = field(submitted.body(), "id");
            if (!"SUBMITTED".equals(field(submitted.body(), "status"))) {
                fail("the submitted report is not SUBMITTED: " + submitted.body());
            }
            Answer approved = post("api/v1/reporting/reports/" + id + "/approval", analyst(), "application/json",
                    "{\"approve\":true}");
            long answered = System.nanoTime();
            expect(approved, 200, "approving report " + id);
            if (!"APPROVED".equals(field(approved.body(), "status"))) {
                fail("the approved report is not APPROVED: " + approved.body());
            }
            String path = new Query(Shape.PROVINCE_MONTH, "RETAIL_TOTAL", period, NGHE_AN).path();
            int polls = 0;
            long shownAt;
            while (true) {
                Answer a = get(path, analyst());
                polls++;
                expect(a, 200, "analytics " + path);
                String value = field(a.body(), "value");
                if (value != null && new java.math.BigDecimal(value).compareTo(new java.math.BigDecimal(total)) == 0) {
                    shownAt = System.nanoTime();
                    break;
                }
                if (System.nanoTime() - answered > 30_000_000_000L) {
                    fail("the dashboard did not show " + total + " for " + period + " within 30 s: " + a.body());
                }
                Thread.sleep(polls < 10 ? 0 : 20);
            }
            double delay = (shownAt - answered) / 1e6;
            visible.add(delay);
            System.out.printf("  %s (report %s): submit %.1f ms, approve %.1f ms, on the dashboard %.1f ms after the "
                    + "approval's answer (%d quer%s); submission start to dashboard %.1f ms%n", period, id,
                    submitted.nanos() / 1e6, approved.nanos() / 1e6, delay, polls, polls == 1 ? "y" : "ies",
                    (shownAt - submitStart) / 1e6);
        }
        if (visible.size() < delays) {
            fail("only " + visible.size() + " of " + delays + " free periods found for " + NGHE_AN + " under " + MONTHLY);
        }
        visible.sort(null);
        System.out.printf("submission to dashboard: %d periods (%d already used, skipped); approval answer to dashboard "
                + "median %.1f ms, max %.1f ms%n", visible.size(), skipped, visible.get(visible.size() / 2),
                visible.get(visible.size() - 1));
    }

    // ---------------------------------------------------------------- HTTP and JSON

    static final Map<String, Object[]> TOKENS = new HashMap<>();

    static String analyst() {
        return token(ANALYST, "grant_type=password&username=" + ANALYST + "&password=" + enc(SECRET));
    }

    static String reporter() {
        return token(NGHE_AN, "grant_type=client_credentials&client_id=" + enc(NGHE_AN) + "&client_secret=" + enc(SECRET));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A cached token, taken again before it expires (900 s by default) so long runs keep going. */
    static synchronized String token(String who, String form) {
        Object[] cached = TOKENS.get(who);
        if (cached == null || System.nanoTime() - (Long) cached[1] > TOKEN_REFRESH_NANOS) {
            Answer a = post("api/v1/auth/token", null, "application/x-www-form-urlencoded", form);
            expect(a, 200, "token for " + who);
            String token = field(a.body(), "access_token");
            if (token == null) {
                fail("no access_token for " + who + ": " + a.body());
            }
            cached = new Object[] {token, System.nanoTime()};
            TOKENS.put(who, cached);
        }
        return (String) cached[0];
    }

    static Answer get(String path, String token) {
        return call("GET", path, token, null, null);
    }

    static Answer post(String path, String token, String type, String body) {
        return call("POST", path, token, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One request over a kept-alive HTTP/1.1 connection (HttpURLConnection: it costs the harness far
     * less CPU per request than java.net.http, and the harness shares the machine with the server).
     */
    static Answer call(String method, String path, String token, String type, byte[] body) {
        try {
            long t0 = System.nanoTime();
            HttpURLConnection c = (HttpURLConnection) URI.create(BASE + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(120_000);
            c.setRequestProperty("Accept", "application/json");
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                c.setRequestProperty("Content-Type", type);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            String text;
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(status, text, System.nanoTime() - t0);
        } catch (IOException e) {
            fail(method + " " + BASE + path + " failed: " + e);
            return null;
        }
    }

    static void expect(Answer a, int status, String what) {
        if (a.status() != status) {
            fail(what + ": HTTP " + a.status() + " (expected " + status + ") " + a.body());
        }
    }

    static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.out.flush();
        System.exit(1);
    }

    /**
     * A scalar member of the top-level JSON object, as text (strings unescaped for \" and \\ only),
     * or null when absent or null. Nested objects and arrays are skipped, so the analytics' own
     * {@code value} is found and not that of one of its parts.
     */
    static String field(String json, String key) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                if (depth == 1 && json.regionMatches(i + 1, key, 0, key.length()) && end == i + 1 + key.length()) {
                    int j = skipSpace(json, end + 1);
                    if (j < json.length() && json.charAt(j) == ':') {
                        j = skipSpace(json, j + 1);
                        if (j >= json.length()) {
                            return null;
                        }
                        if (json.charAt(j) == '"') {
                            return json.substring(j + 1, endOfString(json, j)).replace("\\\"", "\"").replace("\\\\", "\\");
                        }
                        int k = j;
                        while (k < json.length() && ",}] \t\r\n".indexOf(json.charAt(k)) < 0) {
                            k++;
                        }
                        String raw = json.substring(j, k);
                        return raw.equals("null") || raw.startsWith("{") || raw.startsWith("[") ? null : raw;
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    /** The index of the quote closing the string that opens at {@code start}. */
    static int endOfString(String json, int start) {
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return json.length();
    }

    static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
