package vn.egov.portal.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureRecord.Channel;
import vn.egov.portal.application.ProcedureRecord.ChannelKind;
import vn.egov.portal.application.ProcedureRecord.Timing;

/**
 * A procedure as a CPSV-AP public service in JSON-LD (the EU Core Public Service Vocabulary
 * Application Profile, version 3): {@code PublicService} with {@code hasCompetentAuthority},
 * {@code hasChannel} ({@code Channel}), {@code hasCost} ({@code Cost}, in VND, each {@code
 * ifAccessedThrough} its channel), {@code processingTime} (ISO 8601 duration), {@code hasInput}
 * ({@code Evidence} = giấy tờ), {@code produces} ({@code Output} = kết quả), {@code
 * hasLegalResource} ({@code LegalResource} = căn cứ pháp lý) and {@code thematicArea} (lĩnh vực).
 *
 * <p>The context is written inline, naming each term's IRI in the CPSV-AP / Core Vocabularies
 * namespaces, so the document means the same without fetching anything. Vietnam's times are
 * per channel and case; CPSV-AP has one {@code processingTime} per service, so the service carries
 * the shortest whole-procedure time and each channel its own (the same IRI on the channel).
 * Working days have no ISO 8601 form: they are written as days ({@code P5D}), and the Vietnamese
 * wording stays in the description; a fraction of a working day is counted in 8-hour days.
 */
public final class CpsvAp {

    public static final String MEDIA_TYPE = "application/ld+json";
    private static final String CV = "http://data.europa.eu/m8g/";

    private CpsvAp() {}

