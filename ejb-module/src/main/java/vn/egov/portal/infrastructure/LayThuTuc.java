package vn.egov.portal.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.egov.common.InvalidValuesException.Failure;
import vn.egov.common.SearchText;
import vn.egov.common.TextRule;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureRecord.Agency;
import vn.egov.portal.application.ProcedureRecord.Channel;
import vn.egov.portal.application.ProcedureRecord.ChannelKind;
import vn.egov.portal.application.ProcedureRecord.Components;
import vn.egov.portal.application.ProcedureRecord.Document;
import vn.egov.portal.application.ProcedureRecord.Fee;
import vn.egov.portal.application.ProcedureRecord.FeeKind;
import vn.egov.portal.application.ProcedureRecord.Field;
import vn.egov.portal.application.ProcedureRecord.LegalDocument;
import vn.egov.portal.application.ProcedureRecord.Result;
import vn.egov.portal.application.ProcedureRecord.Steps;
import vn.egov.portal.application.ProcedureRecord.TimeUnit;
import vn.egov.portal.application.ProcedureRecord.Timing;

/**
 * The national procedure database's record ({@code LayThuTuc}, PORTAL-SHARING.md A.3), read into a
 * {@link ProcedureRecord} and written back. Reading checks everything at once and lists every
 * failing value with its path ({@code CACHTHUCTHUCHIEN[1].THOIGIAN[0].DONVITINH}), so an import
 * answers each bad record with all its reasons. Writing gives the canonical form the catalogue
 * stores (members in a fixed order), so two imports of the same record are recognised as unchanged.
 *
 * <p>Tolerant where the national feed is known to vary: numbers may come as JSON numbers or as
 * strings of digits ({@code "200000"}, {@code "200.000"}), TRANGTHAI and MUCDO likewise; members the
 * catalogue does not use are ignored, but every text in the record must pass {@link TextRule}.
 * Three members are our additions to the national shape: {@code MUCDO} (online level "2"–"4", as
 * the one-stop systems send it; default 2), {@code LOA} (required assurance level, default 1), and,
 * per time, {@code TRUONGHOP} (the case a time applies to) and, per fee, {@code LOAIPHILEPHI}
 * ({@code "PHI"} or {@code "LEPHI"}; when absent, a description starting with "Phí" makes a fee, any
 * other a charge, lệ phí).
 */
public final class LayThuTuc {

    /** MaTTHC: digits, letters, dots and dashes, e.g. {@code 1.001193}, {@code 2.000528}. */
    public static final Pattern CODE = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$");

    private static final int MAX_ITEMS = 200;
    private static final int SHORT = 300;
    private static final int NAME = 1000;
    private static final int TEXT = 8000;

    private LayThuTuc() {}

