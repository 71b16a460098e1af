package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data sharing platform end to end on the real EAR: the registry over REST, the gateway speaking
 * X-Road's REST protocol to partner systems holding client-credentials tokens, and a real provider
 * behind it — the sandbox civil-status registry deployed beside the EAR at {@code /hotich-sandbox},
 * reached over HTTP like any other agency's system — and the message log.
 */
@ExtendWith(ArquillianExtension.class)
class SharingGatewayIT extends PlatformIT {

    private static final String JUSTICE = "000.00.00.G12";
    private static final String NGHE_AN = "000.00.00.H41";
    private static final String HAU_GIANG = "000.00.00.H30";
    private static final String SYSADMIN = "sysadmin-client";
    private static final String NGHE_AN_ADMIN = "000.00.00.H41-admin";
    /** A dossier the sandbox registry holds from its start, registered (status 4). */
    private static final String REGISTERED_DOSSIER = "000.00.00.H41-261201-0001";

    private static final String OPENAPI = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Hộ tịch\",\"version\":\"1.0\"},"
            + "\"paths\":{\"/traTrangThaiHoSo\":{\"post\":{\"responses\":{\"200\":{\"description\":\"trạng thái\"}}}}}}";

    private static final AtomicInteger SUFFIX = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000);

    /** The provider every test calls: the Ministry of Justice's civil-status subsystem and its two services. */
    private static Provider provider;

    private record Provider(long memberId, String identifier, long statusServiceId, long diagnosticsServiceId) {}

    private synchronized Provider provider() {
        if (provider == null) {
            String subsystem = "HOTICH" + RUN;
            JsonObject member = created(postJson(
                    "api/v1/sharing/members",
                    token(SYSADMIN),
                    "{\"agency\":\"" + JUSTICE + "\",\"subsystemCode\":\"" + subsystem
                            + "\",\"name\":\"Hệ thống đăng ký hộ tịch\"}"));
            long memberId = member.getJsonNumber("id").longValue();
            String sandbox = base() + "hotich-sandbox/api";
            JsonObject status = created(postJson(
                    "api/v1/sharing/members/" + memberId + "/services",
                    token(SYSADMIN),
                    "{\"serviceCode\":\"hoTich\",\"name\":\"Tra cứu hồ sơ hộ tịch\",\"baseUrl\":\"" + sandbox
                            + "/apiHoTichTuPhap\",\"version\":\"1.0\",\"timeoutMillis\":10000,\"openApi\":"
                            + jsonString(OPENAPI) + "}"));
            JsonObject diagnostics = created(postJson(
                    "api/v1/sharing/members/" + memberId + "/services",
                    token(SYSADMIN),
                    "{\"serviceCode\":\"chanDoan\",\"name\":\"Chẩn đoán\",\"baseUrl\":\"" + sandbox
                            + "/diagnostics\",\"version\":\"1.0\"}"));
            assertEquals("VN/GOV/" + JUSTICE + "/" + subsystem + "/hoTich", status.getString("identifier"));
            provider = new Provider(
                    memberId,
                    member.getString("identifier"),
                    status.getJsonNumber("id").longValue(),
                    diagnostics.getJsonNumber("id").longValue());
        }
        return provider;
    }

    /** A consumer subsystem of Nghệ An, registered by its own administrator, proved by the client 000.00.00.H41. */
    private JsonObject consumer() {
        return created(postJson(
                "api/v1/sharing/members",
                token(NGHE_AN_ADMIN),
                "{\"subsystemCode\":\"MOTCUA" + RUN + "-" + SUFFIX.incrementAndGet()
                        + "\",\"name\":\"Hệ thống một cửa\",\"clientId\":\"" + NGHE_AN + "\"}"));
    }

    private JsonObject grant(long serviceId, String client, Integer perMinute) {
        return created(postJson(
                "api/v1/sharing/services/" + serviceId + "/access",
                token(SYSADMIN),
                "{\"client\":\"" + client + "\"" + (perMinute == null ? "" : ",\"callsPerMinute\":" + perMinute)
                        + "}"));
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    /** A call through the gateway as a member system makes it. */
    private HttpResponse<String> call(
            String token, String client, String path, String method, String body, String messageId, String issue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("gateway/r1/" + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (client != null) {
            request.header("X-Road-Client", client);
        }
        if (messageId != null) {
            request.header("X-Road-Id", messageId);
        }
        if (issue != null) {
            request.header("X-Road-Issue", issue);
            request.header("X-Road-UserId", "VN001088012345");
        }
        return send(request);
    }

    private HttpResponse<String> statusLookup(String client, String dossier, String messageId) {
        return call(
                token(NGHE_AN),
                client,
                provider().identifier() + "/hoTich/traTrangThaiHoSo",
                "POST",
                lookupBody(dossier),
                messageId,
                dossier);
    }

    private static String lookupBody(String dossier) {
        return "{\"maDonVi\":40101,\"maHoSo\":\"" + dossier + "\"}";
    }

    /** Asserts the gateway's own refusal: X-Road's {type, message, detail}, the X-Road-Error header, the status. */
    private static JsonObject assertXRoadError(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, response.headers().firstValue("X-Road-Error").orElse(null), response.body());
        JsonObject error = json(response).asJsonObject();
        assertEquals(type, error.getString("type"));
        assertFalse(error.getString("message").isBlank());
        assertFalse(error.getString("detail").isBlank());
        assertTrue(response.headers().firstValue("X-Road-Request-Hash").isEmpty(), "a refusal binds no request");
        return error;
    }

    @Test
    void consumerIsDeniedUntilGrantedAndAgainOnceRevoked() {
        JsonObject consumer = consumer();
        String client = consumer.getString("identifier");
        assertEquals("VN/GOV/" + NGHE_AN + "/" + consumer.getString("subsystemCode"), client);

        assertXRoadError(statusLookup(client, REGISTERED_DOSSIER, null), 403, "Server.ServerProxy.AccessDenied");

        long accessId = grant(provider().statusServiceId(), client, null)
                .getJsonNumber("id")
                .longValue();
        String messageId = UUID.randomUUID().toString();
        HttpResponse<String> granted = statusLookup(client, REGISTERED_DOSSIER, messageId);
        assertEquals(200, granted.statusCode(), granted.body());
        JsonObject answer = json(granted).asJsonObject();
        assertEquals(4, answer.getInt("trangThai"), "the registry's answer, through the gateway");
        assertEquals(REGISTERED_DOSSIER, answer.getString("maHoSo"));
        assertEquals(messageId, granted.headers().firstValue("X-Road-Id").orElse(null));
        assertEquals(client, granted.headers().firstValue("X-Road-Client").orElse(null));
        assertEquals(
                provider().identifier() + "/hoTich",
                granted.headers().firstValue("X-Road-Service").orElse(null));
        assertTrue(granted.headers().firstValue("X-Road-Error").isEmpty());
        // The request hash, recomputed here from what was sent: SHA-512(SHA-512(headers) || SHA-512(body)).
        String headers = "method:POST\npath:/gateway/r1/" + provider().identifier() + "/hoTich/traTrangThaiHoSo\n"
                + "x-road-client:" + client + "\nx-road-id:" + messageId + "\nx-road-userid:VN001088012345\n"
                + "x-road-issue:" + REGISTERED_DOSSIER + "\ncontent-type:application/json\n";
        MessageDigest outer = sha512();
        outer.update(sha512().digest(headers.getBytes(StandardCharsets.UTF_8)));
        outer.update(sha512().digest(lookupBody(REGISTERED_DOSSIER).getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                Base64.getEncoder().encodeToString(outer.digest()),
                granted.headers().firstValue("X-Road-Request-Hash").orElse(null));

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(
                        uri("api/v1/sharing/services/" + provider().statusServiceId() + "/access/" + accessId))
                .DELETE()
                .header("Authorization", "Bearer " + token(SYSADMIN)));
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertXRoadError(statusLookup(client, REGISTERED_DOSSIER, null), 403, "Server.ServerProxy.AccessDenied");
    }

    @Test
    void providerGetsTheXRoadHeadersButNeverTheTokenAndItsAnswersPassUnchanged() {
        String client = consumer().getString("identifier");
        grant(provider().diagnosticsServiceId(), client, null);
        grant(provider().statusServiceId(), client, null);

        HttpResponse<String> seen =
                send(HttpRequest.newBuilder(uri("gateway/r1/" + provider().identifier() + "/chanDoan/headers"))
                        .GET()
                        .header("Authorization", "Bearer " + token(NGHE_AN))
                        .header("Cookie", "JSESSIONID=consumer-session")
                        .header("X-Road-Client", client)
                        .header("X-Road-Issue", "H41-ISSUE-" + RUN)
                        .header("X-Road-UserId", "VN001088012345"));
        assertEquals(200, seen.statusCode(), seen.body());
        String generated = seen.headers().firstValue("X-Road-Id").orElseThrow();
        UUID.fromString(generated);
        JsonObject received = json(seen).asJsonObject();
        assertEquals(client, received.getString("x-road-client"));
        assertEquals(provider().identifier() + "/chanDoan", received.getString("x-road-service"));
        assertEquals(generated, received.getString("x-road-id"), "the id generated for the call reaches the provider");
        assertEquals("H41-ISSUE-" + RUN, received.getString("x-road-issue"));
        assertEquals("VN001088012345", received.getString("x-road-userid"));
        assertFalse(received.containsKey("authorization"), "the consumer's token stays at the gateway");
        assertFalse(received.containsKey("cookie"));

        HttpResponse<String> moved =
                call(token(NGHE_AN), client, provider().identifier() + "/chanDoan/moved", "GET", null, null, null);
        assertEquals(302, moved.statusCode(), "a redirect is answered, never followed");
        assertTrue(moved.headers().firstValue("Location").isEmpty(), "the provider's own address is not shown");

        HttpResponse<String> unknown = statusLookup(client, "000.00.00.H41-000000-" + RUN, null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.headers().firstValue("X-Road-Error").isEmpty(), "the provider's error, not the gateway's");
        assertEquals("{\"Status\":0,\"ErrorCode\":201,\"Message\":\"RECORD_NOT_FOUND\"}", unknown.body());
        assertTrue(unknown.headers().firstValue("X-Road-Request-Hash").isPresent());
    }

    @Test
    void gatewayRefusesBadCallsInXRoadsErrorShapeNeverWith500() {
        String client = consumer().getString("identifier");
        grant(provider().statusServiceId(), client, null);
        String path = provider().identifier() + "/hoTich/traTrangThaiHoSo";
        String body = lookupBody(REGISTERED_DOSSIER);

        assertXRoadError(call(token(NGHE_AN), null, path, "POST", body, null, null), 400, "Client.BadRequest");
        assertXRoadError(
                call(token(NGHE_AN), "VN/GOV/" + NGHE_AN, path, "POST", body, null, null), 400, "Client.BadRequest");
        HttpResponse<String> anonymous = call(null, client, path, "POST", body, null, null);
        assertXRoadError(anonymous, 401, "Client.Unauthorized");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isPresent());
        assertXRoadError(call("not-a-token", client, path, "POST", body, null, null), 401, "Client.Unauthorized");
        // Hậu Giang's system claiming Nghệ An's subsystem.
        assertXRoadError(
                call(token(HAU_GIANG), client, path, "POST", body, null, null), 403, "Client.IdentifierMismatch");
        assertXRoadError(
                call(token(NGHE_AN), client, provider().identifier() + "/khongCo", "POST", body, null, null),
                404,
                "Server.ServerProxy.UnknownService");
        assertXRoadError(
                call(token(NGHE_AN), client, "VN/GOV/" + JUSTICE + "/KHONGCO/hoTich", "POST", body, null, null),
                404,
                "Server.ServerProxy.UnknownService");
        // Control characters: in a header (a tab), escaped in the path, in the query (NUL, backslashes and dot
        // segments the container refuses or normalises before the gateway sees them: GatewayIdentifiersTest).
        assertXRoadError(call(token(NGHE_AN), client, path, "POST", body, null, "H41\t0001"), 400, "Client.BadRequest");
        assertXRoadError(
                call(token(NGHE_AN), client, path + "/a%01b", "POST", body, null, null), 400, "Client.BadRequest");
        assertXRoadError(
                call(token(NGHE_AN), client, path + "?q=%0A", "POST", body, null, null), 400, "Client.BadRequest");
        assertXRoadError(
                call(token(NGHE_AN), client, path, "POST", body, "bad id with spaces", null), 400, "Client.BadRequest");
        // The tests bound request bodies at 64 KiB (egov.sharing.max-request-bytes).
        String oversize = "{\"maDonVi\":40101,\"maHoSo\":\"" + "x".repeat(70_000) + "\"}";
        assertXRoadError(
                call(token(NGHE_AN), client, path, "POST", oversize, null, null), 413, "Client.RequestTooLarge");
    }

    @Test
    void discoveryListsPublishedServicesAndThoseAllowedAndDescribesOnlyAllowedOnes() {
        String client = consumer().getString("identifier");
        String provider = provider().identifier();
        grant(provider().statusServiceId(), client, null);

        JsonArray listed = json(call(token(NGHE_AN), client, provider + "/listMethods", "GET", null, null, null))
                .asJsonObject()
                .getJsonArray("service");
        assertEquals(2, listed.size(), listed.toString());
        JsonArray allowed = json(call(token(NGHE_AN), client, provider + "/allowedMethods", "GET", null, null, null))
                .asJsonObject()
                .getJsonArray("service");
        assertEquals(1, allowed.size(), allowed.toString());
        JsonObject service = allowed.getJsonObject(0);
        assertEquals("hoTich", service.getString("service_code"));
        assertEquals(JUSTICE, service.getString("member_code"));
        assertEquals("VN", service.getString("xroad_instance"));
        assertEquals("GOV", service.getString("member_class"));

        HttpResponse<String> description =
                call(token(NGHE_AN), client, provider + "/getOpenAPI?serviceCode=hoTich", "GET", null, null, null);
        assertEquals(200, description.statusCode(), description.body());
        assertEquals(OPENAPI, description.body());
        assertXRoadError(
                call(token(NGHE_AN), client, provider + "/getOpenAPI?serviceCode=chanDoan", "GET", null, null, null),
                403,
                "Server.ServerProxy.AccessDenied");
    }

    @Test
    void rateLimitPerConsumerAndServiceAnswers429WithRetryAfter() {
        String client = consumer().getString("identifier");
        grant(provider().statusServiceId(), client, 2);
        // At most 2 calls a minute: of 5 calls made within a second (one minute boundary at most), one is refused.
        HttpResponse<String> refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            HttpResponse<String> response = statusLookup(client, REGISTERED_DOSSIER, null);
            if (response.statusCode() != 200) {
                refused = response;
            }
        }
        assertNotNull(refused, "the third call within a minute is refused");
        assertXRoadError(refused, 429, "Client.RateLimitExceeded");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 0 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void anotherAgencysRegistryObjectsAreNotFoundAndBadInputIsRefused() {
        JsonObject consumer = consumer();
        long consumerId = consumer.getJsonNumber("id").longValue();
        String govOfficeAdmin = person("admin.g22");

        assertProblem(get("api/v1/sharing/members/" + consumerId, govOfficeAdmin), 404, "sharing.member.not-found");
        assertProblem(
                get("api/v1/sharing/services/" + provider().statusServiceId(), govOfficeAdmin),
                404,
                "sharing.service.not-found");
        assertProblem(
                postJson(
                        "api/v1/sharing/services/" + provider().statusServiceId() + "/access",
                        govOfficeAdmin,
                        "{\"client\":\"VN/GOV/000.00.00.G22/VANPHONG\"}"),
                404,
                "sharing.service.not-found");
        assertProblem(
                put("api/v1/sharing/members/" + consumerId, govOfficeAdmin, "{\"name\":\"Chiếm quyền\"}"),
                404,
                "sharing.member.not-found");
        assertEquals(
                200,
                get("api/v1/sharing/members/" + consumerId, token(NGHE_AN_ADMIN))
                        .statusCode());
        for (var member :
                json(get("api/v1/sharing/members", token(NGHE_AN_ADMIN))).asJsonArray()) {
            assertEquals(NGHE_AN, member.asJsonObject().getString("agencyCode"), "only its own agency's");
        }
        assertProblem(
                postJson(
                        "api/v1/sharing/members",
                        token(NGHE_AN_ADMIN),
                        "{\"agency\":\"" + JUSTICE + "\",\"subsystemCode\":\"X\",\"name\":\"Không phải của mình\"}"),
                403,
                "sharing.member.agency-mismatch");
        assertProblem(get("api/v1/sharing/members", token(NGHE_AN)), 403, "auth.forbidden");

        assertProblem(
                postJson(
                        "api/v1/sharing/members",
                        token(NGHE_AN_ADMIN),
                        "{\"subsystemCode\":\"MOTCUA-BAD\",\"name\":\"Một\\u0007cửa\"}"),
                400,
                "request.text.invalid");
        assertProblem(
                postJson(
                        "api/v1/sharing/members",
                        token(NGHE_AN_ADMIN),
                        "{\"subsystemCode\":\"MOT CUA\",\"name\":\"Một cửa\"}"),
                400,
                "sharing.member.code-invalid");
        assertProblem(
                postJson(
                        "api/v1/sharing/members",
                        token(NGHE_AN_ADMIN),
                        "{\"subsystemCode\":\"MOTCUA-C\",\"name\":\"Một cửa\",\"clientId\":\"" + HAU_GIANG + "\"}"),
                400,
                "sharing.member.client-unknown");
        assertProblem(
                postJson(
                        "api/v1/sharing/members/" + consumerId + "/services",
                        token(NGHE_AN_ADMIN),
                        "{\"serviceCode\":\"tinhTrang\",\"name\":\"Tình trạng\",\"baseUrl\":\"ftp://example.org/x\","
                                + "\"version\":\"1\"}"),
                400,
                "sharing.service.url-invalid");
        assertProblem(
                postJson(
                        "api/v1/sharing/members/" + consumerId + "/services",
                        token(NGHE_AN_ADMIN),
                        "{\"serviceCode\":\"listMethods\",\"name\":\"Giả\",\"baseUrl\":\"https://example.org\","
                                + "\"version\":\"1\"}"),
                400,
                "sharing.service.code-invalid");
        assertProblem(
                postJson(
                        "api/v1/sharing/services/" + provider().statusServiceId() + "/access",
                        token(SYSADMIN),
                        "{\"client\":\"VN/GOV/" + NGHE_AN + "/KHONGCO\"}"),
                400,
                "sharing.access.client-unknown");
    }

    @Test
    void everyCallIsLoggedWithItsDigestsAndTheChainVerifies() {
        String client = consumer().getString("identifier");
        String dossier = "000.00.00.H41-261204-" + RUN;
        // A refused call for the dossier first, then the same dossier registered and looked up.
        assertXRoadError(statusLookup(client, dossier, null), 403, "Server.ServerProxy.AccessDenied");
        grant(provider().statusServiceId(), client, null);
        String register = "{\"maDonVi\":40101,\"module\":\"KS\",\"maHoSo\":\"" + dossier
                + "\",\"ngayTiepNhan\":\"04/12/2026\",\"data\":\"<HoSo/>\"}";
        HttpResponse<String> registered = call(
                token(NGHE_AN),
                client,
                provider().identifier() + "/hoTich/dangKyHoTich",
                "POST",
                register,
                null,
                dossier);
        assertEquals(200, registered.statusCode(), registered.body());
        HttpResponse<String> looked = statusLookup(client, dossier, null);
        assertEquals(200, looked.statusCode(), looked.body());
        assertEquals(1, json(looked).asJsonObject().getInt("trangThai"), "received");

        JsonObject evidence = json(get("api/v1/sharing/log/evidence?issue=" + dossier, token(SYSADMIN)))
                .asJsonObject();
        assertTrue(evidence.getJsonObject("chain").getBoolean("valid"), evidence.toString());
        JsonArray entries = evidence.getJsonArray("entries");
        assertEquals(3, entries.size(), entries.toString());
        JsonObject refused = entries.getJsonObject(0);
        assertEquals(403, refused.getInt("status"));
        assertEquals("Server.ServerProxy.AccessDenied", refused.getString("errorType"));
        JsonObject registration = entries.getJsonObject(1);
        assertEquals(200, registration.getInt("status"));
        assertEquals(client, registration.getString("client"));
        assertEquals(NGHE_AN, registration.getString("caller"));
        assertEquals(provider().identifier() + "/hoTich", registration.getString("service"));
        assertEquals("VN001088012345", registration.getString("userId"));
        assertEquals(dossier, registration.getString("issue"));
        assertEquals(registered.headers().firstValue("X-Road-Id").orElseThrow(), registration.getString("messageId"));
        assertEquals(sha512Hex(register), registration.getString("requestDigest"));
        assertEquals(sha512Hex(registered.body()), registration.getString("responseDigest"));
        assertEquals(
                register.getBytes(StandardCharsets.UTF_8).length,
                registration.getJsonNumber("requestBytes").longValue());
        assertEquals(
                registered.headers().firstValue("X-Road-Request-Hash").orElseThrow(),
                registration.getString("requestHash"));
        for (var entry : entries) {
            assertTrue(entry.asJsonObject().getBoolean("hashValid"));
            assertEquals(128, entry.asJsonObject().getString("entryHash").length());
        }
        assertTrue(registration.getJsonNumber("seq").longValue()
                < entries.getJsonObject(2).getJsonNumber("seq").longValue());

        // One call's evidence, by its X-Road-Id; Nghệ An's administrator sees its own agency's calls.
        JsonObject one = json(get(
                        "api/v1/sharing/log/evidence?messageId=" + registration.getString("messageId"),
                        token(NGHE_AN_ADMIN)))
                .asJsonObject();
        assertEquals(1, one.getJsonArray("entries").size());
        assertProblem(
                get("api/v1/sharing/log/evidence?issue=" + dossier, person("admin.g22")), 404, "sharing.log.not-found");
        assertProblem(get("api/v1/sharing/log/evidence", token(SYSADMIN)), 400, "sharing.log.evidence-target");

        JsonObject chain =
                json(get("api/v1/sharing/log/verify", token(SYSADMIN))).asJsonObject();
        assertTrue(chain.getBoolean("valid"), chain.toString());
        assertTrue(chain.getJsonNumber("entries").longValue() >= 3);
        assertProblem(get("api/v1/sharing/log/verify", token(NGHE_AN_ADMIN)), 403, "auth.forbidden");
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha512Hex(String text) {
        return HexFormat.of().formatHex(sha512().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
