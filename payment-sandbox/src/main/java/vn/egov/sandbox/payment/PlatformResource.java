package vn.egov.sandbox.payment;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The payment platform's side of the contract (PORTAL-SHARING.md A.5), as the DVCQG payment
 * platform speaks it:
 * <ul>
 * <li>{@code POST api/init}: {@code INIT} version {@code 1.0.6} with its fields, {@code MaXacThuc}
 * and {@code ThongTinBienLai}; answered {@code {error_code:"0", message:{UrlThanhToan}}}, or a
 * non-zero {@code error_code} with a text message (1 bad message, 2 wrong checksum, 3 reference
 * already used, 4 wrong partner).</li>
 * <li>{@code POST api/check}: {@code LoaiBanTin, PhienBan, MaDoiTac, MaThamChieu, ThoiGianGD,
 * MaXacThuc}; answered {@code MaLoi "00"} with {@code TrangThaiGD} 1 paid, 3 pending, 4 failed,
 * {@code SoTien, MaGiaoDich, MaNganHang, ThoiGianGD} and a {@code MaXacThuc} over
 * {@code MaLoi, MaDoiTac, MaThamChieu, TrangThaiGD, SoTien, MaGiaoDich, MaNganHang, ThoiGianGD};
 * {@code MaLoi "01"} for an unknown reference, "02" a wrong checksum, "99" a bad message.</li>
 * </ul>
 */
@Path("")
@jakarta.enterprise.context.RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class PlatformResource {

    static final String INIT = "INIT";
    static final String VERSION = "1.0.6";
    static final String CHECK = "CHECK";

    @Inject
    private SandboxPlatform platform;

    @Context
    private UriInfo uri;

    @POST
    @Path("init")
    public JsonObject init(String body) {
        Optional<JsonObject> read = read(body);
        if (read.isEmpty()) {
            return error("1", "Bản tin không hợp lệ");
        }
        JsonObject m = read.get();
        List<String> fields = Arrays.asList(
                text(m, "LoaiBanTin"),
                text(m, "PhienBan"),
                text(m, "MaDoiTac"),
                text(m, "MaThamChieu"),
                text(m, "SoTien"),
                text(m, "LoaiHinhThanhToan"),
                text(m, "MaKenhThanhToan"),
                text(m, "MaThietBi"),
                text(m, "NgonNgu"),
                text(m, "MaTienTe"),
                text(m, "MaNganHang"),
                text(m, "ThongTinGiaoDich"),
                text(m, "ThoiGianGD"),
                text(m, "Ip"));
        if (!INIT.equals(fields.get(0)) || !VERSION.equals(fields.get(1))) {
            return error("1", "Loại bản tin hoặc phiên bản không hỗ trợ");
        }
        String reference = fields.get(3);
        String amount = fields.get(4);
        if (reference == null || reference.isBlank() || amount == null || !amount.matches("[1-9][0-9]{0,14}")) {
            return error("1", "Thiếu mã tham chiếu hoặc số tiền không hợp lệ");
        }
        if (platform.secret().isEmpty()
                || !Checksum.matches(
                        text(m, "MaXacThuc"), fields, platform.secret().get())) {
            return error("2", "Sai mã xác thực");
        }
        if (!platform.partnerCode().equals(fields.get(2))) {
            return error("4", "Đối tác không được phép");
        }
        JsonValue receipt = m.get("ThongTinBienLai");
        SandboxTransaction t = new SandboxTransaction(
                fields.get(2),
                reference,
                amount,
                fields.get(11) == null ? "" : fields.get(11),
                receipt == null ? "{}" : receipt.toString(),
                Instant.now());
        if (!platform.open(t)) {
            return error("3", "Mã tham chiếu đã được sử dụng");
        }
        String url = uri.getBaseUri()
                .resolve("../pay?ref=" + URLEncoder.encode(reference, StandardCharsets.UTF_8))
                .toString();
        return Json.createObjectBuilder()
                .add("error_code", "0")
                .add("message", Json.createObjectBuilder().add("UrlThanhToan", url))
                .build();
    }

    @POST
    @Path("check")
    public JsonObject check(String body) {
        Optional<JsonObject> read = read(body);
        if (read.isEmpty()) {
            return Json.createObjectBuilder().add("MaLoi", "99").build();
        }
        JsonObject m = read.get();
        List<String> fields = Arrays.asList(
                text(m, "LoaiBanTin"),
                text(m, "PhienBan"),
                text(m, "MaDoiTac"),
                text(m, "MaThamChieu"),
                text(m, "ThoiGianGD"));
        if (platform.secret().isEmpty()
                || !Checksum.matches(
                        text(m, "MaXacThuc"), fields, platform.secret().get())) {
            return Json.createObjectBuilder().add("MaLoi", "02").build();
        }
        Optional<SandboxTransaction> found = platform.find(fields.get(3)).filter(t -> t.partner.equals(fields.get(2)));
        if (found.isEmpty()) {
            return Json.createObjectBuilder()
                    .add("MaLoi", "01")
                    .add("MaThamChieu", fields.get(3) == null ? "" : fields.get(3))
                    .build();
        }
        SandboxTransaction t = found.get();
        String state = t.checkState();
        String txn = t.transactionId == null ? "" : t.transactionId;
        String bank = t.bank == null ? "" : t.bank;
        String time = SandboxPlatform.TIME.format(t.settledAt == null ? Instant.now() : t.settledAt);
        String sum = Checksum.of(
                List.of("00", t.partner, t.reference, state, t.amount, txn, bank, time),
                platform.secret().get());
        return Json.createObjectBuilder()
                .add("MaLoi", "00")
                .add("MaDoiTac", t.partner)
                .add("MaThamChieu", t.reference)
                .add("TrangThaiGD", state)
                .add("SoTien", t.amount)
                .add("MaGiaoDich", txn)
                .add("MaNganHang", bank)
                .add("ThoiGianGD", time)
                .add("MaXacThuc", sum)
                .build();
    }

    private static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error_code", code)
                .add("message", message)
                .build();
    }

    private static Optional<JsonObject> read(String body) {
        if (body == null || body.isBlank() || body.length() > 100_000) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT
                    ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A field as text: strings as they are, numbers in their JSON spelling, absent as null. */
    static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : v.toString();
    }
}
