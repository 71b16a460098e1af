package vn.egov.sandbox.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox platform's state and its calls to the partner: the transactions it accepted (held in
 * memory, as a bank's test environment that forgets on restart), and the confirm call it makes when
 * the citizen has paid or the payment failed. Configuration through MicroProfile Config:
 * {@code pp.sandbox.partner-code}, {@code pp.sandbox.secret}, {@code pp.sandbox.confirm-url},
 * {@code pp.sandbox.return-url}.
 */
@ApplicationScoped
public class SandboxPlatform {

    private static final Logger LOG = Logger.getLogger(SandboxPlatform.class.getName());
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    /** LoaiBanTin of the confirm call (the observed name is unknown; the partner accepts this one). */
    static final String CONFIRM = "CONFIRM";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, SandboxTransaction> transactions = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000);

    @Inject
    @ConfigProperty(name = "pp.sandbox.partner-code")
    String partnerCode;

    @Inject
    @ConfigProperty(name = "pp.sandbox.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "pp.sandbox.confirm-url")
    String confirmUrl;

    @Inject
    @ConfigProperty(name = "pp.sandbox.return-url")
    String returnUrl;

    /** The shared secret; a sandbox without one refuses every message. */
    Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    String partnerCode() {
        return partnerCode;
    }

    String returnUrl() {
        return returnUrl;
    }

    /** Accepts a transaction; false when the reference is already taken. */
    boolean open(SandboxTransaction transaction) {
        return transactions.putIfAbsent(transaction.reference, transaction) == null;
    }

    Optional<SandboxTransaction> find(String reference) {
        return reference == null ? Optional.empty() : Optional.ofNullable(transactions.get(reference));
    }

    /**
     * The citizen's (or the tester's) decision: the transaction takes {@code outcome}; a paid or
     * failed one is confirmed to the partner unless the confirm is to be lost.
     */
    void settle(SandboxTransaction t, SandboxTransaction.Outcome outcome, String bank) {
        synchronized (t) {
            t.outcome = outcome;
            t.settledAt = Instant.now();
            if (outcome == SandboxTransaction.Outcome.PAID && t.transactionId == null) {
                t.transactionId = "PP" + sequence.incrementAndGet();
                t.bank = bank == null || bank.isBlank() ? "NCB" : bank;
            }
        }
        if (outcome == SandboxTransaction.Outcome.PAID || outcome == SandboxTransaction.Outcome.FAILED) {
            if (t.loseConfirm) {
                t.lastConfirmStatus = -1;
                LOG.info("sandbox: the confirm of " + t.reference + " is lost on purpose");
            } else {
                t.lastConfirmStatus = confirm(t);
            }
        }
    }

    /** Sends the confirm call; answers the partner's HTTP status (0 when it could not be reached). */
    int confirm(SandboxTransaction t) {
        String error = t.outcome == SandboxTransaction.Outcome.PAID ? "00" : "01";
        String time = TIME.format(t.settledAt == null ? Instant.now() : t.settledAt);
        List<String> fields = java.util.Arrays.asList(
                CONFIRM,
                error,
                t.partner,
                t.reference,
                t.amount,
                "VND",
                t.transactionId == null ? "" : t.transactionId,
                t.bank == null ? "" : t.bank,
                time,
                t.description);
        JsonObject body = Json.createObjectBuilder()
                .add("LoaiBanTin", CONFIRM)
                .add("MaLoi", error)
                .add("MaDoiTac", t.partner)
                .add("MaThamChieu", t.reference)
                .add("SoTien", t.amount)
                .add("MaTienTe", "VND")
                .add("MaGiaoDich", t.transactionId == null ? "" : t.transactionId)
                .add("MaNganHang", t.bank == null ? "" : t.bank)
                .add("ThoiGianGD", time)
                .add("ThongTinGiaoDich", t.description)
                .add("MaXacThuc", Checksum.of(fields, secret().orElse("")))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(confirmUrl))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.info("sandbox: confirm of " + t.reference + " answered " + answer.statusCode());
            return answer.statusCode();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "sandbox: the confirm of " + t.reference + " did not reach " + confirmUrl, e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
