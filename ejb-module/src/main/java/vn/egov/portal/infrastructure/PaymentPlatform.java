package vn.egov.portal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;

/**
 * Our client of the payment platform (PP DVCQG, PORTAL-SHARING.md A.5) and the checksums of its
 * messages in both directions. Where it is, who we are to it and the shared secret are
 * configuration: {@code egov.portal.payment.platform-url} (the sandbox by default, a real
 * platform's address in production), {@code egov.portal.payment.partner-code},
 * {@code egov.portal.payment.secret} (no default: without it payments are unavailable,
 * {@code portal.payment.unavailable}). The message-type names of the confirm and check calls were
 * not observed; they are configuration too ({@code egov.portal.payment.confirm-type},
 * {@code egov.portal.payment.check-type}).
 */
@ApplicationScoped
public class PaymentPlatform {

    private static final Logger LOG = Logger.getLogger(PaymentPlatform.class.getName());

    /** LoaiBanTin and PhienBan of the init, as observed. */
    public static final String INIT = "INIT";

    public static final String VERSION = "1.0.6";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    @ConfigProperty(name = "egov.portal.payment.platform-url", defaultValue = "http://localhost:8080/pp-sandbox/api")
    String platformUrl;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.partner-code", defaultValue = "000.00.00.H41")
    String partnerCode;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.confirm-type", defaultValue = "CONFIRM")
    String confirmType;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.check-type", defaultValue = "CHECK")
    String checkType;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    /** An init message: the fields in checksum order, and the receipt data. */
    public record Init(
            String reference, long amount, String description, OffsetDateTime at, String ip, JsonObject receipt) {}

    /** The init's answer: the payment URL, or the platform's refusal. */
    public record InitAnswer(String paymentUrl, String error) {
        public boolean accepted() {
            return paymentUrl != null;
        }
    }

    /** The platform's confirm call, its fields in checksum order. */
    public record Confirm(
            String type,
            String error,
            String partner,
            String reference,
            String amount,
            String currency,
            String transaction,
            String bank,
            String time,
            String description,
            String checksum) {
        List<String> fields() {
            return Arrays.asList(
                    type, error, partner, reference, amount, currency, transaction, bank, time, description);
        }
    }

    /** The check call's answer: TrangThaiGD (1 paid, 3 pending, 4 failed) and the transaction's facts. */
    public record CheckAnswer(String error, String state, String amount, String transaction, String bank) {
        public boolean paid() {
            return "00".equals(error) && "1".equals(state);
        }

        public boolean failed() {
            return "00".equals(error) && "4".equals(state);
        }
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String confirmType() {
        return confirmType;
    }

    private String secret() {
        return secret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new DomainException(
                        DomainException.Kind.UNAVAILABLE,
                        "portal.payment.unavailable",
                        "no payment platform is configured (egov.portal.payment.secret)"));
    }

    /** Whether a payment platform is configured at all. */
    public boolean configured() {
        return secret.filter(s -> !s.isBlank()).isPresent();
    }

    public static String time(OffsetDateTime at) {
        return TIME.format(at.atZoneSameInstant(VIETNAM));
    }

    /** Sends INIT; a platform that cannot be reached or answers nonsense is a refusal, not an exception. */
    public InitAnswer init(Init init) {
        List<String> fields = List.of(
                INIT,
                VERSION,
                partnerCode,
                init.reference(),
                Long.toString(init.amount()),
                "PAY",
                "1",
                "1",
                "vi-VN",
                "VND",
                "PAYMENT",
                init.description(),
                time(init.at()),
                init.ip() == null ? "" : init.ip());
        String[] names = {
            "LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "SoTien", "LoaiHinhThanhToan", "MaKenhThanhToan",
            "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang", "ThongTinGiaoDich", "ThoiGianGD", "Ip"
        };
        var body = Json.createObjectBuilder();
        for (int i = 0; i < names.length; i++) {
            body.add(names[i], fields.get(i));
        }
        body.add("MaXacThuc", PaymentChecksum.of(fields, secret()));
        body.add("ThongTinBienLai", init.receipt());
        Optional<JsonObject> answer = post("init", body.build());
        if (answer.isEmpty()) {
            return new InitAnswer(null, "the payment platform did not answer");
        }
        JsonObject a = answer.get();
        if (!"0".equals(text(a, "error_code"))) {
            return new InitAnswer(null, "error_code " + text(a, "error_code") + ": " + text(a, "message"));
        }
        JsonValue message = a.get("message");
        String url = message != null && message.getValueType() == JsonValue.ValueType.OBJECT
                ? text(message.asJsonObject(), "UrlThanhToan")
                : null;
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return new InitAnswer(null, "the payment platform answered no payment URL");
        }
        return new InitAnswer(url, null);
    }

    /** Whether a confirm call carries the checksum of its fields under our secret. */
    public boolean verifies(Confirm confirm) {
        return PaymentChecksum.matches(confirm.checksum(), confirm.fields(), secret());
    }

    /** The checksum of our answer to a confirm: MaLoi, MaDoiTac, MaThamChieu, ThoiGianGD. */
    public String answerChecksum(String error, String reference, String time) {
        return PaymentChecksum.of(List.of(error, partnerCode, reference, time), secret());
    }

    /**
     * Asks the platform where a transaction stands; empty when it cannot be reached or its answer
     * is not signed with our secret (then nothing is concluded from it).
     */
    public Optional<CheckAnswer> check(String reference, OffsetDateTime at) {
        List<String> fields = List.of(checkType, VERSION, partnerCode, reference, time(at));
        JsonObject body = Json.createObjectBuilder()
                .add("LoaiBanTin", fields.get(0))
                .add("PhienBan", fields.get(1))
                .add("MaDoiTac", fields.get(2))
                .add("MaThamChieu", fields.get(3))
                .add("ThoiGianGD", fields.get(4))
                .add("MaXacThuc", PaymentChecksum.of(fields, secret()))
                .build();
        Optional<JsonObject> answer = post("check", body);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonObject a = answer.get();
        String error = text(a, "MaLoi");
        if (!"00".equals(error)) {
            return Optional.of(new CheckAnswer(error, null, null, null, null));
        }
        List<String> signed = Arrays.asList(
                error,
                text(a, "MaDoiTac"),
                text(a, "MaThamChieu"),
                text(a, "TrangThaiGD"),
                text(a, "SoTien"),
                text(a, "MaGiaoDich"),
                text(a, "MaNganHang"),
                text(a, "ThoiGianGD"));
        if (!reference.equals(text(a, "MaThamChieu"))
                || !PaymentChecksum.matches(text(a, "MaXacThuc"), signed, secret())) {
            return Optional.empty();
        }
        return Optional.of(new CheckAnswer(
                error, text(a, "TrangThaiGD"), text(a, "SoTien"), text(a, "MaGiaoDich"), text(a, "MaNganHang")));
    }

    private Optional<JsonObject> post(String message, JsonObject body) {
        String base = platformUrl.endsWith("/") ? platformUrl : platformUrl + "/";
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + message))
                            .timeout(Duration.ofSeconds(timeoutSeconds))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                LOG.warning("the payment platform answered " + message + " with HTTP " + response.statusCode());
                return Optional.empty();
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonValue value = reader.readValue();
                return value.getValueType() == JsonValue.ValueType.OBJECT
                        ? Optional.of(value.asJsonObject())
                        : Optional.empty();
            }
        } catch (IOException | JsonException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "the payment platform's " + message + " call failed", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A member as text: strings as they are, numbers in their JSON spelling, absent or null as null. */
    public static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : v.toString();
    }
}