    /** A record as read: the procedure, or every reason it cannot be one. */
    public record Read(ProcedureRecord procedure, String code, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** Reads one national record; never throws for what the record contains. */
    public static Read read(JsonValue value) {
        Reader r = new Reader();
        if (!(value instanceof JsonObject o)) {
            r.fail("", "portal.procedure.record-not-object", "a record is a JSON object");
            return new Read(null, null, r.failures);
        }
        r.checkTexts("", o);
        String code = r.text(o, "MATTHC", 40, true, true);
        if (code != null && !CODE.matcher(code).matches()) {
            r.fail("MATTHC", "portal.procedure.code-invalid", "a procedure code is like 1.001193");
        }
        String name = r.text(o, "TENTTHC", NAME, true, true);
        String publisher = r.text(o, "MACOQUANCONGBO", 50, true, true);
        Integer status = r.integer(o, "TRANGTHAI", 0, 9);
        Integer level = r.integer(o, "MUCDO", 2, 4);
        Integer loa = r.integer(o, "LOA", 1, 4);
        List<Field> fields = r.list(o, "LINHVUCTHUCHIEN", true, (f, p) -> {
            String c = r.text(f, p, "MALINHVUC", 40, true, true);
            if (c != null && !CODE.matcher(c).matches()) {
                r.fail(
                        p + ".MALINHVUC",
                        "portal.procedure.field-code-invalid",
                        "a field code is letters, digits, . and -");
            }
            return new Field(c, r.text(f, p, "TENLINHVUC", SHORT, true, true));
        });
        List<Steps> steps = r.list(
                o,
                "TRINHTUTHUCHIEN",
                false,
                (s, p) -> new Steps(
                        r.text(s, p, "TRUONGHOP", NAME, false, true),
                        r.list(s, p, "TRINHTU", false, (t, q) -> r.text(t, q, "TENTRINHTU", TEXT, true, false))));
        Set<ChannelKind> seen = new HashSet<>();
        List<Channel> channels = r.list(o, "CACHTHUCTHUCHIEN", true, (c, p) -> {
            Integer kenh = r.integer(c, p, "KENH", 1, 3, true);
            ChannelKind kind =
                    kenh == null ? null : ChannelKind.ofNationalCode(kenh).orElseThrow();
            if (kind != null && !seen.add(kind)) {
                r.fail(p + ".KENH", "portal.procedure.channel-duplicate", "channel " + kenh + " is given twice");
            }
            List<Timing> timings = r.list(c, p, "THOIGIAN", true, (t, q) -> {
                BigDecimal amount = r.number(t, q, "THOIGIANGIAIQUYET", new BigDecimal("3650"));
                String unitText = r.text(t, q, "DONVITINH", 50, amount != null, true);
                TimeUnit unit = unitText == null ? null : unit(unitText);
                if (unitText != null && unit == null) {
                    r.fail(
                            q + ".DONVITINH",
                            "portal.procedure.unit-unknown",
                            "a time is in Ngày làm việc, Ngày, Giờ or Tháng, not " + unitText);
                }
                List<Fee> fees = r.list(t, q, "PHILEPHI", false, (f, fp) -> {
                    String description = r.text(f, fp, "MOTA", TEXT, false, false);
                    String kindText = r.text(f, fp, "LOAIPHILEPHI", 10, false, true);
                    FeeKind feeKind = feeKind(kindText, description);
                    if (kindText != null && feeKind == null) {
                        r.fail(fp + ".LOAIPHILEPHI", "portal.procedure.fee-kind-unknown", "PHI or LEPHI");
                    }
                    BigDecimal sum = r.number(f, fp, "SOTIEN", new BigDecimal("1000000000000"));
                    return new Fee(
                            r.text(f, fp, "MAPHILEPHI", 40, false, true),
                            feeKind,
                            sum == null ? BigDecimal.ZERO : sum,
                            description);
                });
                return new Timing(
                        r.text(t, q, "TRUONGHOP", NAME, false, true),
                        amount,
                        unit,
                        r.text(t, q, "MOTA", TEXT, false, false),
                        fees);
            });
            return new Channel(kind, timings);
        });
        List<Components> components = r.list(
                o,
                "THANHPHANHOSO",
                false,
                (c, p) -> new Components(
                        r.text(c, p, "TRUONGHOP", NAME, false, true), r.list(c, p, "GIAYTO", false, (d, q) -> {
                            String dc = r.text(d, q, "MAGIAYTO", 40, false, true);
                            if (dc != null && !CODE.matcher(dc).matches()) {
                                r.fail(
                                        q + ".MAGIAYTO",
                                        "portal.procedure.document-code-invalid",
                                        "a document code is letters, digits, . and -");
                            }
                            String form = r.text(d, q, "TENMAUDON", NAME, false, true);
                            String url = r.text(d, q, "URL", 1000, false, true);
                            if (url != null && !webAddress(url)) {
                                r.fail(
                                        q + ".URL",
                                        "portal.procedure.url-invalid",
                                        "a form's URL is an http(s) address");
                            }
                            Integer originals = r.integer(d, q, "SOBANCHINH", 0, 99, false);
                            Integer copies = r.integer(d, q, "SOBANSAO", 0, 99, false);
                            return new Document(
                                    dc,
                                    r.text(d, q, "TENGIAYTO", TEXT, true, false),
                                    originals == null ? 0 : originals,
                                    copies == null ? 0 : copies,
                                    form,
                                    url,
                                    null);
                        })));
        List<Result> results = r.list(
                o,
                "KETQUATHUCHIEN",
                false,
                (k, p) -> new Result(
                        r.text(k, p, "MAKETQUA", 40, false, true), r.text(k, p, "TENKETQUA", NAME, true, false)));
        List<LegalDocument> legal = r.list(
                o,
                "CANCUPHAPLY",
                false,
                (k, p) -> new LegalDocument(
                        r.text(k, p, "SOVANBAN", 100, true, true), r.text(k, p, "TENVANBAN", NAME, false, false)));
        List<Agency> agencies = r.list(
                o,
                "COQUANTHUCHIEN",
                true,
                (k, p) -> new Agency(
                        r.text(k, p, "MADONVI", 50, true, true), r.text(k, p, "TENDONVI", SHORT, true, true)));
        String conditions = r.text(o, "YEUCAU", TEXT, false, false);
        String applicants = r.text(o, "MOTADOITUONGTHUCHIEN", TEXT, false, false);
        if (!r.failures.isEmpty()) {
            return new Read(null, code, r.failures);
        }
        return new Read(
                new ProcedureRecord(
                        code,
                        name,
                        publisher,
                        level == null ? ProcedureRecord.LEVEL_INFORMATION : level,
                        loa == null ? 1 : loa,
                        status != null && status == 1,
                        fields,
                        agencies,
                        steps,
                        channels,
                        components,
                        results,
                        legal,
                        applicants,
                        conditions),
                code,
                List.of());
    }

    /** The canonical national record of a procedure: what the catalogue stores. */
    public static JsonObject write(ProcedureRecord p) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("MATTHC", p.code())
                .add("TENTTHC", p.name())
                .add("MACOQUANCONGBO", p.publishingAgency())
                .add("TRANGTHAI", p.published() ? "1" : "0")
                .add("MUCDO", String.valueOf(p.onlineLevel()))
                .add("LOA", p.assuranceLevel());
        o.add(
                "LINHVUCTHUCHIEN",
                array(
                        p.fields(),
                        f -> Json.createObjectBuilder()
                                .add("MALINHVUC", f.code())
                                .add("TENLINHVUC", f.name())));
        o.add(
                "TRINHTUTHUCHIEN",
                array(
                        p.steps(),
                        s -> opt(Json.createObjectBuilder(), "TRUONGHOP", s.caseName())
                                .add(
                                        "TRINHTU",
                                        array(
                                                s.steps(),
                                                t -> Json.createObjectBuilder().add("TENTRINHTU", t)))));
        o.add(
                "CACHTHUCTHUCHIEN",
                array(
                        p.channels(),
                        c -> Json.createObjectBuilder()
                                .add("KENH", String.valueOf(c.kind().nationalCode()))
                                .add("THOIGIAN", array(c.timings(), t -> {
                                    JsonObjectBuilder b = Json.createObjectBuilder();
                                    opt(b, "TRUONGHOP", t.caseName());
                                    if (t.amount() != null) {
                                        b.add(
                                                "THOIGIANGIAIQUYET",
                                                t.amount().stripTrailingZeros().toPlainString());
                                    }
                                    opt(b, "DONVITINH", t.unit() == null ? null : unitName(t.unit()));
                                    opt(b, "MOTA", t.description());
                                    return b.add("PHILEPHI", array(t.fees(), f -> {
                                        JsonObjectBuilder fb = Json.createObjectBuilder();
                                        opt(fb, "MAPHILEPHI", f.code());
                                        fb.add("LOAIPHILEPHI", f.kind() == FeeKind.FEE ? "PHI" : "LEPHI");
                                        fb.add(
                                                "SOTIEN",
                                                f.amount().stripTrailingZeros().toPlainString());
                                        fb.add("DONVI", "Đồng");
                                        return opt(fb, "MOTA", f.description());
                                    }));
                                }))));
        o.add(
                "THANHPHANHOSO",
                array(
                        p.components(),
                        c -> opt(Json.createObjectBuilder(), "TRUONGHOP", c.caseName())
                                .add("GIAYTO", array(c.documents(), d -> {
                                    JsonObjectBuilder b = Json.createObjectBuilder();
                                    opt(b, "MAGIAYTO", d.code());
                                    b.add("TENGIAYTO", d.name());
                                    if (d.originals() > 0) {
                                        b.add("SOBANCHINH", String.valueOf(d.originals()));
                                    }
                                    if (d.copies() > 0) {
                                        b.add("SOBANSAO", String.valueOf(d.copies()));
                                    }
                                    opt(b, "TENMAUDON", d.formName());
                                    return opt(b, "URL", d.formUrl());
                                }))));
        o.add(
                "KETQUATHUCHIEN",
                array(
                        p.results(),
                        k -> opt(Json.createObjectBuilder(), "MAKETQUA", k.code())
                                .add("TENKETQUA", k.name())));
        o.add(
                "CANCUPHAPLY",
                array(
                        p.legalBasis(),
                        k -> opt(Json.createObjectBuilder().add("SOVANBAN", k.number()), "TENVANBAN", k.title())));
        o.add(
                "COQUANTHUCHIEN",
                array(
                        p.implementingAgencies(),
                        k -> Json.createObjectBuilder().add("MADONVI", k.code()).add("TENDONVI", k.name())));
        opt(o, "YEUCAU", p.conditions());
        opt(o, "MOTADOITUONGTHUCHIEN", p.applicants());
        return o.build();
    }

