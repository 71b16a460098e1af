package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reporting as ministries' and provinces' systems use it, and the Government Office reviews it, on the real EAR. */
@ExtendWith(ArquillianExtension.class)
class ReportingApiIT extends PlatformIT {

    private static final String MONTHLY = "BC-KTXH-THANG";
    private static final String NGHE_AN = "000.00.00.H41";
    private static final String VINH = "000.00.20.H41";
    private static final String NGHI_LOC = "000.00.21.H41";
    private static final String HUNG_DUNG = "000.01.20.H41";
    private static final String BEN_THUY = "000.02.20.H41";
    private static final String HAU_GIANG = "000.00.00.H30";
    /** Bộ Công Thương: owner of the retail indicators. */
    private static final String INDUSTRY_AND_TRADE = "000.00.00.G02";
    /**
     * The year before last, in Vietnam: its months are past their deadlines on any day, and the demo figures (this
     * year's months) and the browser test (last year) leave it alone.
     */
    private static final String YEAR = Integer.toString(yearsAgo(2));

    private HttpResponse<String> submit(String token, String agency, String period, boolean submit, String values) {
        return postJson("api/v1/reporting/reports", token, """
                {"regime":"%s","agency":"%s","period":"%s","submit":%s,"values":[%s]}""".formatted(MONTHLY, agency, period, submit, values));
    }

    /** A complete, consistent monthly report. */
    private static String monthly(
            double goods,
            double services,
            double budget,
            double cpi,
            int dossiers,
            double online,
            double plan,
            double disbursed) {
        return """
                {"indicator":"RETAIL_GOODS","value":%s},{"indicator":"RETAIL_SERVICES","value":%s},
                {"indicator":"RETAIL_TOTAL","value":%s},{"indicator":"BUDGET_REVENUE","value":%s},
                {"indicator":"CPI","value":%s},{"indicator":"DOSSIERS_TOTAL","value":%d},
                {"indicator":"ONLINE_DOSSIER_RATE","value":%s},{"indicator":"INVEST_PLAN","value":%s},
                {"indicator":"INVEST_DISBURSED","value":%s}""".formatted(goods, services, goods + services, budget, cpi, dossiers, online, plan, disbursed);
    }

    private long submitted(String agency, String period, String values) {
        HttpResponse<String> response = submit(token(NGHE_AN), agency, period, true, values);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject report = json(response).asJsonObject();
        assertEquals("SUBMITTED", report.getString("status"));
        return report.getJsonNumber("id").longValue();
    }

