package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agency directory API, its refusals, and the platform's own endpoints (health, OpenAPI). */
@ExtendWith(ArquillianExtension.class)
class DirectoryApiIT extends PlatformIT {

    private static final String PROVINCE = "000.00.00.H41";

    private List<String> codes(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("code"))
                .toList();
    }

    @Test
    void theDirectoryHoldsTheNinetyThreeConnectedAgenciesAndTheirUnits() {
        List<String> all = codes(get("api/v1/directory/agencies?limit=1000", token(PROVINCE)));
        assertTrue(all.size() >= 93 + 15, "agencies: " + all.size());
        for (int i = 1; i <= 30; i++) {
            assertTrue(all.contains(String.format("000.00.00.G%02d", i)));
        }
        for (int i = 1; i <= 63; i++) {
            assertTrue(all.contains(String.format("000.00.00.H%02d", i)));
        }
        assertEquals(all.stream().sorted().toList(), all, "ordered by code");
    }

    @Test
    void agencyByCodeHasTheContractFields() {
        JsonObject agency = json(get("api/v1/directory/agencies/000.00.00.H30", token(PROVINCE)))
                .asJsonObject();
        assertEquals("000.00.00.H30", agency.getString("code"));
        assertEquals("Ủy ban nhân dân tỉnh Hậu Giang", agency.getString("name"));
        assertEquals("PROVINCE", agency.getString("level"));
        assertTrue(!agency.containsKey("parentCode") || agency.get("parentCode") == JsonValue.NULL);
        JsonObject ward = json(get("api/v1/directory/agencies/000.01.20.H41", token(PROVINCE)))
                .asJsonObject();
        assertEquals("000.00.20.H41", ward.getString("parentCode"));
        assertEquals("COMMUNE", ward.getString("level"));
    }

    @Test
    void searchIgnoresDiacriticsAndFiltersByParentAndLevel() {
        assertTrue(codes(get("api/v1/directory/agencies?q=nghe%20an", token(PROVINCE)))
                .contains(PROVINCE));
        assertTrue(codes(get("api/v1/directory/agencies?q=Ngh%E1%BB%87%20An", token(PROVINCE)))
                .contains(PROVINCE));
        assertEquals(List.of("000.00.00.G22"), codes(get("api/v1/directory/agencies?q=vpcp", token(PROVINCE))));
        assertEquals(
                List.of("000.00.20.H41", "000.00.21.H41"),
                codes(get("api/v1/directory/agencies?parent=000.00.00.H41&level=DISTRICT", token(PROVINCE))));
        assertEquals(
                List.of("000.01.20.H41", "000.02.20.H41"),
                codes(get("api/v1/directory/agencies?parent=000.00.20.H41", token(PROVINCE))));
        assertTrue(
                codes(get("api/v1/directory/agencies?q=100%25", token(PROVINCE)))
                        .isEmpty(),
                "LIKE wildcards in the query never widen it");
        assertEquals(
                List.of("000.00.20.H41"),
                codes(get("api/v1/directory/agencies?q=vinh%20pho%20thanh", token(PROVINCE))),
                "every word must match, in any order");
    }

    @Test
    void unknownCodeIs404AndMalformedCodeIs400() {
        assertProblem(get("api/v1/directory/agencies/000.00.00.H99", token(PROVINCE)), 404, "agency.not-found");
        JsonObject problem =
                assertProblem(get("api/v1/directory/agencies/G22", token(PROVINCE)), 400, "agency.code.invalid");
        assertTrue(problem.getString("detail").contains("G22"));
        assertProblem(get("api/v1/directory/agencies?parent=H41", token(PROVINCE)), 400, "agency.code.invalid");
        assertProblem(get("api/v1/directory/agencies?level=PLANET", token(PROVINCE)), 400, "agency.level.invalid");
    }

    @Test
    void unknownAddressUnderTheApiIsAProblemToo() {
        assertProblem(get("api/v1/no-such-thing", token(PROVINCE)), 404, "request.not-found");
    }

    @Test
    void aPartnerSystemWithoutAnAdministratorRoleCannotRegisterAgencies() {
        String body =
                "{\"code\":\"000.00.09.H41\",\"name\":\"X\",\"parentCode\":\"000.00.00.H41\",\"level\":\"DEPARTMENT\"}";
        assertProblem(postJson("api/v1/directory/agencies", token(PROVINCE), body), 403, "auth.forbidden");
        assertProblem(get("api/v1/directory/agencies/000.00.09.H41", token(PROVINCE)), 404, "agency.not-found");
    }

    @Test
    void malformedJsonIsRefusedWithAProblem() {
        assertProblem(
                postJson("api/v1/directory/agencies", token("sysadmin-client"), "{\"code\": \"000.00.0"),
                400,
                "request.malformed");
        assertProblem(
                postJson("api/v1/directory/agencies", token("sysadmin-client"), "[1, 2"), 400, "request.malformed");
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        JsonObject problem = assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        token("sysadmin-client"),
                        "{\"code\":\"\",\"level\":\"PLANET\",\"email\":\"not-an-address\"}"),
                400,
                "request.invalid");
        JsonArray errors = problem.getJsonArray("errors");
        List<String> fields = errors.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(List.of("code", "email", "level", "name"), fields);
    }

    @Test
    void systemAdministratorRegistersAChildAgencyThatTheDirectoryThenServes() {
        String code = "000.00.09.H56";
        HttpResponse<String> created = postJson(
                "api/v1/directory/agencies",
                token("sysadmin-client"),
                "{\"code\":\"" + code + "\",\"name\":\"Sở Y tế tỉnh Thanh Hóa\",\"nameEn\":\"Department of Health\","
                        + "\"shortName\":\"SYT\",\"parentCode\":\"000.00.00.H56\",\"level\":\"DEPARTMENT\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/directory/agencies/" + code));
        JsonObject agency =
                json(get("api/v1/directory/agencies/" + code, token(PROVINCE))).asJsonObject();
        assertEquals("000.00.00.H56", agency.getString("parentCode"));
        assertTrue(codes(get("api/v1/directory/agencies?q=so%20y%20te%20thanh%20hoa", token(PROVINCE)))
                .contains(code));
        assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        token("sysadmin-client"),
                        "{\"code\":\"" + code
                                + "\",\"name\":\"Again\",\"parentCode\":\"000.00.00.H56\",\"level\":\"DEPARTMENT\"}"),
                409,
                "agency.code.taken");
    }

    @Test
    void agencyAdministratorRegistersOnlyInsideTheirOwnAgency() {
        String admin = token("000.00.00.H41-admin");
        HttpResponse<String> inside = postJson(
                "api/v1/directory/agencies",
                admin,
                "{\"code\":\"000.01.21.H41\",\"name\":\"Ủy ban nhân dân xã Nghi Phong\",\"parentCode\":\"000.00.21.H41\","
                        + "\"level\":\"COMMUNE\"}");
        assertEquals(201, inside.statusCode(), inside.body());
        assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        admin,
                        "{\"code\":\"000.00.08.H30\",\"name\":\"Sở khác\",\"parentCode\":\"000.00.00.H30\",\"level\":\"DEPARTMENT\"}"),
                403,
                "agency.scope.forbidden");
    }

    @Test
    void aChildCodeMustExtendItsParentsCode() {
        assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        token("sysadmin-client"),
                        "{\"code\":\"000.00.07.H41\",\"name\":\"X\",\"parentCode\":\"000.00.00.H30\",\"level\":\"DEPARTMENT\"}"),
                400,
                "agency.code.parent-mismatch");
        assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        token("sysadmin-client"),
                        "{\"code\":\"000.00.07.H41\",\"name\":\"X\",\"level\":\"DEPARTMENT\"}"),
                400,
                "agency.parent.required");
        assertProblem(
                postJson(
                        "api/v1/directory/agencies",
                        token("sysadmin-client"),
                        "{\"code\":\"000.00.07.H41\",\"name\":\"X\",\"parentCode\":\"000.00.00.H41\",\"level\":\"PROVINCE\"}"),
                400,
                "agency.level.invalid");
    }

    @Test
    void readinessAndTheApiDescriptionAnswerWithoutAuthentication() {
        HttpResponse<String> ready = get("health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = json(ready).asJsonObject();
        assertEquals("UP", health.getString("status"));
        assertEquals("database", health.getJsonArray("checks").getJsonObject(0).getString("name"));
        HttpResponse<String> openapi = get("openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(
                openapi.body().contains("\"/directory/agencies/{code}\""), "asked for JSON, the description is JSON");
        assertNull(ready.headers().firstValue("X-Powered-By").orElse(null), "the server does not advertise itself");
    }
}