    /** The text a procedure is found by: code, name, fields and agencies, folded. */
    public static String searchText(ProcedureRecord p) {
        StringBuilder s = new StringBuilder(p.code()).append(' ').append(p.name());
        p.fields().forEach(f -> s.append(' ').append(f.name()));
        p.implementingAgencies().forEach(a -> s.append(' ').append(a.name()));
        String folded = SearchText.fold(s.toString());
        return folded.length() > 3000 ? folded.substring(0, 3000) : folded;
    }

    static TimeUnit unit(String text) {
        return switch (SearchText.fold(text)) {
            case "ngay lam viec" -> TimeUnit.WORKING_DAY;
            case "ngay" -> TimeUnit.DAY;
            case "gio", "gio lam viec" -> TimeUnit.HOUR;
            case "thang" -> TimeUnit.MONTH;
            default -> null;
        };
    }

    static String unitName(TimeUnit unit) {
        return switch (unit) {
            case WORKING_DAY -> "Ngày làm việc";
            case DAY -> "Ngày";
            case HOUR -> "Giờ";
            case MONTH -> "Tháng";
        };
    }

    static FeeKind feeKind(String kind, String description) {
        if (kind != null) {
            return switch (kind.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "PHI" -> FeeKind.FEE;
                case "LEPHI" -> FeeKind.CHARGE;
                default -> null;
            };
        }
        return SearchText.fold(description).startsWith("phi ") ? FeeKind.FEE : FeeKind.CHARGE;
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static JsonObjectBuilder opt(JsonObjectBuilder b, String name, String value) {
        return value == null ? b : b.add(name, value);
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObjectBuilder> each) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(i -> a.add(each.apply(i)));
        return a;
    }

