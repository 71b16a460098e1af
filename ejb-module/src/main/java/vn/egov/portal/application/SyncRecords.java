package vn.egov.portal.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.common.TextRule;

/**
 * Checks each record of a sync batch on its own — {@code DongBoHoSoMC} dossiers and
 * {@code CapNhatTienDoHoSoMC} steps — before anything is written, so one bad record is refused with
 * its reason and never costs the others their place in the batch. Required fields must be present
 * and not blank; every text is bounded by its column and must be text ({@link TextRule}), in the
 * optional fields too; dates are {@code yyyyMMddHHmmss} in Vietnam's time ({@link SyncDates}).
 * Codes and numbers may arrive as JSON strings or integers, as real one-stop systems send both.
 */
public final class SyncRecords {

    public static final String NOT_AN_OBJECT = "portal.sync.record.invalid";
    public static final String MISSING = "portal.sync.field.missing";
    public static final String WRONG_TYPE = "portal.sync.field.type";
    public static final String TOO_LONG = "portal.sync.field.too-long";
    public static final String BAD_VALUE = "portal.sync.field.invalid";
    public static final String BAD_DATE = "portal.sync.date.invalid";
    public static final String EXTRA_TOO_LONG = "portal.sync.extra.too-long";

    /** The largest optional part of a dossier record kept as sent (the column's length). */
    static final int MAX_EXTRA_CHARS = 20_000;

    /** Deepest nesting of the optional part: lists of objects holding lists (fees of a supplement). */
    static final int MAX_DEPTH = 6;

    /** The required fields of {@code DongBoHoSoMC} (PORTAL-SHARING.md A.4); everything else is optional. */
    public static final List<String> DOSSIER_REQUIRED = List.of(
            "MaHoSo",
            "MaTTHC",
            "TenTTHC",
            "MaLinhVuc",
            "TenLinhVuc",
            "LoaiDoiTuong",
            "Email",
            "SoDienThoai",
            "TrichYeuHoSo",
            "NgayTiepNhan",
            "NgayHenTra",
            "TrangThaiHoSo",
            "HinhThuc",
            "DonViXuLy");

    private static final Set<String> DOSSIER_REQUIRED_SET = Set.copyOf(DOSSIER_REQUIRED);

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A checked record, or why it was refused. */
    public record Checked<T>(T value, RecordFailure failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private SyncRecords() {}

    /** One {@code DongBoHoSoMC} record. */
    public static Checked<DossierReport> dossier(JsonValue value) {
        try {
            JsonObject o = object(value);
            String code = text(o, "MaHoSo", 50, true, true);
            String procedureCode = text(o, "MaTTHC", 50, true, true);
            String procedureName = text(o, "TenTTHC", 1000, true, true);
            String fieldCode = text(o, "MaLinhVuc", 50, true, true);
            String fieldName = text(o, "TenLinhVuc", 500, true, true);
            int applicantType = oneOf(o, "LoaiDoiTuong", 1, 2);
            String email = text(o, "Email", 254, true, true);
            if (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1 || email.contains(" ")) {
                throw new Refused(BAD_VALUE, "Email is not an e-mail address", "Email");
            }
            String phone = text(o, "SoDienThoai", 20, true, true);
            String summary = text(o, "TrichYeuHoSo", 2000, true, false);
            OffsetDateTime receivedAt = date(o, "NgayTiepNhan", true);
            OffsetDateTime dueAt = date(o, "NgayHenTra", true);
            String status = text(o, "TrangThaiHoSo", 50, true, true);
            int delivery = oneOf(o, "HinhThuc", 0, 1);
            String unit = text(o, "DonViXuLy", 300, true, true);
            String applicantName = text(o, "ChuHoSo", 300, false, true);
            String applicantSubject = text(o, "MaDoiTuong", 100, false, true);
            OffsetDateTime finishedAt = date(o, "NgayKetThucXuLy", false);
            OffsetDateTime returnedAt = date(o, "NgayTra", false);
            int channel = o.containsKey("KenhThucHien") && !isBlank(o.get("KenhThucHien"))
                    ? oneOf(o, "KenhThucHien", 1, 3)
                    : 1;
            OffsetDateTime statusAt = latest(latest(receivedAt, finishedAt), returnedAt);
            String extra = extra(o);
            return new Checked<>(
                    new DossierReport(
                            code,
                            procedureCode,
                            procedureName,
                            fieldCode,
                            fieldName,
                            applicantType,
                            applicantName,
                            applicantSubject,
                            email,
                            phone,
                            summary,
                            receivedAt,
                            dueAt,
                            status,
                            statusAt,
                            delivery,
                            channel,
                            unit,
                            extra),
                    null);
        } catch (Refused r) {
            return new Checked<>(null, r.failure);
        }
    }

    /** One {@code CapNhatTienDoHoSoMC} record. */
    public static Checked<StepReport> step(JsonValue value) {
        try {
            JsonObject o = object(value);
            checkAllText(o, 0);
            return new Checked<>(
                    new StepReport(
                            text(o, "MaHoSo", 50, true, true),
                            text(o, "NguoiXuLy", 300, false, true),
                            text(o, "ChucDanh", 300, false, true),
                            text(o, "PhongBanXuLy", 300, false, true),
                            text(o, "NoiDungXuLy", 4000, false, false),
                            date(o, "ThoiDiemXuLy", true),
                            text(o, "TrangThai", 50, true, true),
                            date(o, "NgayBatDau", false),
                            date(o, "NgayKetThucTheoQuyDinh", false)),
                    null);
        } catch (Refused r) {
            return new Checked<>(null, r.failure);
        }
    }

    /** The record's code, when it has a readable one, to name it in the answer; null otherwise. */
    public static String codeOf(JsonValue value) {
        if (value instanceof JsonObject o && o.get("MaHoSo") instanceof JsonString s) {
            String code = s.getString();
            return code.length() <= 50 && TextRule.violation(code, true) == null ? code.strip() : null;
        }
        return null;
    }

    private static JsonObject object(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new Refused(NOT_AN_OBJECT, "a record is a JSON object", null);
        }
        return o;
    }

