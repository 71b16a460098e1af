package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connected reporting systems exchanging figures in bulk (dataValueSets) on the real EAR: the national
 * system of the Government Office (the monthly regime's receiving body) imports 63 provinces × 8
 * indicators × 12 months; a province's system is refused, value by value, for another province.
 */
@ExtendWith(ArquillianExtension.class)
class DataValueSetsIT extends PlatformIT {

    private static final String MONTHLY = "BC-KTXH-THANG";
    private static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    private static final String NGHE_AN = "000.00.00.H41";
    private static final String HAU_GIANG = "000.00.00.H30";
    /** Eight indicators of the monthly regime that are entered and bound by no sum rule between them. */
    private static final List<String> INDICATORS = List.of(
            "RETAIL_TOTAL",
            "BUDGET_REVENUE",
            "NEW_BUSINESSES",
            "CPI",
            "DOSSIERS_TOTAL",
            "ONLINE_DOSSIER_RATE",
            "INVEST_PLAN",
            "INVEST_DISBURSED");
    /** Years no other test and no demo figure touch, relative to today in Vietnam. */
    private static final int BULK_YEAR = yearsAgo(3);

    private static final int SCOPE_YEAR = yearsAgo(4);

    private static final List<String> PROVINCES = IntStream.rangeClosed(1, 63)
            .mapToObj(i -> String.format("000.00.00.H%02d", i))
            .toList();

    private record Value(String indicator, String period, String agency, String value) {}

    private static String value(String indicator, int province, int month, int round) {
        int base = province * 100 + month;
        return switch (indicator) {
            case "CPI" -> new BigDecimal(100 + (base % 7) + round).toPlainString() + ".5";
            case "ONLINE_DOSSIER_RATE" -> Integer.toString(40 + base % 50);
            case "NEW_BUSINESSES", "DOSSIERS_TOTAL" -> Integer.toString(base + round);
            default -> base + round + ".25";
        };
    }

    private static List<Value> bulk(int round) {
        List<Value> values = new ArrayList<>();
        for (int p = 0; p < PROVINCES.size(); p++) {
            for (int month = 1; month <= 12; month++) {
                for (String indicator : INDICATORS) {
                    values.add(new Value(
                            indicator,
                            String.format("%d-%02d", BULK_YEAR, month),
                            PROVINCES.get(p),
                            value(indicator, p + 1, month, round)));
                }
            }
        }
        return values;
    }

    private static String asJson(List<Value> values) {
        return values.stream()
                .map(v -> "{\"dataElement\":\"%s\",\"period\":\"%s\",\"orgUnit\":\"%s\",\"value\":\"%s\"}"
                        .formatted(v.indicator(), v.period(), v.agency(), v.value()))
                .collect(Collectors.joining(",", "{\"dataSet\":\"" + MONTHLY + "\",\"dataValues\":[", "]}"));
    }

    private static String asCsv(List<Value> values) {
        return values.stream()
                .map(v -> String.join(",", v.indicator(), v.period(), v.agency(), "", v.value()))
                .collect(Collectors.joining("\n", "dataelement,period,orgunit,catoptcombo,value\n", "\n"));
    }

    private HttpResponse<String> importJson(String token, String query, String body) {
        return postJson("api/v1/reporting/datavaluesets?" + query, token, body);
    }

    private HttpResponse<String> importCsv(String token, String query, String body) {
        return send(HttpRequest.newBuilder(uri("api/v1/reporting/datavaluesets?regime=" + MONTHLY + "&" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv"));
    }

    private static JsonObject count(HttpResponse<String> response) {
        return json(response).asJsonObject().getJsonObject("importCount");
    }

    /** The stored values of the bulk year, key agency/period/indicator/breakdown. */
    private Map<String, String> readBack(String token, List<String> agencies, int year) {
        String periods = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> String.format("%d-%02d", year, m))
                .collect(Collectors.joining(","));
        HttpResponse<String> response = get(
                "api/v1/reporting/datavaluesets?regime=" + MONTHLY + "&period=" + periods + "&agency="
                        + String.join(",", agencies),
                token);
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> out = new HashMap<>();
        json(response)
                .asJsonObject()
                .getJsonArray("dataValues")
                .getValuesAs(JsonObject.class)
                .forEach(v -> out.put(
                        v.getString("orgUnit") + "/" + v.getString("period") + "/" + v.getString("dataElement") + "/"
                                + v.getString("categoryOptionCombo"),
                        v.getString("value")));
        return out;
    }

    private static Map<String, String> expected(List<Value> values) {
        return values.stream()
                .collect(Collectors.toMap(
                        v -> v.agency() + "/" + v.period() + "/" + v.indicator() + "/TOTAL",
                        v -> new BigDecimal(v.value()).stripTrailingZeros().toPlainString()));
    }

    private static Map<String, String> conflicts(HttpResponse<String> response) {
        return json(response).asJsonObject().getJsonArray("conflicts").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(
                        c -> c.getString("object"), c -> c.getString("errorCode"), (a, b) -> a + "," + b));
    }

    @Test
    void sixtyThreeProvincesEightIndicatorsTwelveMonthsAreCheckedImportedUpdatedAndReadBack() {
        String national = token(GOVERNMENT_OFFICE);
        List<Value> good = bulk(0);
        assertEquals(63 * 8 * 12, good.size());

        // Three bad values among 6,048: each is listed, and nothing is saved, on a dry run or not.
        List<Value> bad = new ArrayList<>(good);
        String march = BULK_YEAR + "-03";
        bad.set(3, new Value("CPI", BULK_YEAR + "-01", PROVINCES.get(0), "300"));
        bad.set(10, new Value("NEW_BUSINESSES", BULK_YEAR + "-02", PROVINCES.get(0), "12.5"));
        bad.add(new Value("NO_SUCH_THING", march, PROVINCES.get(5), "1"));
        for (String dryRun : List.of("true", "false")) {
            HttpResponse<String> refused = importJson(national, "dryRun=" + dryRun + "&submit=false", asJson(bad));
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals("ERROR", json(refused).asJsonObject().getString("status"));
            Map<String, String> conflicts = conflicts(refused);
            assertEquals(
                    "reporting.value.out-of-range",
                    conflicts.get(PROVINCES.get(0) + "/" + BULK_YEAR + "-01/CPI/TOTAL"),
                    conflicts.toString());
            assertEquals(
                    "reporting.value.not-integer",
                    conflicts.get(PROVINCES.get(0) + "/" + BULK_YEAR + "-02/NEW_BUSINESSES/TOTAL"));
            assertEquals(
                    "reporting.value.unknown-indicator",
                    conflicts.get(PROVINCES.get(5) + "/" + march + "/NO_SUCH_THING/TOTAL"));
            assertEquals(3, conflicts.size(), conflicts.toString());
            assertEquals(0, count(refused).getInt("imported"));
            assertEquals(bad.size(), count(refused).getInt("ignored"));
            assertTrue(readBack(national, PROVINCES, BULK_YEAR).isEmpty(), "nothing saved");
        }

        // A clean dry run says what would be imported, and still saves nothing.
        HttpResponse<String> dry = importJson(national, "dryRun=true&submit=false", asJson(good));
        assertEquals(200, dry.statusCode(), dry.body());
        assertEquals("OK", json(dry).asJsonObject().getString("status"));
        assertEquals(good.size(), count(dry).getInt("imported"));
        assertTrue(readBack(national, PROVINCES, BULK_YEAR).isEmpty(), "nothing saved on a dry run");

        // Saved, as drafts; read back equal to what went in.
        HttpResponse<String> saved = importJson(national, "submit=false", asJson(good));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(good.size(), count(saved).getInt("imported"));
        assertEquals(0, count(saved).getInt("updated"));
        assertEquals(expected(good), readBack(national, PROVINCES, BULK_YEAR));

        // CREATE leaves existing values alone (ignored, a warning).
        List<Value> december =
                bulk(1).stream().filter(v -> v.period().endsWith("-12")).toList();
        HttpResponse<String> created = importCsv(national, "importStrategy=CREATE&submit=false", asCsv(december));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("WARNING", json(created).asJsonObject().getString("status"));
        assertEquals(december.size(), count(created).getInt("ignored"));
        assertEquals(expected(good), readBack(national, PROVINCES, BULK_YEAR));

        // A re-import (CSV) updates December of every province and submits those reports.
        HttpResponse<String> updated = importCsv(national, "importStrategy=UPDATE", asCsv(december));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(63 * 8, count(updated).getInt("updated"));
        assertEquals(0, count(updated).getInt("imported"));
        Map<String, String> now = new HashMap<>(expected(good));
        now.putAll(expected(december));
        assertEquals(now, readBack(national, PROVINCES, BULK_YEAR));
        HttpResponse<String> csv = get(
                "api/v1/reporting/datavaluesets?format=csv&regime=" + MONTHLY + "&period=" + BULK_YEAR + "-12&agency="
                        + NGHE_AN,
                national);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("dataelement,period,orgunit,categoryoptioncombo,value"), csv.body());
        assertEquals(1 + 8, csv.body().strip().lines().count(), csv.body());

        // A submitted report no longer changes by import: each value says so.
        HttpResponse<String> again = importCsv(national, "", asCsv(december.subList(0, 8)));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(
                Set.of("reporting.report.not-editable"),
                Set.copyOf(conflicts(again).values()));

        // The registry lists the national system, its last import and what it supplies.
        List<JsonObject> systems = json(get("api/v1/reporting/connected-systems", person("analyst.g22")))
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        JsonObject system = systems.stream()
                .filter(s -> s.getString("clientId").equals(GOVERNMENT_OFFICE))
                .findFirst()
                .orElseThrow(() -> new AssertionError(systems.toString()));
        assertEquals("ERROR", system.getString("lastStatus"));
        assertTrue(system.getInt("imports") >= 7, system.toString());
        assertTrue(system.getInt("failedImports") >= 3, system.toString());
        JsonObject supply = system.getJsonArray("supplies").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("regime").equals(MONTHLY))
                .findFirst()
                .orElseThrow();
        assertEquals(BULK_YEAR + "-12", supply.getString("period"));
        assertEquals(63, supply.getInt("supplied"), supply.toString());
        assertTrue(supply.getInt("expected") >= 63, supply.toString());
    }

    @Test
    void anAgencyOutsideTheCallersScopeIsRefusedValueByValue() {
        String province = token(NGHE_AN);
        String january = SCOPE_YEAR + "-01";
        List<Value> mine = INDICATORS.stream()
                .map(i -> new Value(i, january, NGHE_AN, value(i, 41, 1, 0)))
                .toList();
        List<Value> theirs = INDICATORS.stream()
                .map(i -> new Value(i, january, HAU_GIANG, value(i, 30, 1, 0)))
                .toList();
        List<Value> both = new ArrayList<>(mine);
        both.addAll(theirs);
        HttpResponse<String> refused = importJson(province, "regime=" + MONTHLY, asJson(both));
        assertEquals(409, refused.statusCode(), refused.body());
        Map<String, String> conflicts = conflicts(refused);
        assertEquals(
                theirs.stream()
                        .map(v -> HAU_GIANG + "/" + january + "/" + v.indicator() + "/TOTAL")
                        .collect(Collectors.toSet()),
                conflicts.keySet());
        assertEquals(Set.of("reporting.agency.forbidden"), Set.copyOf(conflicts.values()));
        assertTrue(readBack(province, List.of(NGHE_AN), SCOPE_YEAR).isEmpty(), "nothing saved");

        HttpResponse<String> own = importJson(province, "regime=" + MONTHLY, asJson(mine));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(8, count(own).getInt("imported"));
        assertEquals(expected(mine), readBack(province, List.of(NGHE_AN), SCOPE_YEAR));

        // Malformed bodies are the caller's fault: 400, not 500.
        assertProblem(
                importJson(province, "regime=" + MONTHLY, "{\"dataValues\":[1]}"),
                400,
                "reporting.datavalues.malformed");
        assertProblem(
                importCsv(province, "", "period,value\n" + january + ",1\n"), 400, "reporting.datavalues.malformed");
    }
}