    private JsonObject review(long id, boolean approve, String reason, int expected) {
        HttpResponse<String> response = postJson(
                "api/v1/reporting/reports/" + id + "/approval",
                person("analyst.g22"),
                "{\"approve\":" + approve + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
        assertEquals(expected, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private JsonObject analytics(String token, String indicator, String agency, String period) {
        HttpResponse<String> response = get(
                "api/v1/reporting/analytics?indicator=" + indicator + "&period=" + period
                        + (agency == null ? "" : "&agency=" + agency),
                token);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private static BigDecimal value(JsonObject analytics) {
        return analytics.containsKey("value") ? analytics.getJsonNumber("value").bigDecimalValue() : null;
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void metadataIsServedAsData() {
        List<JsonObject> regimes = json(get("api/v1/reporting/regimes", token(NGHE_AN)))
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        JsonObject monthly = regimes.stream()
                .filter(r -> r.getString("code").equals(MONTHLY))
                .findFirst()
                .orElseThrow();
        assertEquals("MONTH", monthly.getString("periodType"));
        assertTrue(monthly.getJsonArray("agencies").size() >= 63 + 4);
        List<JsonObject> indicators = json(get("api/v1/reporting/indicators", token(NGHE_AN)))
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        JsonObject rate = indicators.stream()
                .filter(i -> i.getString("code").equals("DISBURSEMENT_RATE"))
                .findFirst()
                .orElseThrow();
        assertEquals("100 * INVEST_DISBURSED / INVEST_PLAN", rate.getString("formula"));
        assertEquals(401, get("api/v1/reporting/indicators", null).statusCode());
    }

    @Test
    void reportIsSubmittedReturnedCorrectedAndApprovedWithItsLateFlag() {
        String period = YEAR + "-03";
        HttpResponse<String> draft =
                submit(token(NGHE_AN), NGHE_AN, period, false, "{\"indicator\":\"RETAIL_TOTAL\",\"value\":1000}");
        assertEquals(201, draft.statusCode(), draft.body());
        JsonObject report = json(draft).asJsonObject();
        assertEquals("DRAFT", report.getString("status"));
        assertEquals(YEAR + "-03-20", report.getString("deadline"));
        long id = report.getJsonNumber("id").longValue();

        long same = submitted(NGHE_AN, period, monthly(700, 300, 1500, 103.2, 9000, 61.5, 6000, 1200));
        assertEquals(id, same, "one report per regime, agency and period");
        JsonObject submittedReport =
                json(get("api/v1/reporting/reports/" + id, token(NGHE_AN))).asJsonObject();
        assertTrue(submittedReport.getBoolean("late"), "March " + YEAR + " was due on 20 March " + YEAR);
        assertProblem(
                submit(token(NGHE_AN), NGHE_AN, period, true, monthly(700, 300, 1500, 103.2, 9000, 61.5, 6000, 1200)),
                409,
                "reporting.report.not-editable");

        // Reviewing is for the receiving body; a return needs its reason.
        assertProblem(
                postJson("api/v1/reporting/reports/" + id + "/approval", token(NGHE_AN), "{\"approve\":true}"),
                403,
                "auth.forbidden");
        assertProblem(
                postJson("api/v1/reporting/reports/" + id + "/approval", person("analyst.g22"), "{\"approve\":false}"),
                400,
                "reporting.return.reason-required");
        JsonObject returned = review(id, false, "Thu ngân sách chưa khớp với Kho bạc", 200);
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("Thu ngân sách chưa khớp với Kho bạc", returned.getString("returnReason"));

        submitted(NGHE_AN, period, monthly(700, 300, 1550, 103.2, 9000, 61.5, 6000, 1200));
        JsonObject approved = review(id, true, null, 200);
        assertEquals("APPROVED", approved.getString("status"));
        assertTrue(approved.getBoolean("late"), "the late flag stays from the first submission");
        assertProblem(
                postJson("api/v1/reporting/reports/" + id + "/approval", person("analyst.g22"), "{\"approve\":true}"),
                409,
                "reporting.report.not-submitted");

        // Next January is not due yet: on time.
        String next = yearsAgo(-1) + "-01";
        long onTime = submitted(NGHI_LOC, next, monthly(10, 5, 20, 101, 100, 50, 100, 10));
        assertFalse(json(get("api/v1/reporting/reports/" + onTime, token(NGHE_AN)))
                .asJsonObject()
                .getBoolean("late"));
    }

    @Test
    void everyFailingValueIsListedAndNothingIsSaved() {
        HttpResponse<String> refused = submit(token(NGHE_AN), NGHE_AN, YEAR + "-04", true, """
                {"indicator":"RETAIL_GOODS","value":700},{"indicator":"RETAIL_SERVICES","value":200},
                {"indicator":"RETAIL_TOTAL","value":1000},{"indicator":"CPI","value":300},
                {"indicator":"NEW_BUSINESSES","value":12.5},{"indicator":"NO_SUCH_THING","value":1},
                {"indicator":"DISBURSEMENT_RATE","value":50},{"indicator":"DOSSIERS_TOTAL","breakdown":"URBAN","value":5}""");
        JsonObject problem = assertProblem(refused, 400, "reporting.values.invalid");
        Map<String, String> errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("code"), (a, b) -> a + "," + b));
        assertEquals("reporting.value.component-sum", errors.get("RETAIL_TOTAL/TOTAL"), errors.toString());
        assertEquals("reporting.value.out-of-range", errors.get("CPI/TOTAL"));
        assertEquals("reporting.value.not-integer", errors.get("NEW_BUSINESSES/TOTAL"));
        assertEquals("reporting.value.unknown-indicator", errors.get("NO_SUCH_THING/TOTAL"));
        assertEquals("reporting.value.derived", errors.get("DISBURSEMENT_RATE/TOTAL"));
        assertEquals("reporting.value.unknown-breakdown", errors.get("DOSSIERS_TOTAL/URBAN"));
        assertEquals("reporting.value.required", errors.get("BUDGET_REVENUE/TOTAL"));
        assertEquals(7, errors.size(), errors.toString());

        // Nothing was saved: the first draft for that period is a new, empty report.
        HttpResponse<String> draft = submit(token(NGHE_AN), NGHE_AN, YEAR + "-04", false, "");
        assertEquals(201, draft.statusCode(), draft.body());
        assertTrue(json(draft).asJsonObject().getJsonArray("values").isEmpty());

        assertProblem(submit(token(NGHE_AN), HAU_GIANG, YEAR + "-04", false, ""), 403, "reporting.agency.forbidden");
        assertProblem(submit(token(NGHE_AN), NGHE_AN, YEAR + "-Q2", false, ""), 400, "reporting.period.wrong-type");
        assertProblem(submit(token(NGHE_AN), NGHE_AN, YEAR + "-13", false, ""), 400, "reporting.period.invalid");
    }

    @Test
    void approvedFiguresRollUpThreeLevelsAndOverPeriodsAndReachTheDashboardAtOnce() {
        String period = YEAR + "-06";
        // Two wards of Vinh and the district of Nghi Lộc report; Vinh and Nghệ An themselves do not.
        long ward1 = submitted(HUNG_DUNG, period, monthly(600, 200, 100, 103, 1000, 50, 400, 100));
        long ward2 = submitted(BEN_THUY, period, monthly(300, 100, 50, 105, 3000, 80, 600, 300));
        long district = submitted(NGHI_LOC, period, monthly(150, 50, 30, 101, 1000, 40, 1000, 100));
        long july = submitted(NGHI_LOC, YEAR + "-07", monthly(160, 40, 35, 102, 1000, 40, 1000, 250));
        String analyst = person("analyst.g22");
        review(ward1, true, null, 200);
        review(ward2, true, null, 200);
        review(july, true, null, 200);

        // A province cannot read another province's unpublished report; the published one it can.
        assertProblem(get("api/v1/reporting/reports/" + district, token(HAU_GIANG)), 404, "reporting.report.not-found");
        assertEquals(
                200, get("api/v1/reporting/reports/" + ward1, token(HAU_GIANG)).statusCode());
        assertProblem(
                get(
                        "api/v1/reporting/analytics?indicator=RETAIL_TOTAL&period=" + YEAR + "-06&agency=" + NGHE_AN,
                        token(HAU_GIANG)),
                403,
                "reporting.scope.forbidden");

        assertNumber("1200", value(analytics(analyst, "RETAIL_TOTAL", VINH, period)));
        JsonObject before = analytics(token(NGHE_AN), "RETAIL_TOTAL", NGHE_AN, period);
        assertNumber("1200", value(before));

        // Approving the district's report changes the figure at once.
        review(district, true, null, 200);
        JsonObject province = analytics(token(NGHE_AN), "RETAIL_TOTAL", NGHE_AN, period);
        assertNumber("1400", value(province));
        Set<String> parts = province.getJsonArray("parts").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("agency"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(VINH, NGHI_LOC), parts);
        JsonObject nation = analytics(token(HAU_GIANG), "RETAIL_TOTAL", null, period);
        assertNumber("1400", value(nation));

        // Averages, weighted averages, stocks and a derived indicator.
        assertNumber("104", value(analytics(analyst, "CPI", VINH, period)));
        assertNumber("102.5", value(analytics(analyst, "CPI", NGHE_AN, period)));
        assertNumber("72.5", value(analytics(analyst, "ONLINE_DOSSIER_RATE", VINH, period)));
        assertNumber("25", value(analytics(analyst, "DISBURSEMENT_RATE", NGHE_AN, period)));

        // Over periods: a flow adds up over the quarter, a stock takes its latest month.
        assertNumber("400", value(analytics(analyst, "RETAIL_TOTAL", NGHI_LOC, YEAR)));
        assertNumber("200", value(analytics(analyst, "RETAIL_TOTAL", NGHI_LOC, YEAR + "-Q3")));
        assertNumber("1000", value(analytics(analyst, "INVEST_PLAN", NGHI_LOC, YEAR)));
        assertNumber("250", value(analytics(analyst, "INVEST_DISBURSED", NGHI_LOC, YEAR)));

        // Completeness: 3 of the regime's reporters sent June, none on time.
        JsonObject completeness = json(get(
                        "api/v1/reporting/completeness?regime=" + MONTHLY + "&period=" + period, analyst))
                .asJsonObject();
        int expected = completeness.getInt("expected");
        assertTrue(expected >= 67, completeness.toString());
        assertEquals(3, completeness.getInt("submitted"));
        assertEquals(3, completeness.getInt("approved"));
        assertEquals(0, completeness.getInt("onTime"));
        assertNumber(
                new BigDecimal(300)
                        .divide(new BigDecimal(expected), 2, java.math.RoundingMode.HALF_UP)
                        .toPlainString(),
                completeness.getJsonNumber("completenessRate").bigDecimalValue());
        assertFalse(completeness.getJsonArray("missing").toString().contains(HUNG_DUNG));
    }

    @Test
    void administratorsDefineIndicatorsRegimesAndTargets() {
        String admin = token("sysadmin-client");
        String exports = """
                {"name":"Kim ngạch xuất khẩu","nameEn":"Exports","unit":"triệu USD","valueType":"NUMBER",
                 "aggregation":"SUM","owner":"000.00.00.G02"}""";
        assertProblem(put("api/v1/reporting/indicators/EXPORTS", token(NGHE_AN), exports), 403, "auth.forbidden");
        assertEquals(
                "SUM",
                json(put("api/v1/reporting/indicators/EXPORTS", admin, exports))
                        .asJsonObject()
                        .getString("aggregation"));
        assertProblem(
                put("api/v1/reporting/indicators/EXPORT_SHARE", admin, """
                {"name":"Tỷ trọng","nameEn":"Share","unit":"%","valueType":"PERCENT","aggregation":"AVERAGE",
                 "formula":"100 * EXPORTS / NO_SUCH"}"""), 400, "reporting.formula.input-unknown");
        assertProblem(put("api/v1/reporting/indicators/EXPORT_SHARE", admin, """
                {"name":"Tỷ trọng","nameEn":"Share","unit":"%","valueType":"PERCENT","aggregation":"AVERAGE",
                 "formula":"100 * (EXPORTS"}"""), 400, "reporting.formula.invalid");
        assertProblem(put("api/v1/reporting/indicators/EXPORT_RATE", admin, """
                {"name":"Tỷ lệ","nameEn":"Rate","unit":"%","valueType":"PERCENT","aggregation":"WEIGHTED_AVERAGE"}"""), 400, "reporting.weight.required");

        JsonObject regime =
                json(put("api/v1/reporting/regimes/BC-XK-QUY", admin, """
                {"name":"Báo cáo xuất khẩu hằng quý","nameEn":"Quarterly exports report","periodType":"QUARTER",
                 "deadlineDay":20,"receiver":"000.00.00.G22","indicators":[{"indicator":"EXPORTS","required":true}],
                 "agencies":["000.00.00.H41"]}""")).asJsonObject();
        assertEquals("QUARTER", regime.getString("periodType"));
        assertProblem(put("api/v1/reporting/regimes/BC-XK-QUY", admin, """
                {"name":"x","nameEn":"x","periodType":"QUARTER","deadlineDay":40,"receiver":"000.00.00.G22",
                 "indicators":[{"indicator":"EXPORTS"}]}"""), 400, "reporting.deadline.invalid");

        HttpResponse<String> sent = postJson("api/v1/reporting/reports", token(NGHE_AN), """
                {"regime":"BC-XK-QUY","period":"%s-Q2","values":[{"indicator":"EXPORTS","value":5200}]}""".formatted(YEAR));
        assertEquals(201, sent.statusCode(), sent.body());
        review(json(sent).asJsonObject().getJsonNumber("id").longValue(), true, null, 200);
        assertEquals(
                204,
                put(
                                "api/v1/reporting/targets",
                                admin,
                                "{\"indicator\":\"EXPORTS\",\"year\":" + YEAR + ",\"agency\":\"" + NGHE_AN
                                        + "\",\"value\":5000,\"assignedBy\":\"Thủ tướng Chính phủ\"}")
                        .statusCode());
        JsonObject figure = analytics(token(NGHE_AN), "EXPORTS", NGHE_AN, YEAR);
        assertNumber("5200", value(figure));
        assertNumber("5000", figure.getJsonNumber("target").bigDecimalValue());
        assertEquals("GREEN", figure.getString("targetStatus"));
    }

    /** The regime's Excel template, filled with POI as a person fills it in Excel; returns the value cell of each code. */
    private byte[] filledTemplate(Map<String, Object> values, Map<String, String> cells) throws Exception {
        HttpResponse<byte[]> template = HTTP.send(
                java.net.http.HttpRequest.newBuilder(uri("api/v1/reporting/regimes/" + MONTHLY + "/template"))
                        .header("Authorization", "Bearer " + token(NGHE_AN))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, template.statusCode());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(template.body()));
                var out = new java.io.ByteArrayOutputStream()) {
            for (var row : workbook.getSheetAt(0)) {
                var code = row.getCell(0);
                boolean whole =
                        row.getCell(3) == null || row.getCell(3).toString().isBlank();
                if (code != null && whole && values.containsKey(code.toString())) {
                    var cell = row.getCell(4) == null ? row.createCell(4) : row.getCell(4);
                    Object value = values.get(code.toString());
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                    cells.put(code.toString(), "E" + (row.getRowNum() + 1));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> upload(byte[] sheet, String period, boolean dryRun) {
        return send(java.net.http.HttpRequest.newBuilder(
                        uri("api/v1/reporting/uploads?regime=" + MONTHLY + "&period=" + period + "&dryRun=" + dryRun))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sheet))
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(NGHE_AN)));
    }

    @Test
    void excelDryRunReportsExactCellsAndSavesNothing() throws Exception {
        Map<String, String> cells = new java.util.HashMap<>();
        byte[] wrong = filledTemplate(
                Map.of(
                        "RETAIL_GOODS",
                        700,
                        "RETAIL_SERVICES",
                        300,
                        "RETAIL_TOTAL",
                        900,
                        "BUDGET_REVENUE",
                        1500,
                        "CPI",
                        "abc",
                        "NEW_BUSINESSES",
                        12.5),
                cells);

        HttpResponse<String> dryRun = upload(wrong, YEAR + "-08", true);
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        JsonObject result = json(dryRun).asJsonObject();
        assertTrue(result.getBoolean("dryRun"));
        assertFalse(result.containsKey("report"));
        JsonObject total = result.getJsonArray("values").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("indicator").equals("RETAIL_TOTAL"))
                .findFirst()
                .orElseThrow();
        assertEquals(cells.get("RETAIL_TOTAL"), total.getString("cell"));
        assertNumber("900", total.getJsonNumber("value").bigDecimalValue());
        Map<String, String> problems = result.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("cell"), p -> p.getString("code"), (a, b) -> a + "," + b));
        assertEquals("reporting.value.component-sum", problems.get(cells.get("RETAIL_TOTAL")), problems.toString());
        assertEquals("reporting.cell.not-a-number", problems.get(cells.get("CPI")), problems.toString());
        assertEquals("reporting.value.not-integer", problems.get(cells.get("NEW_BUSINESSES")), problems.toString());
        assertEquals(3, problems.size(), problems.toString());

