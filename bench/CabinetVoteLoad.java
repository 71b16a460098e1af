import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Load harness for e-Cabinet voting: N Government members follow one meeting live and vote on one
 * item at the same moment, each vote signed remotely with the member's PIN. Measures what the issue
 * asks for: the time until every connected client shows the final tally (target under 1 s) and the
 * signature verifications per second. Run by bench/cabinet-vote.sh against a platform started in
 * demo mode (demo people, password "demo", demo signing PIN); it needs no database access.
 *
 * <p>Setup (not measured): tokens for the secretary and the members (password grant), a meeting
 * chaired by the Prime Minister with one item, convened by the secretary, started by the chair,
 * every member recorded present; then one live-event stream
 * ({@code GET /api/v1/cabinet/live/meetings/{id}}, server-sent events) per voting member, all open at
 * once, each read line by line on its own thread as a member's screen would. A screen applies a
 * state only if its {@code revision} is newer than the one it shows (as the intranet page does);
 * older snapshots, which concurrent pushes may deliver late, are counted and dropped.
 *
 * <p>Each round: the chair opens a vote; once every screen shows it open, all N members vote at once
 * (one thread each behind a start gate; about 2/3 AGREE, the rest DISAGREE and ABSTAIN). Printed:
 * <ul>
 * <li>the time from the start gate until every screen showed the final tally (voted = N);
 * <li>the push delay: from the last vote's 201 until every screen showed the final tally. The
 * server pushes a change to every stream before it answers the request that made it, so this can
 * be negative: the screens already showed the tally when the last 201 arrived;
 * <li>vote latency p50/p95/max and votes/s over the burst. Each vote is remote signing on the
 * server: PBKDF2-HMAC-SHA256 (100 000 iterations) unlocks the member's key, an RSA-2048
 * SHA256withRSA signature over the canonical statement, its verification, the insert under the
 * vote's row lock, then the push of the new state to every stream;
 * <li>after the chair closes the vote, the time until every screen showed it closed.
 * </ul>
 * Every vote must be answered 201, every screen's final tally and the closed vote's tally must equal
 * what was sent, and the server's re-verification of the round's signatures must find them all
 * valid; otherwise the harness fails (exit status 1). The first round is a warm-up (in demo mode a
 * member's key and certificate are issued on first use), but is printed too.
 *
 * <p>Then the verification rate: {@code GET /cabinet/votes/{id}/verification} of the last vote K
 * times, one request after the other, K × checked / elapsed (each request includes the HTTP round
 * trip, loading the ballots and parsing each certificate). For reference the same signatures are
 * verified in this JVM (PEM parse and SHA256withRSA verify, no HTTP, no database), and the crypto of
 * one remote signature (PBKDF2 with the server's iteration count, RSA-2048 sign and verify) is
 * timed here, after the measured rounds, as the floor under a vote's latency.
 *
 * <p>Any unexpected HTTP status prints the status and the problem body and exits 1; so does a
 * stream that ends, or the global timeout. All worker threads are daemons: a failure exits instead
 * of hanging.
 *
 * <p>Options (system properties): base (http://localhost:8080/), members (30), rounds (3),
 * verifications (20), timeout (120, seconds for the whole run), password (demo), pin (123456),
 * chair (member.tt), secretary (secretary.g22), presenter (000.00.00.G22), kdfIterations (100000, the
 * server's egov.cabinet.pin.kdf-iterations, for the reference only), localCrypto (true).
 */
public class CabinetVoteLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final String BASE = System.getProperty("base", "http://localhost:8080/");
    static final String PASSWORD = System.getProperty("password", "demo");
    static final String PIN = System.getProperty("pin", "123456");
    static final String CHAIR = System.getProperty("chair", "member.tt");
    static final String SECRETARY = System.getProperty("secretary", "secretary.g22");
    static final List<String> OPTIONS = List.of("AGREE", "DISAGREE", "ABSTAIN");

    /** Not shown yet (a value System.nanoTime() does not return in practice). */
    static final long UNSEEN = Long.MIN_VALUE;
    static final long START = System.nanoTime();
    static long deadline;
    static volatile String phase = "starting";
    /** Once set, a stream that ends is no longer a failure. */
    static volatile boolean finishing;
    static int voters;
    static Screen[] screens;
    static CountDownLatch firstStates;
    /** What the screens have shown of each vote, by vote id (a screen may see a vote before its opener knows the id). */
    static final Map<Long, VoteSeen> SEEN = new ConcurrentHashMap<>();
    static final AtomicInteger STATES = new AtomicInteger();
    static final AtomicInteger OLDER = new AtomicInteger();
    static final AtomicInteger REPEATED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        // Vote requests go over kept-alive connections (one per member) and a POST is never silently re-sent.
        System.getProperties().putIfAbsent("http.maxConnections", "64");
        System.getProperties().putIfAbsent("sun.net.http.retryPost", "false");
        int members = Integer.getInteger("members", 30);
        int rounds = Integer.getInteger("rounds", 3);
        int verifications = Integer.getInteger("verifications", 20);
        int timeout = Integer.getInteger("timeout", 120);
        if (members < 1 || rounds < 1 || verifications < 0 || timeout < 1) {
            throw new IllegalArgumentException("members and rounds at least 1, verifications at least 0, timeout at least 1 s");
        }
        deadline = START + TimeUnit.SECONDS.toNanos(timeout);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            } catch (InterruptedException e) {
                return;
            }
            throw fail("timed out after " + timeout + " s while " + phase + screensNow());
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.printf("cabinet vote load: %d members voting at once, %s, %s%n", members,
                rounds == 1 ? "1 round" : rounds + " rounds (the first a warm-up)", BASE);

        // ---------------------------------------------------------------- setup, not measured
        long setupStart = System.nanoTime();
        phase = "preparing the meeting";
        String secretary = token(SECRETARY);
        String chair = token(CHAIR);
        String run = String.format("%tF %<tT", new Date());
        long meeting = num(obj(expect(201, "creating the meeting", call("POST", "cabinet/meetings", secretary, """
                {"kind":"REGULAR","title":"Phiên họp đo tải biểu quyết %s","startsAt":"2026-12-01T08:00:00+07:00",
                 "place":"Nhà Quốc hội","chair":"%s"}""".formatted(run, CHAIR)))).get("id"));
        long item = num(obj(expect(201, "adding the item", call("POST", "cabinet/meetings/" + meeting + "/items", secretary,
                "{\"title\":\"Dự thảo Nghị quyết (đo tải)\",\"presenter\":\"" + System.getProperty("presenter",
                        "000.00.00.G22") + "\"}"))).get("id"));
        expect(200, "convening", call("POST", "cabinet/meetings/" + meeting + "/status", secretary,
                "{\"status\":\"CONVENED\"}"));
        expect(200, "starting the meeting", call("POST", "cabinet/meetings/" + meeting + "/status", chair,
                "{\"status\":\"IN_PROGRESS\"}"));
        List<String> all = new ArrayList<>();
        for (Object p : list(obj(expect(200, "reading the meeting", call("GET", "cabinet/meetings/" + meeting, secretary,
                null))).get("participants"))) {
            if ("MEMBER".equals(obj(p).get("role"))) {
                all.add((String) obj(p).get("username"));
            }
        }
        if (members > all.size()) {
            throw fail("the meeting has " + all.size() + " members, " + members + " asked for");
        }
        for (String member : all) {
            expect(204, "recording " + member + " present", call("PUT", "cabinet/meetings/" + meeting + "/attendance/"
                    + member, secretary, "{\"attendance\":\"PRESENT\"}"));
        }
        voters = members;
        List<String> names = all.subList(0, members);
        phase = "getting the members' tokens";
        for (String member : names) {
            token(member);
        }
        phase = "connecting the live streams";
        firstStates = new CountDownLatch(members);
        screens = new Screen[members];
        for (int i = 0; i < members; i++) {
            screens[i] = new Screen(i, names.get(i), meeting);
            Thread reader = new Thread(screens[i]::follow, "screen-" + names.get(i));
            reader.setDaemon(true);
            reader.start();
        }
        await(firstStates, "every screen showing its first state", null);
        System.out.printf("setup: meeting %d (item %d), %d of %d members present and voting, %d live streams open, "
                + "each showing the meeting: %.1f s (not measured)%n", meeting, item, members, all.size(), members,
                (System.nanoTime() - setupStart) / 1e9);

        // ---------------------------------------------------------------- rounds
        ExecutorService pool = daemonPool(members);
        Map<String, Long> sent = new LinkedHashMap<>();
        OPTIONS.forEach(o -> sent.put(o, 0L));
        byte[][] ballots = new byte[members][];
        for (int i = 0; i < members; i++) {
            String option = option(i);
            sent.merge(option, 1L, Long::sum);
            ballots[i] = ("{\"option\":\"" + option + "\",\"pin\":\"" + PIN + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        List<Long> measuredLatencies = new ArrayList<>();
        long worstFinal = Long.MIN_VALUE;
        long worstPush = Long.MIN_VALUE;
        long burstNanos = 0;
        int measuredRounds = 0;
        long lastVote = 0;
        for (int r = 1; r <= rounds; r++) {
            String label = r == 1 && rounds > 1 ? "round 1 (warm-up)" : "round " + r;
            int statesBefore = STATES.get();
            int olderBefore = OLDER.get();
            int repeatedBefore = REPEATED.get();

            phase = label + ": opening the vote";
            long openSent = System.nanoTime();
            long voteId = num(obj(expect(201, "opening the vote", send("POST", "cabinet/meetings/" + meeting + "/votes", chair,
                    "{\"itemId\":" + item + ",\"question\":\"Biểu quyết thông qua dự thảo (vòng " + r + ")?\"}"))).get("id"));
            lastVote = voteId;
            VoteSeen seen = seen(voteId);
            phase = label + ": waiting for every screen to show vote " + voteId + " open";
            await(seen.allOpen, "every screen showing vote " + voteId + " open", seen.opened);
            long allOpen = max(seen.opened);

            phase = label + ": " + members + " members voting on vote " + voteId;
            CountDownLatch ready = new CountDownLatch(members);
            CountDownLatch gate = new CountDownLatch(1);
            long[] t0 = new long[members];
            long[] t1 = new long[members];
            Reply[] replies = new Reply[members];
            List<Future<?>> votes = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                int n = i;
                String token = token(names.get(n));
                votes.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    t0[n] = System.nanoTime();
                    replies[n] = send("POST", "cabinet/votes/" + voteId + "/ballots", token, ballots[n]);
                    t1[n] = System.nanoTime();
                    return null;
                }));
            }
            await(ready, "every voter at the start gate", null);
            long gateAt = System.nanoTime();
            gate.countDown();
            for (Future<?> f : votes) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw fail("timed out while " + phase);
                }
            }
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                if (replies[i].status() != 201) {
                    refused.add(names.get(i) + ": " + replies[i].status() + " " + replies[i].body());
                }
            }
            if (!refused.isEmpty()) {
                throw fail(refused.size() + " of " + members + " votes not answered 201:\n  "
                        + String.join("\n  ", refused.subList(0, Math.min(5, refused.size()))));
            }
            long lastAck = Long.MIN_VALUE;
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                lastAck = Math.max(lastAck, t1[i]);
                latencies.add(t1[i] - t0[i]);
            }
            Collections.sort(latencies);

            phase = label + ": waiting for every screen to show the final tally of vote " + voteId;
            await(seen.allComplete, "every screen showing the final tally of vote " + voteId, seen.complete);
            long allFinal = max(seen.complete);
            long firstFinal = min(seen.complete);
            for (int i = 0; i < members; i++) {
                if (!sent.equals(seen.completeTally.get(i))) {
                    throw fail(names.get(i) + "'s screen showed the tally " + seen.completeTally.get(i) + " for vote "
                            + voteId + "; sent " + sent);
                }
            }

            phase = label + ": closing vote " + voteId;
            long closeSent = System.nanoTime();
            Map<String, Object> closed = obj(expect(200, "closing the vote", send("POST", "cabinet/votes/" + voteId
                    + "/close", chair, (byte[]) null)));
            if (!"CLOSED".equals(closed.get("status")) || !sent.equals(tally(closed))) {
                throw fail("closing vote " + voteId + " answered " + closed + "; sent " + sent);
            }
            phase = label + ": waiting for every screen to show vote " + voteId + " closed";
            await(seen.allClosed, "every screen showing vote " + voteId + " closed", seen.closed);
            long allClosed = max(seen.closed);
            for (int i = 0; i < members; i++) {
                if (!sent.equals(seen.closedTally.get(i))) {
                    throw fail(names.get(i) + "'s screen showed the closed tally " + seen.closedTally.get(i)
                            + " for vote " + voteId + "; sent " + sent);
                }
            }
            phase = label + ": re-verifying the signatures of vote " + voteId;
            Map<String, Object> check = obj(expect(200, "re-verifying vote " + voteId, send("GET", "cabinet/votes/" + voteId
                    + "/verification", chair, (byte[]) null)));
            if (num(check.get("checked")) != members || num(check.get("valid")) != members
                    || !list(check.get("invalid")).isEmpty()) {
                throw fail("the server's re-verification of vote " + voteId + " answered " + check + " for " + members
                        + " signed votes");
            }

            long burst = lastAck - gateAt;
            long fromGate = allFinal - gateAt;
            long push = allFinal - lastAck;
            System.out.printf("%s: vote %d open on all %d screens %.0f ms after the chair's request%n", label, voteId,
                    members, (allOpen - openSent) / 1e6);
            System.out.printf("%s: %d votes at once (%s), all 201 in %.0f ms: %.1f votes/s; vote latency p50 %.1f ms, "
                    + "p95 %.1f ms, max %.1f ms%n", label, members, counts(sent), burst / 1e6, members / (burst / 1e9),
                    pct(latencies, 50), pct(latencies, 95), latencies.get(latencies.size() - 1) / 1e6);
            System.out.printf("%s: final tally on all %d screens %d ms after the start gate (first screen %d ms); "
                    + "push delay after the last 201: %d ms%s (target < 1 s: %s)%n", label, members, ms(fromGate),
                    ms(firstFinal - gateAt), ms(push), ms(push) < 0 ? ", shown before the last answer arrived" : "",
                    push < 1_000_000_000L ? "met" : "MISSED");
            System.out.printf("%s: closed on all %d screens %.0f ms after the chair's request; %d live states received "
                    + "(%d older ones dropped, %d repeated); the server re-verified %d/%d signatures%n", label, members,
                    (allClosed - closeSent) / 1e6, STATES.get() - statesBefore, OLDER.get() - olderBefore,
                    REPEATED.get() - repeatedBefore, num(check.get("valid")), num(check.get("checked")));
            if (r > 1 || rounds == 1) {
                measuredRounds++;
                measuredLatencies.addAll(latencies);
                worstFinal = Math.max(worstFinal, fromGate);
                worstPush = Math.max(worstPush, push);
                burstNanos += burst;
            }
        }
        finishing = true;
        Collections.sort(measuredLatencies);
        String which = rounds == 1 ? "round 1" : rounds == 2 ? "round 2" : "rounds 2-" + rounds;
        double perVote = burstNanos / 1e6 / (measuredRounds * (double) members);
        System.out.printf("summary (%s): %d members, final tally on every screen at most %d ms after the start gate, "
                + "at most %d ms after the last 201 (target < 1 s: %s); vote latency p50 %.1f ms, p95 %.1f ms, "
                + "max %.1f ms; %.1f votes/s, %.1f ms of burst per vote%n", which, members, ms(worstFinal),
                ms(worstPush), worstPush < 1_000_000_000L ? "met" : "MISSED", pct(measuredLatencies, 50),
                pct(measuredLatencies, 95), measuredLatencies.get(measuredLatencies.size() - 1) / 1e6,
                1000 / perVote, perVote);

        // ---------------------------------------------------------------- verification rate
        if (verifications > 0) {
            phase = "timing the server's signature verification";
            List<Long> latencies = new ArrayList<>();
            long checked = 0;
            long start = System.nanoTime();
            for (int k = 0; k < verifications; k++) {
                long a = System.nanoTime();
                Map<String, Object> check = obj(expect(200, "re-verifying vote " + lastVote, send("GET", "cabinet/votes/"
                        + lastVote + "/verification", chair, (byte[]) null)));
                latencies.add(System.nanoTime() - a);
                if (num(check.get("valid")) != num(check.get("checked"))) {
                    throw fail("the server's re-verification of vote " + lastVote + " answered " + check);
                }
                checked += num(check.get("checked"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            System.out.printf("signature verification, server: %d sequential GET /cabinet/votes/%d/verification, %d "
                    + "signatures each: %d verifications in %.2f s = %.0f verifications/s (each request includes the HTTP "
                    + "round trip, loading the ballots and parsing each certificate); request p50 %.1f ms, max %.1f ms%n",
                    verifications, lastVote, checked / verifications, checked, seconds, checked / seconds,
                    pct(latencies, 50), latencies.get(latencies.size() - 1) / 1e6);
        }
        if (Boolean.parseBoolean(System.getProperty("localCrypto", "true"))) {
            phase = "timing the signature crypto in this JVM";
            localCrypto(chair, lastVote, Math.max(verifications, 1), members, burstNanos / 1e6 / measuredRounds);
        }
        phase = "closing the meeting";
        expect(200, "closing the meeting", call("POST", "cabinet/meetings/" + meeting + "/status", chair,
                "{\"status\":\"CLOSED\"}"));
        pool.shutdown();
    }

    /** About 2/3 agree, the rest split between disagree and abstain. */
    static String option(int i) {
        return i % 3 < 2 ? "AGREE" : (i / 3) % 2 == 0 ? "DISAGREE" : "ABSTAIN";
    }

    static String counts(Map<String, Long> tally) {
        StringBuilder b = new StringBuilder();
        tally.forEach((option, count) -> b.append(b.length() == 0 ? "" : ", ").append(option).append(' ').append(count));
        return b.toString();
    }

    /**
     * Reference figures from this JVM, after the measured rounds: the server's verification work
     * without HTTP and database (PEM parse + verify of the last vote's real signatures), and the
     * crypto of one remote signature (PBKDF2 unlock, RSA-2048 sign and verify).
     */
    static void localCrypto(String chair, long voteId, int passes, int members, double burstMillis) throws Exception {
        List<Object> ballots = list(obj(expect(200, "reading vote " + voteId, send("GET", "cabinet/votes/" + voteId, chair,
                (byte[]) null))).get("ballots"));
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        int verified = 0;
        long start = 0;
        for (int pass = -1; pass < passes; pass++) { // pass -1 warms the JIT up and is not counted
            if (pass == 0) {
                start = System.nanoTime();
            }
            for (Object o : ballots) {
                Map<String, Object> b = obj(o);
                X509Certificate certificate = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                        ((String) b.get("certificate")).getBytes(StandardCharsets.US_ASCII)));
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                String statement = (String) b.get("statement");
                verifier.update(statement.getBytes(StandardCharsets.UTF_8));
                if (!verifier.verify(Base64.getDecoder().decode((String) b.get("signature")))
                        || !statement.contains("\nmember: " + b.get("username") + "\n")
                        || !statement.contains("\noption: " + b.get("option") + " (")) {
                    throw fail("the signed vote of " + b.get("username") + " in vote " + voteId + " does not verify here");
                }
                if (pass >= 0) {
                    verified++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("signature verification, this JVM (reference: the same %d signatures, PEM parse + "
                + "SHA256withRSA verify, no HTTP, no database): %.0f verifications/s%n", ballots.size(), verified / seconds);

        int iterations = Integer.getInteger("kdfIterations", 100_000);
        byte[] salt = new byte[16];
        SecretKeyFactory kdf = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        List<Long> unlock = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long a = System.nanoTime();
            kdf.generateSecret(new PBEKeySpec(PIN.toCharArray(), salt, iterations, 256)).getEncoded();
            unlock.add(System.nanoTime() - a);
        }
        Collections.sort(unlock);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] statement = ((String) obj(ballots.get(0)).get("statement")).getBytes(StandardCharsets.UTF_8);
        byte[] signature = null;
        long signNanos = 0;
        long verifyNanos = 0;
        int n = 20;
        for (int i = -5; i < n; i++) { // the first five warm up
            long a = System.nanoTime();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(statement);
            signature = signer.sign();
            long b = System.nanoTime();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(statement);
            verifier.verify(signature);
            long c = System.nanoTime();
            if (i >= 0) {
                signNanos += b - a;
                verifyNanos += c - b;
            }
        }
        double pbkdf2 = unlock.get(1) / 1e6;
        double sign = signNanos / 1e6 / n;
        double verify = verifyNanos / 1e6 / n;
        double crypto = pbkdf2 + sign + verify;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("remote signing, this JVM (reference): PBKDF2-HMAC-SHA256 %d iterations %.1f ms + RSA-2048 sign "
                + "%.2f ms + verify %.2f ms = %.1f ms of CPU per vote; %d votes = %.0f ms of CPU, at least %.0f ms on this "
                + "machine's %d cores if the server runs here (measured: %.0f ms from the start gate to the last 201)%n",
                iterations, pbkdf2, sign, verify, crypto, members, members * crypto, members * crypto / cores, cores,
                burstMillis);
    }

    // ---------------------------------------------------------------- screens

    /** What the screens showed of one vote: when each first showed it open, complete and closed. */
    static final class VoteSeen {
        final AtomicLongArray opened = unseen(voters);
        final AtomicLongArray complete = unseen(voters);
        final AtomicLongArray closed = unseen(voters);
        final AtomicReferenceArray<Map<String, Long>> completeTally = new AtomicReferenceArray<>(voters);
        final AtomicReferenceArray<Map<String, Long>> closedTally = new AtomicReferenceArray<>(voters);
        final CountDownLatch allOpen = new CountDownLatch(voters);
        final CountDownLatch allComplete = new CountDownLatch(voters);
        final CountDownLatch allClosed = new CountDownLatch(voters);

        static AtomicLongArray unseen(int n) {
            AtomicLongArray times = new AtomicLongArray(n);
            for (int i = 0; i < n; i++) {
                times.set(i, UNSEEN);
            }
            return times;
        }
    }

    static VoteSeen seen(long voteId) {
        return SEEN.computeIfAbsent(voteId, id -> new VoteSeen());
    }

    /** One member's screen: a live-event stream read line by line on its own thread. */
    static final class Screen {
        final int index;
        final String member;
        final long meeting;
        long revision = Long.MIN_VALUE;
        /** The state it shows, for the diagnostics of a timeout. */
        volatile String shows = "nothing yet";

        Screen(int index, String member, long meeting) {
            this.index = index;
            this.member = member;
            this.meeting = meeting;
        }

        void follow() {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(BASE + "api/v1/cabinet/live/meetings/" + meeting)
                        .toURL().openConnection();
                c.setUseCaches(false);
                c.setRequestProperty("Accept", "text/event-stream");
                c.setRequestProperty("Authorization", "Bearer " + token(member));
                c.setConnectTimeout(10_000);
                c.setReadTimeout(60_000); // the server sends a keep-alive comment every 20 s
                int status = c.getResponseCode();
                if (status != 200) {
                    throw fail("live stream of " + member + ": " + status + " " + body(c.getErrorStream()));
                }
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(c.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String event = null;
                    StringBuilder data = new StringBuilder();
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.isEmpty()) { // end of an event: dispatch it
                            if ("state".equals(event) && data.length() > 0) {
                                apply(data.toString(), System.nanoTime());
                            }
                            event = null;
                            data.setLength(0);
                        } else if (!line.startsWith(":")) { // ": keep-alive" is a comment
                            int colon = line.indexOf(':');
                            String field = colon < 0 ? line : line.substring(0, colon);
                            String value = colon < 0 ? "" : line.substring(colon + 1);
                            value = value.startsWith(" ") ? value.substring(1) : value;
                            if (field.equals("event")) {
                                event = value;
                            } else if (field.equals("data")) {
                                data.append(data.length() > 0 ? "\n" : "").append(value);
                            }
                        }
                    }
                }
                if (!finishing) {
                    throw fail("the live stream of " + member + " ended while " + phase);
                }
            } catch (IOException | RuntimeException e) {
                if (!finishing) {
                    throw fail("the live stream of " + member + " failed while " + phase + ": " + e);
                }
            }
        }

        /** Shows a state if it is newer than the one shown; records when a vote is first shown open, complete, closed. */
        void apply(String json, long at) {
            STATES.incrementAndGet();
            Map<String, Object> state = obj(Json.parse(json));
            long next = num(state.get("revision"));
            if (next < revision) {
                OLDER.incrementAndGet();
                return;
            }
            if (next == revision) {
                REPEATED.incrementAndGet();
                return;
            }
            boolean first = revision == Long.MIN_VALUE;
            revision = next;
            Map<String, Object> vote = obj(state.get("vote"));
            if (vote == null) {
                shows = "revision " + next + ", no vote";
            } else {
                long id = num(vote.get("id"));
                String status = (String) vote.get("status");
                long voted = num(vote.get("voted"));
                shows = "revision " + next + ", vote " + id + " " + status + " voted " + voted + "/" + vote.get("eligible");
                VoteSeen seen = seen(id);
                if ("OPEN".equals(status) && seen.opened.compareAndSet(index, UNSEEN, at)) {
                    seen.allOpen.countDown();
                }
                if (voted >= voters && seen.complete.compareAndSet(index, UNSEEN, at)) {
                    seen.completeTally.set(index, tally(vote));
                    seen.allComplete.countDown();
                }
                if ("CLOSED".equals(status) && seen.closed.compareAndSet(index, UNSEEN, at)) {
                    seen.closedTally.set(index, tally(vote));
                    seen.allClosed.countDown();
                }
            }
            if (first) {
                firstStates.countDown();
            }
        }
    }

    static Map<String, Long> tally(Map<String, Object> vote) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object c : list(vote.get("tally"))) {
            counts.put((String) obj(c).get("option"), num(obj(c).get("count")));
        }
        return counts;
    }

    /** Waits until the deadline; on timeout, names the screens that have not shown it and what they show. */
    static void await(CountDownLatch latch, String what, AtomicLongArray shown) throws InterruptedException {
        if (!latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            StringBuilder missing = new StringBuilder();
            if (shown != null) {
                for (int i = 0; i < shown.length(); i++) {
                    if (shown.get(i) == UNSEEN) {
                        missing.append("\n  ").append(screens[i].member).append(" shows ").append(screens[i].shows);
                    }
                }
            }
            throw fail("timed out waiting for " + what + (missing.length() > 0 ? "; not yet on:" + missing : ""));
        }
    }

    static String screensNow() {
        if (screens == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("; the screens show:");
        for (Screen s : screens) {
            if (s != null) {
                b.append("\n  ").append(s.member).append(": ").append(s.shows);
            }
        }
        return b.toString();
    }

    static long max(AtomicLongArray times) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < times.length(); i++) {
            max = Math.max(max, times.get(i));
        }
        return max;
    }

    static long min(AtomicLongArray times) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < times.length(); i++) {
            min = Math.min(min, times.get(i));
        }
        return min;
    }

    // ---------------------------------------------------------------- helpers

    /** Prints why the run failed and exits 1 (from any thread); the return type only lets callers write {@code throw}. */
    static RuntimeException fail(String message) {
        System.out.flush();
        System.err.println("FAILED: " + message);
        System.exit(1);
        return new IllegalStateException(message);
    }

    /** Daemon workers: if the run fails, the harness exits with the error instead of hanging. */
    static ExecutorService daemonPool(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Nanoseconds as whole milliseconds (no "-0"). */
    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    record Reply(int status, String body) {
    }

    /** The reply's JSON if it has the expected status; otherwise prints status and problem body and exits 1. */
    static Object expect(int status, String what, Reply reply) {
        if (reply.status() != status) {
            throw fail(what + ": expected " + status + ", got " + (reply.status() < 0 ? "no answer" : reply.status())
                    + " " + reply.body());
        }
        return reply.body().isBlank() ? null : Json.parse(reply.body());
    }

    static String token(String username) {
        return TOKENS.computeIfAbsent(username, name -> {
            String form = "grant_type=password&username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            Reply reply = request(HttpRequest.newBuilder(URI.create(BASE + "api/v1/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type",
                            "application/x-www-form-urlencoded"));
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(reply.body());
            if (reply.status() != 200 || !m.find()) {
                throw fail("no token for " + name + ": " + reply.status() + " " + reply.body());
            }
            return m.group(1);
        });
    }

    /** A setup request (java.net.http): {@code path} under /api/v1, JSON body or none. */
    static Reply call(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + "api/v1/" + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return request(b);
    }

    static Reply request(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, e.toString());
        }
    }

    static Reply send(String method, String path, String token, String json) {
        return send(method, path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A measured request over a kept-alive HTTP/1.1 connection (HttpURLConnection, blocking on the
     * calling thread: less CPU and no hand-over between threads, so the times are the request's own;
     * the harness shares the machine with the server).
     */
    static Reply send(String method, String path, String token, byte[] json) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(BASE + "api/v1/" + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/json");
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            if (json != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(json.length);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json);
                }
            } else if (method.equals("POST")) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(0);
                c.getOutputStream().close();
            }
            int status = c.getResponseCode();
            return new Reply(status, body(status < 400 ? c.getInputStream() : c.getErrorStream()));
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        }
    }

    static String body(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static long num(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("not a number: " + value);
        }
        return n.longValue();
    }

    /** Just enough JSON: objects (as LinkedHashMap), arrays, strings, numbers (Long or Double), booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object value = p.value();
            p.space();
            if (p.i != text.length()) {
                throw p.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                take(':');
                map.put(key, value());
                space();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String string() {
            take('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e); // \" \\ \/
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                    : (Object) Long.parseLong(n);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return value;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void take(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + i + " of "
                    + (s.length() > 300 ? s.substring(0, 300) + "…" : s));
        }
    }
}
