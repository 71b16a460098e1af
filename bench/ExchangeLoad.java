import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for the document exchange axis. Prepares N signed edXML documents (a random
 * attachment of the given size, 3 recipients each, senders spread over the 63 provinces), then sends
 * them with the given concurrency and prints documents/s and latency percentiles. The same run
 * measures the database's raw commit rate three ways, each at the same concurrency: one-row insert +
 * commit per operation; the rows one send writes + commit per operation ("document-shaped"); and
 * pgbench's TPC-B transaction, if pgbench is installed. Run by bench/exchange-load.sh against a
 * platform started on PostgreSQL in demo mode.
 *
 * Options (system properties): base (http://localhost:8080/), docs (1000), concurrency (8),
 * attachmentKb (100), warmup (5000 documents sent first, not measured), jdbcUrl, jdbcUser,
 * jdbcPassword, secret (demo), mode: {@code api} (POST /api/v1/exchange/documents with a token),
 * {@code vxp} (POST /vxp/sendEdoc as the VPCP SDK sends it: signed headers, hash-file, the file and
 * a CRLF; one system per sending province, registered by the demo operator client) or {@code both}
 * (the default: the same number of documents through each, one after the other, in one run).
 */
public class ExchangeLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final String BASE = System.getProperty("base", "http://localhost:8080/");
    static final String SECRET = System.getProperty("secret", "demo");

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("docs", 1000);
        int concurrency = Integer.getInteger("concurrency", 8);
        int attachmentKb = Integer.getInteger("attachmentKb", 100);
        // CodeNumber is at most 11 digits: 6 for the run (seconds, repeating every 11 days), 5 for the document.
        String run = String.format("%06d", System.currentTimeMillis() / 1000 % 1_000_000);
        int warmup = Integer.getInteger("warmup", 5000);
        String mode = System.getProperty("mode", "both");
        List<String> apis = switch (mode) {
            case "api" -> List.of("api");
            case "vxp" -> List.of("vxp");
            case "both" -> List.of("api", "vxp");
            default -> throw new IllegalArgumentException("mode is api, vxp or both, not " + mode);
        };
        int measuredDocs = docs * apis.size();
        if (warmup + measuredDocs > 99_999) {
            throw new IllegalArgumentException("at most 99 999 documents per run, warm-up included");
        }
        System.out.printf("exchange load: %d documents, %d KB attachment, 3 recipients each, concurrency %d%n",
                docs, attachmentKb, concurrency);

        ExecutorService pool = daemonPool(concurrency);
        long prepareStart = System.nanoTime();
        List<Future<String[]>> prepared = new ArrayList<>();
        for (int i = 0; i < warmup + measuredDocs; i++) {
            int n = i;
            prepared.add(pool.submit(() -> prepare(n, run, attachmentKb)));
        }
        // Bodies go out as ready bytes, as a partner system sends a package it has already built.
        List<Object[]> packages = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            String[] p = prepared.get(i).get();
            prepared.set(i, null); // keep only the bytes: a large run must fit the harness's heap
            packages.add(new Object[] {p[0], p[1].getBytes(StandardCharsets.UTF_8)});
        }
        System.out.printf("prepared and signed %d packages in %.1f s (not measured)%n", warmup + measuredDocs,
                (System.nanoTime() - prepareStart) / 1e9);
        if (apis.contains("vxp")) {
            for (int province = 1; province <= 63; province++) {
                Vxp.register(String.format("000.00.00.H%02d", province), run);
            }
        }
        if (warmup > 0) {
            // The warm-up is shared by the APIs measured, so each one's path is compiled before it is timed.
            int each = warmup / apis.size();
            for (int a = 0; a < apis.size(); a++) {
                Run warm = sendAll(pool, packages.subList(a * each, (a + 1) * each), apis.get(a));
                System.out.printf("warm-up %s: %d documents at %.1f documents/s (not measured: the server's JIT "
                        + "compiles the send path)%n", apis.get(a), warm.sent(), warm.sent() / warm.seconds());
            }
        }

        double rate = 0;
        for (int a = 0; a < apis.size(); a++) {
            String api = apis.get(a);
            Run measured = sendAll(pool, packages.subList(warmup + a * docs, warmup + (a + 1) * docs), api);
            double seconds = measured.seconds();
            List<Long> sorted = measured.latencies();
            System.out.printf("%s: sent %d documents (%d refused) in %.2f s: %.1f documents/s, %.1f deliveries/s%n",
                    api.equals("api") ? "POST /api/v1/exchange/documents" : "POST /vxp/sendEdoc", sorted.size(),
                    measured.failures(), seconds, sorted.size() / seconds, 3 * sorted.size() / seconds);
            if (!sorted.isEmpty()) {
                System.out.printf("%s: latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", api,
                        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
            }
            rate = Math.max(rate, sorted.size() / seconds);
        }

        String url = System.getProperty("jdbcUrl");
        if (url != null && !url.isBlank()) {
            String user = System.getProperty("jdbcUser", "egov");
            String password = System.getProperty("jdbcPassword", "egov");
            double ceiling = rawCommits(url, user, password, concurrency, 5000);
            System.out.printf("database ceiling 1: %.0f single-row commits/s at concurrency %d; the axis reached %.1f%% of it%n",
                    ceiling, concurrency, 100.0 * rate / ceiling);
            double shaped = documentShapedCommits(url, user, password, concurrency, 3000);
            System.out.printf("database ceiling 2: %.0f document-shaped transactions/s at concurrency %d (the rows one send "
                    + "writes, under the same head-row lock, by bare JDBC); the axis reached %.1f%% of it%n",
                    shaped, concurrency, 100.0 * rate / shaped);
            double tpcb = pgbench(url, user, password, concurrency);
            if (tpcb > 0) {
                System.out.printf("database ceiling 3: %.0f pgbench TPC-B transactions/s at %d clients (5 statements and a "
                        + "commit each); the axis reached %.1f%% of it%n", tpcb, concurrency, 100.0 * rate / tpcb);
            }
        }
        pool.shutdown();
    }

    /** What a batch of sends gave: latencies of the accepted ones (sorted), refusals, wall time. */
    record Run(List<Long> latencies, int failures, double seconds) {
        int sent() {
            return latencies.size();
        }
    }

    /** Sends every package with the pool's concurrency; a refusal or a duplicate counts as a failure. */
    static Run sendAll(ExecutorService pool, List<Object[]> packages, String api) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (Object[] p : packages) {
            sends.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                String[] response = api.equals("vxp")
                        ? Vxp.send((String) p[0], (byte[]) p[1])
                        : send(token((String) p[0]), (byte[]) p[1]);
                long t1 = System.nanoTime();
                boolean accepted = api.equals("vxp")
                        ? response[0].equals("200") && response[1].contains("\"ErrorCode\":\"0\"")
                        : response[0].equals("202") && !response[1].contains("\"duplicate\":true");
                if (!accepted) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("refused: " + response[0] + " " + response[1]);
                    }
                } else {
                    latencies.add(t1 - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : sends) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(sorted, failures.get(), seconds);
    }

    /** A worker that shares a fixed amount of work with the others. */
    interface Worker {
        void run() throws Exception;
    }

    /** Runs {@code concurrency} copies of the worker until they finish; {@code total} operations per second. */
    static double ratePerSecond(int concurrency, int total, Worker worker) throws Exception {
        ExecutorService pool = daemonPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                worker.run();
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** Daemon workers: if the run fails, the harness exits with the error instead of hanging. */
    static ExecutorService daemonPool(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
    }

    static double pct(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** A signed package from a province to three central agencies: {sender, xml}. */
    static String[] prepare(int n, String run, int attachmentKb) throws Exception {
        String sender = String.format("000.00.00.H%02d", 1 + n % 63);
        List<String> to = List.of(String.format("000.00.00.G%02d", 1 + n % 30),
                String.format("000.00.00.G%02d", 1 + (n + 7) % 30), String.format("000.00.00.G%02d", 1 + (n + 13) % 30));
        byte[] attachment = new byte[attachmentKb * 1024];
        new Random(n).nextBytes(attachment);
        String number = run + String.format("%05d", n);
        StringBuilder recipients = new StringBuilder();
        to.forEach(c -> recipients.append("<edXML:To><edXML:OrganId>").append(c).append("</edXML:OrganId></edXML:To>"));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>
                <edXML:From><edXML:OrganId>%1$s</edXML:OrganId></edXML:From>%2$s
                <edXML:DocumentId>%1$s,2026/11/20,%3$s/UBND-VP</edXML:DocumentId>
                <edXML:Code><edXML:CodeNumber>%3$s</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                <edXML:PromulgationInfo><edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate></edXML:PromulgationInfo>
                <edXML:DocumentType><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                <edXML:Subject>V/v báo cáo số %3$s</edXML:Subject>
                </edXML:MessageHeader></edXML:edXMLHeader>
                <edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/octet-stream</edXML:ContentType><edXML:AttachmentName>baocao.bin</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>
                </edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>%4$s</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML:edXML>
                """.formatted(sender, recipients, number, Base64.getMimeEncoder().encodeToString(attachment));
        HttpResponse<String> signed = post("api/v1/exchange/demo/sign", token(sender), "application/xml", xml);
        if (signed.statusCode() != 200) {
            throw new IllegalStateException("signing refused: " + signed.statusCode() + " " + signed.body());
        }
        return new String[] {sender, signed.body()};
    }

    /**
     * One send over a kept-alive HTTP/1.1 connection (HttpURLConnection: it costs the harness far
     * less CPU per request than java.net.http, and the harness shares the machine with the server).
     */
    static String[] send(String token, byte[] body) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(BASE + "api/v1/exchange/documents")
                    .toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "application/xml");
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setReadTimeout(120_000);
            try (var out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new String[] {Integer.toString(status),
                        in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8)};
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The VPCP SDK's sendEdoc, as its VnptService and MultipartUtility build it: every parameter as
     * an XroadVnpt- header, their compact JSON signed with HMAC-SHA256 under the system's secret, the
     * file's SHA-256 as unpadded hex, the file followed by CRLF.
     */
    static final class Vxp {
        static final Map<String, String[]> SYSTEMS = new ConcurrentHashMap<>();

        /** One system per sending agency, registered by the demo operator client; its secret shown once. */
        static void register(String agency, String run) {
            String id = "bench-" + run + "-" + agency.substring(agency.length() - 3);
            HttpResponse<String> created = post("api/v1/exchange/systems", token("sysadmin-client"),
                    "application/json", "{\"id\":\"" + id + "\",\"name\":\"bench\",\"agency\":\"" + agency + "\"}");
            Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(created.body());
            if (created.statusCode() != 201 || !secret.find()) {
                throw new IllegalStateException("system not registered: " + created.statusCode() + " " + created.body());
            }
            SYSTEMS.put(agency, new String[] {id, secret.group(1)});
        }

        static String[] send(String agency, byte[] file) {
            String[] system = SYSTEMS.get(agency);
            try {
                java.util.HashMap<String, String> headers = new java.util.HashMap<>();
                java.text.SimpleDateFormat stamp = new java.text.SimpleDateFormat("ddMMyyyy'T'HHmmss+SSSS");
                stamp.setTimeZone(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
                headers.put("timestamp", stamp.format(new java.util.Date()));
                headers.put("systemid", system[0]);
                headers.put("from", agency);
                headers.put("servicetype", "eDoc");
                headers.put("messagetype", "edoc");
                StringBuilder hash = new StringBuilder();
                for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(file)) {
                    hash.append(Integer.toHexString(0xFF & b));
                }
                headers.put("hash-file", hash.toString());
                headers.put("Content-Type", "application/octet-stream");
                StringBuilder json = new StringBuilder("{");
                StringBuilder keys = new StringBuilder();
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    json.append(json.length() > 1 ? "," : "").append("\"XroadVnpt-").append(h.getKey()).append("\":\"")
                            .append(h.getValue()).append('"');
                    keys.append(keys.length() > 0 ? ";" : "").append(h.getKey());
                }
                String signed = json.append('}').toString();
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(system[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                StringBuilder signature = new StringBuilder();
                for (byte b : mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))) {
                    signature.append(String.format("%02x", b));
                }
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(BASE + "vxp/sendEdoc")
                        .toURL().openConnection();
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(file.length + 2);
                c.setRequestProperty("Content-Type", "application/octet-stream");
                headers.forEach((name, value) -> c.setRequestProperty("XroadVnpt-" + name, value));
                c.setRequestProperty("XroadVnpt-sign-header-key", keys.toString());
                c.setRequestProperty("XroadVnpt-sign-header", signed);
                c.setRequestProperty("XroadVnpt-hash-header", signature.toString());
                c.setRequestProperty("User-Agent", "JAVASDKAgent/1.0.0 XRoad/VPCP");
                c.setRequestProperty("XroadVnpt-version", "3.0.201608");
                c.setReadTimeout(120_000);
                try (var out = c.getOutputStream()) {
                    out.write(file);
                    out.write(new byte[] {'\r', '\n'});
                }
                int status = c.getResponseCode();
                try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                    return new String[] {Integer.toString(status),
                            in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII)};
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String token(String client) {
        return TOKENS.computeIfAbsent(client, id -> {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
            HttpResponse<String> response = post("api/v1/auth/token", null, "application/x-www-form-urlencoded", form);
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + id + ": " + response.body());
            }
            return m.group(1);
        });
    }

    static HttpResponse<String> post(String path, String token, String type, String body) {
        return post(path, token, type, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, String token, String type, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .POST(body).header("Content-Type", type);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The database's limit for what one send writes, without the platform: lock the log head, insert
     * a document row, an attachment row, three delivery rows and a log row, move the head, commit.
     * Same row sizes and indexes as the real tables, in scratch tables dropped afterwards.
     */
    static double documentShapedCommits(String url, String user, String password, int concurrency, int total)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_doc, bench_att, bench_dlv, bench_log, bench_head");
            st.execute("CREATE TABLE bench_doc (id BIGINT PRIMARY KEY, sender VARCHAR(20), document_id VARCHAR(100), "
                    + "subject VARCHAR(500), payload_sha256 VARCHAR(64), signer VARCHAR(300), sent_at TIMESTAMPTZ, "
                    + "UNIQUE (sender, document_id))");
            st.execute("CREATE TABLE bench_att (id BIGINT PRIMARY KEY, document_pk BIGINT, content_id VARCHAR(100), "
                    + "name VARCHAR(255), sha256 VARCHAR(64), size BIGINT, UNIQUE (document_pk, content_id))");
            st.execute("CREATE TABLE bench_dlv (id BIGINT PRIMARY KEY, document_pk BIGINT, recipient VARCHAR(20), "
                    + "inbox_seq BIGINT, status VARCHAR(2), updated_at TIMESTAMPTZ, UNIQUE (document_pk, recipient))");
            st.execute("CREATE INDEX bench_dlv_inbox ON bench_dlv (recipient, inbox_seq)");
            st.execute("CREATE TABLE bench_log (seq BIGINT PRIMARY KEY, recorded_at TIMESTAMPTZ, action VARCHAR(20), "
                    + "document_pk BIGINT, detail VARCHAR(8000), prev_hash VARCHAR(64), entry_hash VARCHAR(64))");
            st.execute("CREATE TABLE bench_head (id INT PRIMARY KEY, last_seq BIGINT, last_hash VARCHAR(64))");
            st.execute("INSERT INTO bench_head VALUES (1, 0, '0')");
        }
        AtomicInteger next = new AtomicInteger();
        String hash = "0".repeat(64);
        String detail = "DocumentId 000.00.00.H01,2026/11/20,123/UBND-VP; notation 123/UBND-VP; payload " + hash
                + "; signature VALID by CN=...; attachments [" + hash + "]; delivered to [a, b, c]";
        double rate = ratePerSecond(concurrency, total, () -> {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    PreparedStatement head = c.prepareStatement("SELECT last_seq FROM bench_head WHERE id = 1 FOR UPDATE");
                    PreparedStatement doc = c.prepareStatement("INSERT INTO bench_doc VALUES (?, ?, ?, ?, ?, ?, now())");
                    PreparedStatement att = c.prepareStatement("INSERT INTO bench_att VALUES (?, ?, 'cid:1', 'baocao.bin', ?, 102400)");
                    PreparedStatement dlv = c.prepareStatement("INSERT INTO bench_dlv VALUES (?, ?, ?, ?, '00', now())");
                    PreparedStatement log = c.prepareStatement("INSERT INTO bench_log VALUES (?, now(), 'SENT', ?, ?, ?, ?)");
                    PreparedStatement move = c.prepareStatement("UPDATE bench_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                c.setAutoCommit(false);
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    long seq;
                    try (var rs = head.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1) + 1;
                    }
                    doc.setLong(1, n);
                    doc.setString(2, "000.00.00.H01");
                    doc.setString(3, "000.00.00.H01,2026/11/20," + n + "/UBND-VP");
                    doc.setString(4, "V/v báo cáo số " + n);
                    doc.setString(5, hash);
                    doc.setString(6, "CN=Ủy ban nhân dân, O=Demo, C=VN");
                    doc.executeUpdate();
                    att.setLong(1, n);
                    att.setLong(2, n);
                    att.setString(3, hash);
                    att.executeUpdate();
                    for (int r = 0; r < 3; r++) {
                        dlv.setLong(1, 3L * n + r);
                        dlv.setLong(2, n);
                        dlv.setString(3, "000.00.00.G0" + r);
                        dlv.setLong(4, seq);
                        dlv.addBatch();
                    }
                    dlv.executeBatch();
                    log.setLong(1, seq);
                    log.setLong(2, n);
                    log.setString(3, detail);
                    log.setString(4, hash);
                    log.setString(5, hash);
                    log.executeUpdate();
                    move.setLong(1, seq);
                    move.setString(2, hash);
                    move.executeUpdate();
                    c.commit();
                }
            }
        });
        try (Connection c = DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.execute("DROP TABLE bench_doc, bench_att, bench_dlv, bench_log, bench_head");
        }
        return rate;
    }

    /**
     * pgbench's standard TPC-B-like transaction against the same database, if pgbench is installed:
     * scale = clients, 10 seconds, its tables removed afterwards. Returns transactions/s, or 0.
     */
    static double pgbench(String url, String user, String password, int clients) throws Exception {
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        if (!m.find() || !onPath("pgbench")) {
            System.out.println("database ceiling 3: pgbench not measured (not installed, or not a PostgreSQL URL)");
            return 0;
        }
        List<String> target = List.of("-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2), "-U", user);
        try {
            run(concat(List.of("pgbench", "-i", "-q", "-s", Integer.toString(clients)), target, m.group(3)), password);
            String out = run(concat(List.of("pgbench", "-c", Integer.toString(clients), "-j", "2", "-T", "10"), target,
                    m.group(3)), password);
            Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(out);
            return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
        } finally {
            run(concat(List.of("pgbench", "-i", "-I", "d"), target, m.group(3)), password);
        }
    }

    static List<String> concat(List<String> command, List<String> target, String database) {
        List<String> all = new ArrayList<>(command);
        all.addAll(target);
        all.add(database);
        return all;
    }

    static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program)));
    }

    static String run(List<String> command, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** The database's own limit: concurrent one-row inserts, each its own commit. */
    static double rawCommits(String url, String user, String password, int concurrency, int total) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGSERIAL PRIMARY KEY, payload VARCHAR(200))");
        }
        AtomicInteger left = new AtomicInteger(total);
        double rate = ratePerSecond(concurrency, total, () -> {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (payload) VALUES (?)")) {
                c.setAutoCommit(false);
                while (left.getAndDecrement() > 0) {
                    insert.setString(1, "a row of about the size of a delivery");
                    insert.executeUpdate();
                    c.commit();
                }
            }
        });
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("DROP TABLE bench_commit");
        }
        return rate;
    }
}
