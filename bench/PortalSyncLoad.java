import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for portal status sync. A demo one-stop system (Nghệ An) reports new dossiers
 * (DongBoHoSoMC) through POST /api/v1/portal/sync/dossiers in batches of 100, then the steps that
 * move each to "processing" (CapNhatTienDoHoSoMC, POST /progress, also in batches of 100), then
 * single-record requests; it prints records/s and requests/s with latency percentiles. In the same
 * run it measures the ceiling: the same rows a batch of new dossiers writes (the dossier and its
 * applicant's e-mail in the outbox), written by bare JDBC batches of 100 per transaction at the same
 * concurrency, into tables of the same shape (columns, indexes, foreign key; dropped afterwards). Run by bench/portal-sync.sh
 * against a platform started on PostgreSQL in demo mode.
 *
 * After the warm-up the portal tables are analysed, as autovacuum does on a database in use.
 *
 * Options (system properties): base, records (20000), concurrency (4), singles (2000), warmup
 * (10000 records first, not measured), batch (100), client (000.00.00.H41-motcua), secret (demo),
 * jdbcUrl, jdbcUser, jdbcPassword.
 */
public class PortalSyncLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String BASE = System.getProperty("base", "http://localhost:8080/");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter SYNC = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    static String token;

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 20000);
        int concurrency = Integer.getInteger("concurrency", 4);
        int singles = Integer.getInteger("singles", 2000);
        int warmup = Integer.getInteger("warmup", 10000);
        int batch = Integer.getInteger("batch", 100);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36).toUpperCase();
        token = token(System.getProperty("client", "000.00.00.H41-motcua"), System.getProperty("secret", "demo"));
        System.out.printf("portal status sync: %d records in batches of %d, concurrency %d (run %s)%n",
                records, batch, concurrency, run);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });

        if (warmup > 0) {
            Result warm = batches(pool, "dossiers", run + "W", warmup, batch, false);
            batches(pool, "progress", run + "W", warmup, batch, true);
            System.out.printf("warm-up: %d dossiers and their steps (not measured; %.0f records/s)%n",
                    warmup, warm.records / warm.seconds);
        }
        // Planner statistics as a database in use has them (autovacuum's ANALYZE): tables that grew from
        // empty within the minute still look empty to PostgreSQL, which then scans them sequentially.
        try (Connection db = DriverManager.getConnection(
                        System.getProperty("jdbcUrl"), System.getProperty("jdbcUser"), System.getProperty("jdbcPassword"));
                Statement s = db.createStatement()) {
            s.execute("ANALYZE portal_dossier, portal_dossier_step, portal_notification");
        }
        Result dossiers = batches(pool, "dossiers", run, records, batch, false);
        report("dossiers, batch API (new dossiers, one e-mail each)", dossiers, records / batch);
        Result steps = batches(pool, "progress", run, records, batch, true);
        report("steps, batch API (status 2 → 4, one e-mail each)", steps, records / batch);
        Result single = batches(pool, "dossiers", run + "S", singles, 1, false);
        report("dossiers, one record per request", single, singles);

        double ceiling = ceiling(pool, concurrency, records, batch);
        System.out.printf("ceiling: bare JDBC batches of %d (dossier + outbox row each, one transaction per batch): "
                + "%.0f records/s%n", batch, ceiling);
        double rate = dossiers.records / dossiers.seconds;
        System.out.printf("batch API / ceiling: %.0f %%  (target ≥ 50 %%); batch API %s 10 000 records/s target%n",
                100 * rate / ceiling, rate >= 10_000 ? "meets the" : "is below the");
    }

    record Result(int records, double seconds, List<Long> latencies) {}

    static void report(String what, Result r, int requests) {
        List<Long> sorted = new ArrayList<>(r.latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %d records in %.2f s = %.0f records/s, %.0f requests/s; latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n",
                what, r.records, r.seconds, r.records / r.seconds, requests / r.seconds, pct(sorted, 50),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    static Result batches(ExecutorService pool, String path, String run, int records, int batch, boolean steps)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < records; from += batch) {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < Math.min(records, from + batch); i++) {
                body.append(i == from ? "" : ",").append(steps ? step(run, i) : dossier(run, i));
            }
            bodies.add(body.append(']').toString());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize(); t++) {
            done.add(pool.submit((Callable<Void>) () -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create(BASE + "api/v1/portal/sync/" + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    Matcher m = ACCEPTED.matcher(response.body());
                    if (response.statusCode() != 200 || !m.find()) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    accepted.addAndGet(Long.parseLong(m.group(1)));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (accepted.get() != records) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + records);
        }
        return new Result(records, seconds, latencies);
    }

    static String received() {
        return SYNC.format(LocalDateTime.now(VIETNAM).minusDays(1).withHour(8).withMinute(0).withSecond(0));
    }

    static String dossier(String run, int i) {
        return "{\"MaHoSo\":\"000.00.00.H41-" + run + "-" + i + "\",\"MaTTHC\":\"1.001193\",\"TenTTHC\":\"Đăng ký khai sinh\","
                + "\"MaLinhVuc\":\"HT\",\"TenLinhVuc\":\"Hộ tịch\",\"LoaiDoiTuong\":\"1\",\"ChuHoSo\":\"Nguyễn Văn An\","
                + "\"Email\":\"an" + i + "@example.vn\",\"SoDienThoai\":\"0912345678\","
                + "\"TrichYeuHoSo\":\"Đăng ký khai sinh cho con\",\"NgayTiepNhan\":\"" + received() + "\","
                + "\"NgayHenTra\":\"" + SYNC.format(LocalDateTime.now(VIETNAM).plusDays(3).withHour(17)) + "\","
                + "\"TrangThaiHoSo\":\"2\",\"HinhThuc\":\"0\",\"DonViXuLy\":\"UBND xã Hưng Lộc\",\"SoBienNhan\":\"BN-" + i + "\"}";
    }

    static String step(String run, int i) {
        return "{\"MaHoSo\":\"000.00.00.H41-" + run + "-" + i + "\",\"NguoiXuLy\":\"Trần Thị Bình\","
                + "\"ChucDanh\":\"Công chức tư pháp - hộ tịch\",\"ThoiDiemXuLy\":\""
                + SYNC.format(LocalDateTime.now(VIETNAM).minusHours(1)) + "\",\"PhongBanXuLy\":\"Bộ phận một cửa\","
                + "\"NoiDungXuLy\":\"Chuyển xử lý\",\"TrangThai\":\"4\"}";
    }

    /** The same rows written by bare JDBC: batches of dossier rows and outbox rows, one transaction per batch. */
    static double ceiling(ExecutorService pool, int concurrency, int records, int batch) throws Exception {
        // The driver setting the platform's pool has (server-config/configure-domain.sh): batches of
        // inserts sent as multi-row INSERTs, so the ceiling is what the same driver can do at best.
        String base = System.getProperty("jdbcUrl");
        String url = base + (base.contains("reWriteBatchedInserts") ? "" : (base.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true");
        String user = System.getProperty("jdbcUser");
        String password = System.getProperty("jdbcPassword");
        // The same columns, indexes and foreign key in tables of their own, dropped afterwards: deleting
        // rows from the real ones would cost a scan of the outbox per dossier (its dossier_pk has no index).
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            s.executeUpdate("DROP TABLE IF EXISTS bench_sync_notification");
            s.executeUpdate("DROP TABLE IF EXISTS bench_sync_dossier");
            s.executeUpdate("CREATE TABLE bench_sync_dossier (LIKE portal_dossier INCLUDING ALL)");
            s.executeUpdate("CREATE TABLE bench_sync_notification (LIKE portal_notification INCLUDING ALL, "
                    + "FOREIGN KEY (dossier_pk) REFERENCES bench_sync_dossier (id))");
        }
        AtomicLong ids = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        int batches = records / batch;
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            done.add(pool.submit((Callable<Void>) () -> {
                try (Connection db = DriverManager.getConnection(url, user, password)) {
                    db.setAutoCommit(false);
                    try (PreparedStatement dossier = db.prepareStatement("INSERT INTO bench_sync_dossier (id, code, "
                                    + "procedure_code, procedure_name, field_code, field_name, applicant_type, "
                                    + "applicant_name, email, phone, summary, agency_code, handling_unit, channel, "
                                    + "delivery, status, received_at, due_at, status_at, source, reported_by, extra_json, "
                                    + "created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                            PreparedStatement notice = db.prepareStatement("INSERT INTO bench_sync_notification (id, "
                                    + "dossier_pk, recipient, subject, body, created_at, attempts, next_try_at) "
                                    + "VALUES (?,?,?,?,?,?,?,?)")) {
                        for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                            Timestamp now = new Timestamp(System.currentTimeMillis());
                            for (int i = 0; i < batch; i++) {
                                long id = -ids.incrementAndGet();
                                int c = 1;
                                dossier.setLong(c++, id);
                                dossier.setString(c++, "CEILING" + id);
                                dossier.setString(c++, "1.001193");
                                dossier.setString(c++, "Đăng ký khai sinh");
                                dossier.setString(c++, "HT");
                                dossier.setString(c++, "Hộ tịch");
                                dossier.setInt(c++, 1);
                                dossier.setString(c++, "Nguyễn Văn An");
                                dossier.setString(c++, "an@example.vn");
                                dossier.setString(c++, "0912345678");
                                dossier.setString(c++, "Đăng ký khai sinh cho con");
                                dossier.setString(c++, "000.00.00.H41");
                                dossier.setString(c++, "UBND xã Hưng Lộc");
                                dossier.setInt(c++, 1);
                                dossier.setInt(c++, 0);
                                dossier.setInt(c++, 2);
                                dossier.setTimestamp(c++, now);
                                dossier.setTimestamp(c++, now);
                                dossier.setTimestamp(c++, now);
                                dossier.setString(c++, "SYNC");
                                dossier.setString(c++, "000.00.00.H41-motcua");
                                dossier.setString(c++, "{\"SoBienNhan\":\"BN-" + id + "\"}");
                                dossier.setTimestamp(c++, now);
                                dossier.setTimestamp(c++, now);
                                dossier.setLong(c++, 1);
                                dossier.addBatch();
                                notice.setLong(1, id);
                                notice.setLong(2, id);
                                notice.setString(3, "an@example.vn");
                                notice.setString(4, "Hồ sơ CEILING" + id + ": Được tiếp nhận");
                                notice.setString(5, "Kính gửi Nguyễn Văn An,\n\nHồ sơ đã chuyển sang trạng thái: Được tiếp nhận.");
                                notice.setTimestamp(6, now);
                                notice.setInt(7, 0);
                                notice.setTimestamp(8, now);
                                notice.addBatch();
                            }
                            dossier.executeBatch();
                            notice.executeBatch();
                            db.commit();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            s.executeUpdate("DROP TABLE bench_sync_notification");
            s.executeUpdate("DROP TABLE bench_sync_dossier");
        }
        return batches * batch / seconds;
    }

    static String token(String client, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "api/v1/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }
}