    /** Collects failures while reading; every accessor returns null for what it refused. */
    private static final class Reader {
        final List<Failure> failures = new ArrayList<>();

        void fail(String field, String code, String message) {
            if (failures.size() < 100) {
                failures.add(new Failure(field, code, message));
            }
        }

        void checkTexts(String path, JsonValue value) {
            switch (value.getValueType()) {
                case STRING -> {
                    TextRule.Violation v = TextRule.violation(((JsonString) value).getString(), false);
                    if (v != null) {
                        fail(path, TextRule.CODE, "contains " + v.words());
                    }
                }
                case OBJECT -> {
                    for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                        String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                        if (!TextRule.acceptable(e.getKey(), true)) {
                            fail(path, TextRule.CODE, "a member name contains a control character");
                        }
                        checkTexts(at, e.getValue());
                    }
                }
                case ARRAY -> {
                    JsonArray a = value.asJsonArray();
                    for (int i = 0; i < a.size(); i++) {
                        checkTexts(path + "[" + i + "]", a.get(i));
                    }
                }
                default -> {}
            }
        }

        String text(JsonObject o, String name, int max, boolean required, boolean singleLine) {
            return text(o, "", name, max, required, singleLine);
        }

        String text(JsonObject o, String path, String name, int max, boolean required, boolean singleLine) {
            String at = path.isEmpty() ? name : path + "." + name;
            JsonValue v = o.get(name);
            if (v == null || v == JsonValue.NULL) {
                if (required) {
                    fail(at, "portal.procedure.value-required", name + " is required");
                }
                return null;
            }
            String s;
            if (v instanceof JsonString js) {
                s = js.getString().strip();
            } else if (v instanceof JsonNumber n) {
                s = n.bigDecimalValue().toPlainString();
            } else {
                fail(at, "portal.procedure.value-type", name + " is text");
                return null;
            }
            if (s.isEmpty()) {
                if (required) {
                    fail(at, "portal.procedure.value-required", name + " is required");
                }
                return null;
            }
            if (s.length() > max) {
                fail(at, "portal.procedure.value-too-long", name + " is longer than " + max + " characters");
                return null;
            }
            if (singleLine && !TextRule.acceptable(s, true)) {
                fail(at, TextRule.CODE, name + " is one line of text");
                return null;
            }
            return s;
        }

