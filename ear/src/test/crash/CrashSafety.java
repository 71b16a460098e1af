import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the crash-safety test (crash-safety.sh drives the server).
 *
 *   prepare <base> <count> <dir>   signs <count> packages into <dir> (server up)
 *   send <base> <dir> <acks>       sends them concurrently, appending "documentId id" for every 202
 *                                  to <acks>; the server is killed with SIGKILL meanwhile
 *   verify <base> <acks>           after the restart: every acknowledged document is in each of its
 *                                  recipients' inboxes exactly once, none twice; the log verifies
 */
public class CrashSafety {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final List<String> RECIPIENTS = List.of("000.00.00.G22", "000.00.00.G09", "000.00.00.H30");
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[1];
        switch (args[0]) {
            case "prepare" -> prepare(Integer.parseInt(args[2]), Path.of(args[3]));
            case "send" -> send(Path.of(args[2]), Path.of(args[3]));
            case "verify" -> System.exit(verify(Path.of(args[2])) ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void prepare(int count, Path dir) throws Exception {
        Files.createDirectories(dir);
        String run = Long.toString(System.currentTimeMillis() % 10_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            jobs.add(pool.submit(() -> {
                String sender = String.format("000.00.00.H%02d", 40 + n % 10);
                byte[] file = new byte[20_000];
                new Random(n).nextBytes(file);
                StringBuilder to = new StringBuilder();
                RECIPIENTS.forEach(
                        c -> to.append("<edXML:To><edXML:OrganId>").append(c).append("</edXML:OrganId></edXML:To>"));
                String xml =
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
                                        + "<edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>%1$s</edXML:OrganId></edXML:From>%2$s"
                                        + "<edXML:DocumentId>%1$s,2026/11/20,%3$s/UBND-VP</edXML:DocumentId><edXML:Code><edXML:CodeNumber>%3$s</edXML:CodeNumber>"
                                        + "<edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code><edXML:PromulgationInfo><edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate>"
                                        + "</edXML:PromulgationInfo><edXML:DocumentType><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>"
                                        + "<edXML:Subject>Kiểm thử mất điện %3$s</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader>"
                                        + "<edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\"><edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId>"
                                        + "<edXML:AttachmentName>a.bin</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>"
                                        + "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>%4$s</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML:edXML>")
                                .formatted(
                                        sender, to, run + n, Base64.getEncoder().encodeToString(file));
                HttpResponse<String> signed = post("api/v1/exchange/demo/sign", token(sender), "application/xml", xml);
                if (signed.statusCode() != 200) {
                    throw new IllegalStateException("signing refused: " + signed.body());
                }
                Files.writeString(dir.resolve(sender + "_" + n + ".xml"), signed.body());
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        System.out.println("prepared " + count + " signed packages");
    }

    static void send(Path dir, Path acks) throws Exception {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (Path file : files) {
            results.add(pool.submit(() -> {
                String sender = file.getFileName().toString().split("_")[0];
                try {
                    HttpResponse<String> response =
                            post("api/v1/exchange/documents", token(sender), "application/xml", Files.readString(file));
                    if (response.statusCode() == 202) {
                        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
                        Matcher documentId =
                                Pattern.compile("\"documentId\":\"([^\"]+)\"").matcher(response.body());
                        id.find();
                        documentId.find();
                        String line = documentId.group(1) + " " + id.group(1) + "\n";
                        // Written the moment the 202 arrives: the script kills the server after enough.
                        synchronized (CrashSafety.class) {
                            Files.writeString(
                                    acks,
                                    line,
                                    java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                        }
                        return line;
                    }
                } catch (RuntimeException e) {
                    // the server died under this request: not acknowledged, so nothing is promised
                }
                return null;
            }));
        }
        int count = 0;
        for (Future<String> result : results) {
            if (result.get() != null) {
                count++;
            }
        }
        pool.shutdown();
        System.out.println("acknowledged " + count + " of " + files.size() + " sends");
    }

    static boolean verify(Path acks) throws Exception {
        Map<String, Long> acknowledged = new HashMap<>();
        for (String line : Files.readAllLines(acks)) {
            if (!line.isBlank()) {
                String[] parts = line.split(" ");
                acknowledged.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        boolean ok = true;
        for (String recipient : RECIPIENTS) {
            Map<Long, Integer> seen = new HashMap<>();
            String cursor = "0";
            while (true) {
                HttpResponse<String> page = get("api/v1/exchange/inbox?limit=500&after=" + cursor, token(recipient));
                Matcher ids = Pattern.compile("\"id\":(\\d+)").matcher(page.body());
                int n = 0;
                while (ids.find()) {
                    seen.merge(Long.parseLong(ids.group(1)), 1, Integer::sum);
                    n++;
                }
                Matcher next = Pattern.compile("\"nextCursor\":\"(\\d+)\"").matcher(page.body());
                if (n == 0 || !next.find()) {
                    break;
                }
                cursor = next.group(1);
            }
            Set<Long> missing = new java.util.TreeSet<>(acknowledged.values());
            missing.removeAll(seen.keySet());
            long twice = seen.values().stream().filter(c -> c > 1).count();
            System.out.printf(
                    "%s: %d documents in the inbox, %d acknowledged missing, %d delivered twice%n",
                    recipient, seen.size(), missing.size(), twice);
            ok &= missing.isEmpty() && twice == 0;
        }
        HttpResponse<String> log = get("api/v1/exchange/log/verification", token("sysadmin-client"));
        System.out.println("exchange log: " + log.body());
        ok &= log.body().contains("\"valid\":true");
        System.out.println(ok ? "CRASH SAFETY: PASSED" : "CRASH SAFETY: FAILED");
        return ok;
    }

    static String token(String client) {
        return TOKENS.computeIfAbsent(client, id -> {
            HttpResponse<String> response = post(
                    "api/v1/auth/token",
                    null,
                    "application/x-www-form-urlencoded",
                    "grant_type=client_credentials&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                            + "&client_secret=demo");
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + id + ": " + response.body());
            }
            return m.group(1);
        });
    }

    static HttpResponse<String> post(String path, String token, String type, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", type);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return call(r);
    }

    static HttpResponse<String> get(String path, String token) {
        return call(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .header("Authorization", "Bearer " + token));
    }

    static HttpResponse<String> call(HttpRequest.Builder r) {
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
