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
 * measures the database's raw commit rate (one-row insert + commit per operation, same concurrency)
 * as the ceiling. Run by bench/exchange-load.sh against a platform started on PostgreSQL in demo mode.
 *
 * Options (system properties): base (http://localhost:8080/), docs (1000), concurrency (8),
 * attachmentKb (100), jdbcUrl, jdbcUser, jdbcPassword, secret (demo).
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
        String run = Long.toString(System.currentTimeMillis() % 10_000_000);
        System.out.printf("exchange load: %d documents, %d KB attachment, 3 recipients each, concurrency %d%n",
                docs, attachmentKb, concurrency);

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long prepareStart = System.nanoTime();
        List<Future<String[]>> prepared = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            int n = i;
            prepared.add(pool.submit(() -> prepare(n, run, attachmentKb)));
        }
        List<String[]> packages = new ArrayList<>();
        for (Future<String[]> f : prepared) {
            packages.add(f.get());
        }
        System.out.printf("prepared and signed %d packages in %.1f s (not measured)%n", docs,
                (System.nanoTime() - prepareStart) / 1e9);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (String[] p : packages) {
            sends.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> response = post("api/v1/exchange/documents", token(p[0]), "application/xml", p[1]);
                long t1 = System.nanoTime();
                if (response.statusCode() != 202 || response.body().contains("\"duplicate\":true")) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("refused: " + response.statusCode() + " " + response.body());
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
        System.out.printf("sent %d documents (%d refused) in %.2f s: %.1f documents/s, %.1f deliveries/s%n",
                sorted.size(), failures.get(), seconds, sorted.size() / seconds, 3 * sorted.size() / seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }

        String url = System.getProperty("jdbcUrl");
        if (url != null && !url.isBlank()) {
            double ceiling = rawCommits(url, System.getProperty("jdbcUser", "egov"),
                    System.getProperty("jdbcPassword", "egov"), concurrency, 5000);
            System.out.printf("database ceiling: %.0f single-row commits/s at concurrency %d; the axis reached %.1f%% "
                    + "of it in documents (each document commits 1 transaction of ~10 rows)%n", ceiling, concurrency,
                    100.0 * sorted.size() / seconds / ceiling);
        }
        pool.shutdown();
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
        String number = run + n;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", type);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's own limit: concurrent one-row inserts, each its own commit. */
    static double rawCommits(String url, String user, String password, int concurrency, int total) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGSERIAL PRIMARY KEY, payload VARCHAR(200))");
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(total);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (payload) VALUES (?)")) {
                    c.setAutoCommit(false);
                    while (left.getAndDecrement() > 0) {
                        insert.setString(1, "a row of about the size of a delivery");
                        insert.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double rate = total / ((System.nanoTime() - start) / 1e9);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("DROP TABLE bench_commit");
        }
        pool.shutdown();
        return rate;
    }
}