    /** The public service; {@code base} is the absolute address the procedure is published at. */
    public static JsonObject publicService(ProcedureRecord p, String base) {
        String id = base;
        JsonObjectBuilder s = Json.createObjectBuilder()
                .add("@context", context())
                .add("@id", id)
                .add("@type", "PublicService")
                .add("identifier", p.code())
                .add("name", Json.createObjectBuilder().add("@language", "vi").add("@value", p.name()));
        if (p.conditions() != null) {
            s.add(
                    "description",
                    Json.createObjectBuilder().add("@language", "vi").add("@value", p.conditions()));
        }
        JsonArrayBuilder authorities = Json.createArrayBuilder();
        p.implementingAgencies()
                .forEach(a -> authorities.add(Json.createObjectBuilder()
                        .add("@type", "PublicOrganisation")
                        .add("identifier", a.code())
                        .add("prefLabel", a.name())));
        s.add("hasCompetentAuthority", authorities);
        JsonArrayBuilder areas = Json.createArrayBuilder();
        p.fields()
                .forEach(f -> areas.add(Json.createObjectBuilder()
                        .add("@type", "Concept")
                        .add("identifier", f.code())
                        .add("prefLabel", f.name())));
        s.add("thematicArea", areas);
        JsonArrayBuilder channels = Json.createArrayBuilder();
        JsonArrayBuilder costs = Json.createArrayBuilder();
        for (Channel c : p.channels()) {
            String channelId = id + "#channel-" + c.kind().nationalCode();
            JsonObjectBuilder channel = Json.createObjectBuilder()
                    .add("@id", channelId)
                    .add("@type", "Channel")
                    .add("identifier", String.valueOf(c.kind().nationalCode()))
                    .add("type", channelType(c.kind()));
            shortest(c).flatMap(CpsvAp::duration).ifPresent(d -> channel.add("processingTime", d));
            channels.add(channel);
            int n = 0;
            for (Timing t : c.timings()) {
                for (ProcedureRecord.Fee f : t.fees()) {
                    JsonObjectBuilder cost = Json.createObjectBuilder()
                            .add("@id", channelId + "-cost-" + (++n))
                            .add("@type", "Cost")
                            .add("value", f.amount())
                            .add("currency", "http://publications.europa.eu/resource/authority/currency/VND")
                            .add("ifAccessedThrough", channelId);
                    if (f.code() != null) {
                        cost.add("identifier", f.code());
                    }
                    String what = f.kind() == ProcedureRecord.FeeKind.FEE ? "Phí" : "Lệ phí";
                    cost.add(
                            "description",
                            Json.createObjectBuilder()
                                    .add("@language", "vi")
                                    .add("@value", f.description() == null ? what : f.description()));
                    costs.add(cost);
                }
            }
        }
        s.add("hasChannel", channels);
        s.add("hasCost", costs);
        p.channels().stream()
                .map(CpsvAp::shortest)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(CpsvAp::hours))
                .flatMap(CpsvAp::duration)
                .ifPresent(d -> s.add("processingTime", d));
        JsonArrayBuilder inputs = Json.createArrayBuilder();
        p.components()
                .forEach(c -> c.documents().forEach(d -> {
                    JsonObjectBuilder e = Json.createObjectBuilder().add("@type", "Evidence");
                    if (d.code() != null) {
                        e.add("identifier", d.code());
                    }
                    e.add(
                            "name",
                            Json.createObjectBuilder().add("@language", "vi").add("@value", d.name()));
                    if (c.caseName() != null) {
                        e.add(
                                "description",
                                Json.createObjectBuilder()
                                        .add("@language", "vi")
                                        .add("@value", c.caseName()));
                    }
                    inputs.add(e);
                }));
        s.add("hasInput", inputs);
        JsonArrayBuilder outputs = Json.createArrayBuilder();
        p.results().forEach(r -> {
            JsonObjectBuilder o = Json.createObjectBuilder().add("@type", "Output");
            if (r.code() != null) {
                o.add("identifier", r.code());
            }
            outputs.add(o.add(
                    "name", Json.createObjectBuilder().add("@language", "vi").add("@value", r.name())));
        });
        s.add("produces", outputs);
        JsonArrayBuilder legal = Json.createArrayBuilder();
        p.legalBasis().forEach(l -> {
            JsonObjectBuilder o =
                    Json.createObjectBuilder().add("@type", "LegalResource").add("identifier", l.number());
            if (l.title() != null) {
                o.add("title", Json.createObjectBuilder().add("@language", "vi").add("@value", l.title()));
            }
            legal.add(o);
        });
        s.add("hasLegalResource", legal);
        return s.build();
    }

    /** ISO 8601 duration of a time, when it has one: P5D, PT4H, P1M; half a working day PT4H. */
    static Optional<String> duration(Timing t) {
        if (t.amount() == null || t.unit() == null) {
            return Optional.empty();
        }
        BigDecimal a = t.amount().stripTrailingZeros();
        boolean whole = a.scale() <= 0;
        return Optional.of(
                switch (t.unit()) {
                    case MONTH ->
                        whole ? "P" + a.toPlainString() + "M" : "P" + days(a.multiply(BigDecimal.valueOf(30)), 24);
                    case DAY -> whole ? "P" + a.toPlainString() + "D" : "PT" + hoursOf(a, 24) + "H";
                    case WORKING_DAY -> whole ? "P" + a.toPlainString() + "D" : "PT" + hoursOf(a, 8) + "H";
                    case HOUR -> "PT" + a.toPlainString() + "H";
                });
    }

    private static String days(BigDecimal days, int hoursPerDay) {
        BigDecimal d = days.stripTrailingZeros();
        return d.scale() <= 0 ? d.toPlainString() + "D" : "T" + hoursOf(d, hoursPerDay) + "H";
    }

    private static String hoursOf(BigDecimal days, int hoursPerDay) {
        return days.multiply(BigDecimal.valueOf(hoursPerDay))
                .setScale(0, RoundingMode.CEILING)
                .toPlainString();
    }

    private static Optional<Timing> shortest(Channel c) {
        return c.timings().stream()
                .filter(t -> t.amount() != null && t.unit() != null)
                .min(Comparator.comparing(CpsvAp::hours));
    }

    /** A time in hours, for comparing times in different units (working day = 8 hours). */
    static BigDecimal hours(Timing t) {
        BigDecimal per = switch (Objects.requireNonNull(t.unit())) {
            case HOUR -> BigDecimal.ONE;
            case WORKING_DAY -> BigDecimal.valueOf(8);
            case DAY -> BigDecimal.valueOf(24);
            case MONTH -> BigDecimal.valueOf(24 * 30);
        };
        return t.amount().multiply(per);
    }

    private static String channelType(ChannelKind kind) {
        return switch (kind) {
            case IN_PERSON -> "http://publications.europa.eu/resource/authority/channel/ASSISTANT";
            case ONLINE -> "http://publications.europa.eu/resource/authority/channel/ONLINE";
            case POSTAL -> "http://publications.europa.eu/resource/authority/channel/MAIL";
        };
    }

    private static JsonObject context() {
        JsonObjectBuilder c = Json.createObjectBuilder()
                .add("cv", CV)
                .add("cpsv", "http://purl.org/vocab/cpsv#")
                .add("dct", "http://purl.org/dc/terms/")
                .add("skos", "http://www.w3.org/2004/02/skos/core#")
                .add("eli", "http://data.europa.eu/eli/ontology#")
                .add("xsd", "http://www.w3.org/2001/XMLSchema#")
                .add("PublicService", "cpsv:PublicService")
                .add("Channel", "cv:Channel")
                .add("Cost", "cv:Cost")
                .add("Evidence", "cv:Evidence")
                .add("Output", "cv:Output")
                .add("LegalResource", "eli:LegalResource")
                .add("PublicOrganisation", "cv:PublicOrganisation")
                .add("Concept", "skos:Concept")
                .add("identifier", "dct:identifier")
                .add("name", "dct:title")
                .add("title", "dct:title")
                .add("description", "dct:description")
                .add("prefLabel", "skos:prefLabel")
                .add("type", Json.createObjectBuilder().add("@id", "dct:type").add("@type", "@id"))
                .add("thematicArea", Json.createObjectBuilder().add("@id", "cv:thematicArea"))
                .add("hasCompetentAuthority", Json.createObjectBuilder().add("@id", "cv:hasCompetentAuthority"))
                .add("hasChannel", Json.createObjectBuilder().add("@id", "cv:hasChannel"))
                .add("hasCost", Json.createObjectBuilder().add("@id", "cv:hasCost"))
                .add("hasInput", Json.createObjectBuilder().add("@id", "cv:hasInput"))
                .add("produces", Json.createObjectBuilder().add("@id", "cpsv:produces"))
                .add("hasLegalResource", Json.createObjectBuilder().add("@id", "cv:hasLegalResource"))
                .add(
                        "processingTime",
                        Json.createObjectBuilder()
                                .add("@id", "cv:processingTime")
                                .add("@type", "xsd:duration"))
                .add("value", Json.createObjectBuilder().add("@id", "cv:value").add("@type", "xsd:decimal"))
                .add(
                        "currency",
                        Json.createObjectBuilder().add("@id", "cv:currency").add("@type", "@id"))
                .add(
                        "ifAccessedThrough",
                        Json.createObjectBuilder()
                                .add("@id", "cv:ifAccessedThrough")
                                .add("@type", "@id"));
        return c.build();
    }
}