        // Nothing was saved by the dry run, nor by a real upload refused for the same problems.
        JsonObject refused = assertProblem(upload(wrong, YEAR + "-08", false), 400, "reporting.upload.invalid");
        assertTrue(
                refused.getJsonArray("errors").toString().contains("\"" + cells.get("RETAIL_TOTAL") + "\""),
                refused.toString());
        JsonObject completeness = json(get(
                        "api/v1/reporting/completeness?regime=" + MONTHLY + "&period=" + YEAR + "-08", token(NGHE_AN)))
                .asJsonObject();
        assertEquals(0, completeness.getInt("submitted"));
        HttpResponse<String> empty = submit(token(NGHE_AN), NGHE_AN, YEAR + "-08", false, "");
        assertTrue(json(empty).asJsonObject().getJsonArray("values").isEmpty(), empty.body());

        byte[] right = filledTemplate(
                Map.of(
                        "RETAIL_GOODS",
                        700,
                        "RETAIL_SERVICES",
                        300,
                        "RETAIL_TOTAL",
                        1000,
                        "BUDGET_REVENUE",
                        1500,
                        "CPI",
                        "103,5"),
                new java.util.HashMap<>());
        HttpResponse<String> saved = upload(right, YEAR + "-08", false);
        assertEquals(201, saved.statusCode(), saved.body());
        JsonObject report = json(saved).asJsonObject().getJsonObject("report");
        assertEquals("SUBMITTED", report.getString("status"));
        assertTrue(
                report.getJsonArray("values").getValuesAs(JsonObject.class).stream()
                        .anyMatch(v -> v.getString("indicator").equals("CPI")
                                && v.getJsonNumber("value").bigDecimalValue().compareTo(new BigDecimal("103.5")) == 0),
                report.toString());
    }

    // ------------------------------------------------------------------ scope of parts, bars and exports

    private static Set<String> parts(JsonObject analytics) {
        return analytics.getJsonArray("parts").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("agency"))
                .collect(Collectors.toSet());
    }

    /** Two provinces' approved figures for a month of {@link #YEAR}: Nghệ An 1000, Hậu Giang 500. */
    private String twoProvincesReported(String month) {
        String period = YEAR + "-" + month;
        long ours = submitted(NGHE_AN, period, monthly(700, 300, 1500, 103.2, 9000, 61.5, 6000, 1200));
        HttpResponse<String> theirs =
                submit(token(HAU_GIANG), HAU_GIANG, period, true, monthly(400, 100, 800, 102, 4000, 55, 3000, 900));
        assertEquals(201, theirs.statusCode(), theirs.body());
        review(ours, true, null, 200);
        review(json(theirs).asJsonObject().getJsonNumber("id").longValue(), true, null, 200);
        return period;
    }

    @Test
    void partnerOfH41SeesOnlyItsOwnProvinceInTheNationalParts() {
        String period = twoProvincesReported("10");

        // The Government Office sees every province in the nation's parts.
        JsonObject asGovernment = analytics(person("analyst.g22"), "RETAIL_TOTAL", null, period);
        assertTrue(parts(asGovernment).containsAll(Set.of(NGHE_AN, HAU_GIANG)), asGovernment.toString());

        // Nghệ An sees the national aggregate, but among its parts only itself: Hậu Giang is refused directly.
        JsonObject asNgheAn = analytics(token(NGHE_AN), "RETAIL_TOTAL", null, period);
        assertEquals(Set.of(NGHE_AN), parts(asNgheAn), asNgheAn.toString());
        assertEquals(0, value(asGovernment).compareTo(value(asNgheAn)), "the national figure is the same for all");
        assertProblem(
                get(
                        "api/v1/reporting/analytics?indicator=RETAIL_TOTAL&period=" + period + "&agency=" + HAU_GIANG,
                        token(NGHE_AN)),
                403,
                "reporting.scope.forbidden");
        // Nor does a breakdown of the national figure leak a part.
        assertEquals(Set.of(HAU_GIANG), parts(analytics(token(HAU_GIANG), "RETAIL_TOTAL", null, period)));

        // The ministry owning the indicator sees it in every province.
        JsonObject asMinistry = analytics(token(INDUSTRY_AND_TRADE), "RETAIL_TOTAL", null, period);
        assertTrue(parts(asMinistry).containsAll(Set.of(NGHE_AN, HAU_GIANG)), asMinistry.toString());
        // ... but another ministry's indicator only nationally, with no province among the parts.
        JsonObject budget = analytics(token(INDUSTRY_AND_TRADE), "BUDGET_REVENUE", null, period);
        assertTrue(parts(budget).isEmpty(), budget.toString());
    }

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** Signs a person in through the intranet's login form; returns the session cookie the browser would send. */
    private String intranetSession(String username) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(uri("login.xhtml")).GET());
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form = "login=login&login%3Ausername=" + username + "&login%3Apassword=" + DEMO_SECRET
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri("").getScheme() + "://" + uri("").getRawAuthority())
                .header("Cookie", cookie));
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        return signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0])
                .findFirst()
                .orElse(cookie);
    }

    private HttpResponse<String> export(String cookie, String period) {
        return send(HttpRequest.newBuilder(uri("reporting/files/export.csv?indicator=RETAIL_TOTAL&period=" + period))
                .GET()
                .header("Cookie", cookie));
    }

    @Test
    void reporterOfH41ExportsOnlyTheFiguresItMaySee() {
        String period = twoProvincesReported("11");

        HttpResponse<String> ours = export(intranetSession("reporter.h41"), period);
        assertEquals(200, ours.statusCode(), ours.body());
        assertTrue(ours.body().contains(NGHE_AN), ours.body());
        assertFalse(ours.body().contains(HAU_GIANG), "another province's figure is not exported: " + ours.body());

        HttpResponse<String> all = export(intranetSession("analyst.g22"), period);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains(NGHE_AN) && all.body().contains(HAU_GIANG), all.body());
    }

    // ------------------------------------------------------------------ hostile indicator names

    private HttpResponse<String> indicatorNamed(String code, String jsonName) {
        return put("api/v1/reporting/indicators/" + code, token("sysadmin-client"), """
                {"name":%s,"nameEn":"Exports","unit":"triệu USD","valueType":"NUMBER","aggregation":"SUM"}""".formatted(jsonName));
    }

    @Test
    void aHugeOrCombiningMarkIndicatorNameIsAProblemNotA500() {
        // Longer than the column but inside the body bound: 400; a whole mebibyte is beyond the bound: 413.
        assertProblem(
                indicatorNamed("HUGE_NAME", "\"" + "x".repeat(1024 * 1024 - 1024) + "\""),
                400,
                "request.text.too-long");
        assertProblem(indicatorNamed("HUGE_NAME", "\"" + "x".repeat(1024 * 1024) + "\""), 413, "request.too-large");
        // A name made of combining marks only has no letter to carry them: refused, whatever its length.
        JsonObject marks = assertProblem(
                indicatorNamed("MARKS_NAME", "\"" + "\\u0301\\u0323".repeat(50) + "\""), 400, "reporting.name.invalid");
        assertEquals("name", marks.getString("field"), marks.toString());
        assertProblem(
                indicatorNamed("MARKS_NAME", "\"" + "\\u0301".repeat(2000) + "\""), 400, "reporting.name.invalid");
        // Vietnamese written with combining tone marks (as some keyboards do) is a name like any other.
        HttpResponse<String> decomposed =
                indicatorNamed("DECOMPOSED_NAME", "\"Kim nga\\u0323ch xua\\u0302\\u0301t khẩu\"");
        assertEquals(200, decomposed.statusCode(), decomposed.body());
        String indicators =
                get("api/v1/reporting/indicators", token("sysadmin-client")).body();
        assertFalse(
                indicators.contains("HUGE_NAME") || indicators.contains("MARKS_NAME"), "nothing refused was stored");
    }
}