    private static boolean isBlank(JsonValue value) {
        return value == null
                || value.getValueType() == JsonValue.ValueType.NULL
                || (value instanceof JsonString s && s.getString().isBlank());
    }

    /** A text field: a string (or an integer, for codes some systems send as numbers), bounded and clean. */
    static String text(JsonObject o, String field, int max, boolean required, boolean singleLine) {
        JsonValue value = o.get(field);
        if (isBlank(value)) {
            if (required) {
                throw new Refused(MISSING, field + " is required", field);
            }
            return null;
        }
        String text;
        if (value instanceof JsonString s) {
            text = s.getString();
        } else if (value instanceof JsonNumber n && n.isIntegral()) {
            text = n.bigIntegerValue().toString();
        } else {
            throw new Refused(WRONG_TYPE, field + " must be text", field);
        }
        TextRule.Violation violation = TextRule.violation(text, singleLine);
        if (violation != null) {
            throw new Refused(TextRule.CODE, field + " contains " + violation.words(), field);
        }
        text = text.strip();
        if (text.length() > max) {
            throw new Refused(TOO_LONG, field + " is longer than " + max + " characters", field);
        }
        return text;
    }

    private static int oneOf(JsonObject o, String field, int low, int high) {
        String text = text(o, field, 2, true, true);
        try {
            int value = Integer.parseInt(text);
            if (value >= low && value <= high) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other value out of range
        }
        throw new Refused(BAD_VALUE, field + " must be one of " + low + "–" + high, field);
    }

    private static OffsetDateTime date(JsonObject o, String field, boolean required) {
        String text = text(o, field, 14, required, true);
        if (text == null) {
            return null;
        }
        try {
            return SyncDates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(BAD_DATE, field + " is not a date yyyyMMddHHmmss", field);
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return b == null || (a != null && !b.isAfter(a)) ? a : b;
    }

    /** The optional fields as sent, checked for text at every depth; null when there are none. */
    private static String extra(JsonObject o) {
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        boolean any = false;
        for (Map.Entry<String, JsonValue> entry : o.entrySet()) {
            if (!DOSSIER_REQUIRED_SET.contains(entry.getKey())) {
                checkText(entry.getKey(), entry.getKey(), 0);
                checkText(entry.getKey(), entry.getValue(), 0);
                kept.add(entry.getKey(), entry.getValue());
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        String json = kept.build().toString();
        if (json.length() > MAX_EXTRA_CHARS) {
            throw new Refused(
                    EXTRA_TOO_LONG, "the optional fields are longer than " + MAX_EXTRA_CHARS + " characters", null);
        }
        return json;
    }

    private static void checkAllText(JsonObject o, int depth) {
        for (Map.Entry<String, JsonValue> entry : o.entrySet()) {
            checkText(entry.getKey(), entry.getKey(), depth);
            checkText(entry.getKey(), entry.getValue(), depth);
        }
    }

    private static void checkText(String field, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Refused(BAD_VALUE, field + " is nested deeper than " + MAX_DEPTH + " levels", field);
        }
        if (value instanceof String key) {
            violation(field, key);
        } else if (value instanceof JsonString s) {
            violation(field, s.getString());
        } else if (value instanceof JsonObject nested) {
            for (Map.Entry<String, JsonValue> entry : nested.entrySet()) {
                checkText(field, entry.getKey(), depth + 1);
                checkText(field, entry.getValue(), depth + 1);
            }
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (JsonValue item : array) {
                checkText(field, item, depth + 1);
            }
        }
    }

    private static void violation(String field, String text) {
        TextRule.Violation violation = TextRule.violation(text, false);
        if (violation != null) {
            throw new Refused(TextRule.CODE, field + " contains " + violation.words(), field);
        }
    }

    /** Unwinds the checks of one record to its refusal; never leaves this class. */
    private static final class Refused extends RuntimeException {
        private final transient RecordFailure failure;

        Refused(String code, String message, String field) {
            super(message, null, false, false);
            this.failure = new RecordFailure(code, message, field);
        }
    }
}