        Integer integer(JsonObject o, String name, int min, int max) {
            return integer(o, "", name, min, max, false);
        }

        Integer integer(JsonObject o, String path, String name, int min, int max, boolean required) {
            BigDecimal n = number(o, path, name, BigDecimal.valueOf(max));
            String at = path.isEmpty() ? name : path + "." + name;
            if (n == null) {
                if (required && !failures.stream().anyMatch(f -> f.field().equals(at))) {
                    fail(at, "portal.procedure.value-required", name + " is required");
                }
                return null;
            }
            if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0) {
                fail(at, "portal.procedure.value-range", name + " is a whole number from " + min + " to " + max);
                return null;
            }
            return n.intValueExact();
        }

        private static final Pattern GROUPED = Pattern.compile("^\\d{1,3}([.,]\\d{3})+$");
        private static final Pattern PLAIN = Pattern.compile("^\\d{1,15}([.,]\\d{1,2})?$");

        BigDecimal number(JsonObject o, String path, String name, BigDecimal max) {
            String at = path.isEmpty() ? name : path + "." + name;
            JsonValue v = o.get(name);
            if (v == null || v == JsonValue.NULL) {
                return null;
            }
            BigDecimal n;
            if (v instanceof JsonNumber jn) {
                n = jn.bigDecimalValue();
            } else if (v instanceof JsonString js) {
                String s = js.getString().strip();
                if (s.isEmpty()) {
                    return null;
                }
                if (GROUPED.matcher(s).matches()) {
                    n = new BigDecimal(s.replace(".", "").replace(",", ""));
                } else if (PLAIN.matcher(s).matches()) {
                    n = new BigDecimal(s.replace(',', '.'));
                } else {
                    fail(at, "portal.procedure.value-type", name + " is a number, not " + abbreviate(s));
                    return null;
                }
            } else {
                fail(at, "portal.procedure.value-type", name + " is a number");
                return null;
            }
            if (n.signum() < 0 || n.compareTo(max) > 0) {
                fail(at, "portal.procedure.value-range", name + " is from 0 to " + max.toPlainString());
                return null;
            }
            return n;
        }

        interface Item<T> {
            T read(JsonObject item, String path);
        }

        <T> List<T> list(JsonObject o, String name, boolean required, Item<T> each) {
            return list(o, "", name, required, each);
        }

        <T> List<T> list(JsonObject o, String path, String name, boolean required, Item<T> each) {
            String at = path.isEmpty() ? name : path + "." + name;
            JsonValue v = o.get(name);
            if (v == null || v == JsonValue.NULL) {
                if (required) {
                    fail(at, "portal.procedure.value-required", name + " needs at least one entry");
                }
                return List.of();
            }
            if (!(v instanceof JsonArray a)) {
                fail(at, "portal.procedure.value-type", name + " is a list");
                return List.of();
            }
            if (a.isEmpty() && required) {
                fail(at, "portal.procedure.value-required", name + " needs at least one entry");
            }
            if (a.size() > MAX_ITEMS) {
                fail(at, "portal.procedure.value-too-many", name + " has more than " + MAX_ITEMS + " entries");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String p = at + "[" + i + "]";
                if (!(a.get(i) instanceof JsonObject item)) {
                    fail(p, "portal.procedure.value-type", "an entry of " + name + " is an object");
                    continue;
                }
                T read = each.read(item, p);
                if (read != null) {
                    out.add(read);
                }
            }
            return out;
        }

        private static String abbreviate(String s) {
            return s.length() > 20 ? s.substring(0, 20) + "…" : s;
        }
    }
}
