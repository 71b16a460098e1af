package vn.egov.portal.interfaces.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.StrictJson;
import vn.egov.portal.application.RecordFailure;
import vn.egov.portal.application.SyncAnswer;
import vn.egov.portal.application.SyncDates;
import vn.egov.portal.application.SyncedDossier;

/**
 * Reads sync bodies and writes sync answers in the national portal's field names, for both shapes
 * of the API (ours and the DVCQG adapter's). Bodies are read as JSON values, not bound, because each
 * record is checked on its own: a record of the wrong shape is refused alone, not the batch.
 */
final class SyncJson {

    static final JsonProvider JSON = JsonProvider.provider();

    private SyncJson() {}

    /** The body as JSON: strict UTF-8 ({@code request.encoding.invalid}), well-formed ({@code request.malformed}). */
    static JsonStructure read(byte[] body) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(java.nio.ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DomainException.invalid(StrictJson.ENCODING_CODE, "the request body is not valid UTF-8");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.read();
        } catch (JsonException e) {
            throw DomainException.invalid("request.malformed", "the JSON body could not be read");
        }
    }

    /** The records of a batch: the body's array, or the {@code data} array of an object (a JSON string holding one too). */
    static List<JsonValue> records(JsonValue data) {
        if (data instanceof JsonArray array) {
            return array;
        }
        if (data instanceof jakarta.json.JsonString s) {
            try (JsonReader reader = JSON.createReader(new StringReader(s.getString()))) {
                return reader.readArray();
            } catch (JsonException e) {
                throw DomainException.invalid("portal.sync.data.invalid", "data must be an array of records");
            }
        }
        throw DomainException.invalid("portal.sync.data.invalid", "data must be an array of records");
    }

    /** Our API's answer: counts, then every record's fate in the order sent. */
    static JsonObject answer(SyncAnswer answer) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (SyncAnswer.RecordResult r : answer.results()) {
            JsonObjectBuilder one = JSON.createObjectBuilder().add("index", r.index());
            addNullable(one, "MaHoSo", r.code());
            one.add("accepted", r.accepted());
            if (!r.accepted()) {
                failure(one, r.failure());
            }
            results.add(one);
        }
        return JSON.createObjectBuilder()
                .add("received", answer.received())
                .add("accepted", answer.accepted())
                .add("refused", answer.refused())
                .add("written", answer.written())
                .add("notices", answer.notices())
                .add("results", results)
                .build();
    }

    /** The adapter's per-record results: {@code error_code} 0 or 1 with a message, like its envelope. */
    static JsonArray adapterResults(SyncAnswer answer) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (SyncAnswer.RecordResult r : answer.results()) {
            JsonObjectBuilder one = JSON.createObjectBuilder();
            addNullable(one, "MaHoSo", r.code());
            if (r.accepted()) {
                one.add("error_code", 0).add("message", "Thành công");
            } else {
                one.add("error_code", 1);
                failure(one, r.failure());
            }
            results.add(one);
        }
        return results.build();
    }

    private static void failure(JsonObjectBuilder one, RecordFailure failure) {
        one.add("code", failure.code()).add("message", vietnamese(failure.code(), failure.message()));
        one.add("detail", failure.message());
        if (failure.field() != null) {
            one.add("field", failure.field());
        }
    }

    /** A code's Vietnamese text from the message bundle (one-stop systems are Vietnamese), else the detail. */
    static String vietnamese(String code, String fallback) {
        try {
            return ResourceBundle.getBundle("vn.egov.web.i18n.messages", Locale.forLanguageTag("vi"))
                    .getString("error." + code);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** {@code TraCuuHoSo}: the dossier in {@code DongBoHoSoMC} field names, its timeline as {@code TienDo}. */
    static JsonObject dossier(SyncedDossier d) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        if (d.extraJson() != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(d.extraJson()))) {
                reader.readObject().forEach(o::add);
            }
        }
        o.add("MaHoSo", d.code())
                .add("MaTTHC", d.procedureCode())
                .add("TenTTHC", d.procedureName())
                .add("MaLinhVuc", d.fieldCode())
                .add("TenLinhVuc", d.fieldName())
                .add("LoaiDoiTuong", Integer.toString(d.applicantType()))
                .add("Email", d.email())
                .add("SoDienThoai", d.phone())
                .add("TrichYeuHoSo", d.summary())
                .add("NgayTiepNhan", SyncDates.format(d.receivedAt()))
                .add("NgayHenTra", SyncDates.format(d.dueAt()))
                .add("TrangThaiHoSo", Integer.toString(d.status()))
                .add("HinhThuc", Integer.toString(d.delivery()))
                .add("DonViXuLy", d.handlingUnit())
                .add("MaDonVi", d.agencyCode())
                .add("ThoiDiemTrangThai", SyncDates.format(d.statusAt()))
                .add("PhienBan", d.version());
        addNullable(o, "ChuHoSo", d.applicantName());
        addDate(o, "NgayKetThucXuLy", d.finishedAt());
        addDate(o, "NgayTra", d.returnedAt());
        JsonArrayBuilder steps = JSON.createArrayBuilder();
        for (SyncedDossier.Step s : d.steps()) {
            JsonObjectBuilder step = JSON.createObjectBuilder()
                    .add("MaHoSo", d.code())
                    .add("TrangThai", Integer.toString(s.status()))
                    .add("ThoiDiemXuLy", SyncDates.format(s.handledAt()));
            addNullable(step, "NguoiXuLy", s.handler());
            addNullable(step, "ChucDanh", s.handlerTitle());
            addNullable(step, "PhongBanXuLy", s.unit());
            addNullable(step, "NoiDungXuLy", s.content());
            addDate(step, "NgayBatDau", s.startedAt());
            addDate(step, "NgayKetThucTheoQuyDinh", s.dueAt());
            steps.add(step);
        }
        return o.add("TienDo", steps).build();
    }

    private static void addNullable(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static void addDate(JsonObjectBuilder o, String name, OffsetDateTime value) {
        if (value != null) {
            o.add(name, SyncDates.format(value));
        }
    }
}
