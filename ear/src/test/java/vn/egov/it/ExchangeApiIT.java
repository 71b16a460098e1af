package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exchange axis as agencies' document-management systems use it, over HTTP, on the real EAR. */
@ExtendWith(ArquillianExtension.class)
class ExchangeApiIT extends PlatformIT {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String GOV_OFFICE = "000.00.00.G22";
    private static final String HAU_GIANG = "000.00.00.H30";
    private static final String THANH_HOA = "000.00.00.H56";
    /** Documents are dated today in Vietnam: the axis refuses a promulgation date after tomorrow. */
    private static final String ISSUED =
            todayInVietnam().format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"));

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.currentTimeMillis() % 100000) * 10);

    private static String number() {
        return Integer.toString(NUMBERS.incrementAndGet());
    }

    static String edxml(String from, List<String> to, String number, String securityLevel, byte[] attachment) {
        StringBuilder recipients = new StringBuilder();
        to.forEach(code ->
                recipients.append("<edXML:To><edXML:OrganId>").append(code).append("</edXML:OrganId></edXML:To>"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope>
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>%1$s</edXML:OrganId></edXML:From>
                        %2$s
                        <edXML:DocumentId>%1$s,%6$s,%3$s/UBND-VP</edXML:DocumentId>
                        <edXML:Code><edXML:CodeNumber>%3$s</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationInfo><edXML:Place>Vinh</edXML:Place><edXML:PromulgationDate>%6$s</edXML:PromulgationDate></edXML:PromulgationInfo>
                        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                        <edXML:Subject>V/v báo cáo thiệt hại do mưa lũ</edXML:Subject>
                        <edXML:SignerInfo><edXML:Competence>KT. CHỦ TỊCH</edXML:Competence><edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo>
                        <edXML:OtherInfo><edXML:Priority>1</edXML:Priority>%4$s</edXML:OtherInfo>
                      </edXML:MessageHeader>
                    </edXML:edXMLHeader>
                    <edXML:edXMLBody><edXML:edXMLManifest version="1.0">
                      <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>báo cáo.pdf</edXML:AttachmentName></edXML:Reference>
                    </edXML:edXMLManifest></edXML:edXMLBody>
                  </edXML:edXMLEnvelope>
                  <AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>%5$s</ContentTransferEncoded></Attachment></AttachmentEncoded>
                </edXML:edXML>
                """.formatted(
                        from,
                        recipients,
                        number,
                        securityLevel == null ? "" : "<edXML:SecurityLevel>" + securityLevel + "</edXML:SecurityLevel>",
                        Base64.getMimeEncoder().encodeToString(attachment),
                        ISSUED);
    }

    private HttpResponse<String> postXml(String token, String xml) {
        return send(HttpRequest.newBuilder(uri("api/v1/exchange/documents"))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .header("Content-Type", "application/xml")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    /** Signs a package with the demo key of the agency, as that agency's document system would. */
    private String signed(String agency, String xml) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/v1/exchange/demo/sign"))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + token(agency)));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("SignatureValue"), response.body());
        return response.body();
    }

    private JsonObject sendXml(String from, List<String> to, byte[] attachment) {
        HttpResponse<String> response = postXml(token(from), signed(from, edxml(from, to, number(), null, attachment)));
        assertEquals(202, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private static String json(String from, String number, List<String> to, String confidentiality) {
        return """
                {"documentId":"%1$s,%6$s,%2$s/UBND-VX","codeNumber":"%2$s","codeNotation":"UBND-VX",
                 "typeName":"Kế hoạch","subject":"Kế hoạch phòng chống dịch","promulgationDate":"%7$s",
                 "urgency":"URGENT","to":[%3$s]%4$s,
                 "attachments":[{"contentId":"cid:kh","name":"kehoach.txt","contentType":"text/plain","content":"%5$s"}]}
                """.formatted(
                        from,
                        number,
                        String.join(",", to.stream().map(c -> "\"" + c + "\"").toList()),
                        confidentiality == null ? "" : ",\"confidentiality\":\"" + confidentiality + "\"",
                        Base64.getEncoder().encodeToString("kế hoạch".getBytes(StandardCharsets.UTF_8)),
                        ISSUED,
                        ISSUED.replace('/', '-'));
    }

    private JsonObject status(String agency, long id, String code, String note, int expected) {
        HttpResponse<String> response = postJson(
                "api/v1/exchange/documents/" + id + "/status",
                token(agency),
                "{\"status\":\"" + code + "\"" + (note == null ? "" : ",\"description\":\"" + note + "\"")
                        + ",\"staff\":{\"department\":\"Văn thư\",\"name\":\"Lê Thị Văn Thư\"}}");
        assertEquals(expected, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    /** Reads the whole inbox after a cursor, page by page, as a partner system would. */
    private List<JsonObject> drainInbox(String agency, String after) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = after;
        while (true) {
            HttpResponse<String> page = get("api/v1/exchange/inbox?limit=50&after=" + cursor, token(agency));
            assertEquals(200, page.statusCode(), page.body());
            JsonObject body = json(page).asJsonObject();
            List<JsonObject> pageItems = body.getJsonArray("items").getValuesAs(JsonObject.class);
            if (pageItems.isEmpty()) {
                return items;
            }
            items.addAll(pageItems);
            cursor = body.getString("nextCursor");
        }
    }

    private static List<String> codes(JsonObject trace, String recipient) {
        return trace.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("to").equals(recipient))
                .findFirst()
                .orElseThrow()
                .getJsonArray("history")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(h -> h.getString("code"))
                .toList();
    }

    @Test
    void documentTravelsFromSendingToCompletedAndTheSenderSeesEveryStep() {
        byte[] pdf = "%PDF-1.7 báo cáo".getBytes(StandardCharsets.UTF_8);
        JsonObject receipt = sendXml(NGHE_AN, List.of(GOV_OFFICE, HAU_GIANG), pdf);
        long id = receipt.getJsonNumber("id").longValue();
        assertTrue(receipt.getString("documentId").startsWith(NGHE_AN + "," + ISSUED + ","), receipt.toString());
        assertEquals(
                List.of(GOV_OFFICE, HAU_GIANG),
                receipt.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                        .map(d -> d.getString("to"))
                        .toList());
        receipt.getJsonArray("deliveries")
                .getValuesAs(JsonObject.class)
                .forEach(d -> assertEquals("sent", d.getString("status")));

        List<JsonObject> inbox = drainInbox(GOV_OFFICE, "0");
        JsonObject item = inbox.stream()
                .filter(i -> i.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
        assertEquals(NGHE_AN, item.getString("from"));
        assertTrue(item.getString("notation").endsWith("/UBND-VP"), item.toString());
        assertEquals("V/v báo cáo thiệt hại do mưa lũ", item.getString("subject"));
        assertEquals("URGENT", item.getString("urgency"));
        assertNotNull(item.getString("deliveredAt"));
        assertEquals("01", item.getString("status"), "fetching marks it arrived");
        String cursor = item.getString("cursor");
        assertTrue(
                drainInbox(GOV_OFFICE, cursor).stream()
                        .noneMatch(i -> i.getJsonNumber("id").longValue() == id),
                "a cursor past the document never returns it again");

        HttpResponse<String> file =
                send(HttpRequest.newBuilder(uri("api/v1/exchange/documents/" + id + "/attachments/cid:1"))
                        .GET()
                        .header("Authorization", "Bearer " + token(GOV_OFFICE)));
        assertEquals(200, file.statusCode());
        assertEquals(new String(pdf, StandardCharsets.UTF_8), file.body());
        assertEquals(
                "application/pdf", file.headers().firstValue("Content-Type").orElse(""));

        for (String code : List.of("03", "04", "05", "06")) {
            JsonObject delivery = status(GOV_OFFICE, id, code, "bước " + code, 200);
            assertEquals(code, delivery.getString("status"));
            assertTrue(
                    delivery.getString("arrivalNumber").matches("\\d+/20\\d\\d"),
                    "registering (03) gives the incoming register's number: " + delivery);
        }
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(GOV_OFFICE), "{\"status\":\"05\"}"),
                409,
                "exchange.status.transition");

        HttpResponse<String> traced = get("api/v1/exchange/documents/" + id + "/trace", token(NGHE_AN));
        assertEquals(200, traced.statusCode(), traced.body());
        JsonObject trace = json(traced).asJsonObject();
        assertEquals(List.of("01", "03", "04", "05", "06"), codes(trace, GOV_OFFICE));
        assertEquals(List.of(), codes(trace, HAU_GIANG), "Hậu Giang has not fetched it yet");
        JsonObject done =
                trace.getJsonArray("recipients").getValuesAs(JsonObject.class).get(0);
        assertEquals(
                "Lê Thị Văn Thư", done.getJsonArray("history").getJsonObject(1).getString("staffName"));

        JsonObject recipientView = json(get("api/v1/exchange/documents/" + id + "/trace", token(GOV_OFFICE)))
                .asJsonObject();
        assertEquals(1, recipientView.getJsonArray("recipients").size(), "a recipient sees only its own line");
    }

    /**
     * A real client's file (ejb-module/src/test/resources/edxml/real, see its SOURCE.md), read from
     * the source tree: the ITs run in the ear module, beside it.
     */
    private static String realSample(String name) {
        try {
            return java.nio.file.Files.readString(
                    java.nio.file.Path.of("..", "ejb-module", "src", "test", "resources", "edxml", "real", name),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> postStatusXml(String agency, long id, String xml) {
        return send(HttpRequest.newBuilder(uri("api/v1/exchange/documents/" + id + "/status"))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .header("Content-Type", "application/xml")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(agency)));
    }

    /** The real acceptance (03) message with its agencies and the document it answers replaced. */
    private static String realAcceptance(String from, String originalSender, String documentId) {
        // Through placeholders: the agencies may be each other's (H41 and G22 swapped).
        return realSample("status_acceptance_03.edxml")
                .replace("<edXML:OrganId>000.00.00.H41</edXML:OrganId>", "<edXML:OrganId>@FROM@</edXML:OrganId>")
                .replace("<edXML:OrganId>000.00.00.G22</edXML:OrganId>", "<edXML:OrganId>@SENDER@</edXML:OrganId>")
                .replace("@FROM@", from)
                .replace("@SENDER@", originalSender)
                .replace(
                        "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>",
                        "<edXML:DocumentId>" + documentId + "</edXML:DocumentId>");
    }

    @Test
    void recipientReportsStatusWithARealClientsEdxmlMessageAndTheSenderSeesIt() {
        JsonObject receipt = sendXml(NGHE_AN, List.of(GOV_OFFICE), new byte[] {7, 1, 3});
        long id = receipt.getJsonNumber("id").longValue();
        String documentId = receipt.getString("documentId");
        String acceptance = realAcceptance(GOV_OFFICE, NGHE_AN, documentId);
        assertTrue(acceptance.contains("<edXML:OrganId>" + GOV_OFFICE + "</edXML:OrganId>"), acceptance);
        assertTrue(acceptance.contains(documentId), acceptance);

        assertProblem(
                postStatusXml(GOV_OFFICE, id, realAcceptance(GOV_OFFICE, NGHE_AN, NGHE_AN + ",2015/09/30,1/UBND-VP")),
                409,
                "exchange.status.response-for-mismatch");
        assertProblem(
                postStatusXml(GOV_OFFICE, id, acceptance.substring(0, acceptance.length() / 2)),
                400,
                "exchange.xml.malformed");
        assertProblem(
                postStatusXml(GOV_OFFICE, id, realAcceptance(HAU_GIANG, NGHE_AN, documentId)),
                403,
                "exchange.sender.mismatch");
        assertEquals(
                404,
                postStatusXml(HAU_GIANG, id, realAcceptance(HAU_GIANG, NGHE_AN, documentId))
                        .statusCode(),
                "another agency's document does not exist for it");

        // Its document system fetches the inbox first (01), then registers it (03) as the sample does.
        assertTrue(drainInbox(GOV_OFFICE, "0").stream()
                .anyMatch(i -> i.getJsonNumber("id").longValue() == id));
        HttpResponse<String> accepted = postStatusXml(GOV_OFFICE, id, acceptance);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("03", json(accepted).asJsonObject().getString("status"));

        JsonObject trace = json(get("api/v1/exchange/documents/" + id + "/trace", token(NGHE_AN)))
                .asJsonObject();
        assertTrue(codes(trace, GOV_OFFICE).contains("03"), trace.toString());
        JsonObject registered = trace
                .getJsonArray("recipients")
                .getJsonObject(0)
                .getJsonArray("history")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(h -> h.getString("code").equals("03"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "Văn thư cơ - Phòng Văn thư - Lưu trữ: Tiếp nhận văn bản điện tử, vào sổ văn bản đến của đơn vị",
                registered.getString("description"),
                "the Vietnamese text kept exactly");
        assertEquals("Nguyen thi ngoc tram", registered.getString("staffName"));
        assertEquals("Phong hanh chinh", registered.getString("staffDepartment"));
    }

    @Test
    void aRealClientsDocumentIsAcceptedWithWarningsOnceSignedAndRefusedUnsigned() {
        // The SDK's saved document, from Văn phòng Chính phủ, to Nghệ An only; a DocumentId that is a
        // UUID as some clients send, and a CodeNumber that is not a number (both unique per run).
        String unique = java.util.UUID.randomUUID().toString();
        String real = realSample("dc0bdef0-c7a3-4aaf-b717-777303442973.edxml")
                .replaceAll("(?s)<edXML:To>\\s*<edXML:OrganId>000\\.00\\.00\\.H14</edXML:OrganId>.*?</edXML:To>", "")
                .replaceAll("(?s)<edXML:To>\\s*<edXML:OrganId>000\\.00\\.00\\.G17</edXML:OrganId>.*?</edXML:To>", "")
                .replace(
                        "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>",
                        "<edXML:DocumentId>" + unique + "</edXML:DocumentId>")
                .replace(
                        "<edXML:CodeNumber>7816</edXML:CodeNumber>",
                        "<edXML:CodeNumber>" + number() + "a</edXML:CodeNumber>");
        assertTrue(real.contains(unique) && !real.contains("000.00.00.H14</edXML:OrganId>"), real);

        assertProblem(postXml(token(GOV_OFFICE), real), 400, "exchange.signature.missing");

        HttpResponse<String> accepted = postXml(token(GOV_OFFICE), signed(GOV_OFFICE, real));
        assertEquals(202, accepted.statusCode(), accepted.body());
        long id = json(accepted).asJsonObject().getJsonNumber("id").longValue();

        JsonObject document =
                json(get("api/v1/exchange/documents/" + id, token(NGHE_AN))).asJsonObject();
        assertEquals(unique, document.getString("documentId"));
        assertEquals("V/v kết nối, liên thông phần mềm quản lý văn bản", document.getString("subject"));
        assertEquals(
                List.of(
                        "edxml.document-id.nonstandard",
                        "edxml.code-number.nonstandard",
                        "edxml.signature.not-xmldsig"),
                document.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        JsonObject attachment = document.getJsonArray("attachments").getJsonObject(0);
        assertEquals("1896_QD-TTg_m_294779.doc", attachment.getString("name"));
        assertEquals(4151, attachment.getJsonNumber("size").longValue());
    }

    @Test
    void recipientForwardsADocumentToItsOwnLeaderThenSpecialist() {
        long id = sendXml(NGHE_AN, List.of(GOV_OFFICE), new byte[] {4, 5, 6})
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                200, get("api/v1/exchange/documents/" + id, token(GOV_OFFICE)).statusCode());
        status(GOV_OFFICE, id, "03", null, 200);

        JsonArray people =
                json(get("api/v1/exchange/assignees", token(GOV_OFFICE))).asJsonArray();
        List<String> usernames = people.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("username"))
                .toList();
        assertTrue(usernames.containsAll(List.of("leader.g22", "specialist.g22")), usernames.toString());
        assertFalse(usernames.contains("clerk.g22"), "a clerk registers documents, it is not forwarded to one");

        String path = "api/v1/exchange/documents/" + id + "/assignment";
        assertProblem(
                postJson(path, token(GOV_OFFICE), "{\"assignee\":\"clerk.h41\"}"), 400, "exchange.assignee.invalid");
        assertProblem(
                postJson(path, token(GOV_OFFICE), "{\"assignee\":\"clerk.g22\"}"), 400, "exchange.assignee.invalid");
        assertProblem(postJson(path, token(GOV_OFFICE), "{}"), 400, "exchange.assignee.invalid");
        assertProblem(
                postJson(path, token(HAU_GIANG), "{\"assignee\":\"leader.g22\"}"), 404, "exchange.document.not-found");

        JsonObject toLeader = json(postJson(
                        path, token(GOV_OFFICE), "{\"assignee\":\"leader.g22\",\"note\":\"Kính trình\"}"))
                .asJsonObject();
        assertEquals("04", toLeader.getString("status"));
        assertEquals("leader.g22", toLeader.getString("assignee"));
        JsonObject toSpecialist = json(postJson(path, token(GOV_OFFICE), "{\"assignee\":\"specialist.g22\"}"))
                .asJsonObject();
        assertEquals("specialist.g22", toSpecialist.getString("assignee"), "forwarded on, leader to specialist");

        JsonObject trace = json(get("api/v1/exchange/documents/" + id + "/trace", token(NGHE_AN)))
                .asJsonObject();
        assertEquals(List.of("01", "03", "04", "04"), codes(trace, GOV_OFFICE));
        JsonArray history = trace.getJsonArray("recipients").getJsonObject(0).getJsonArray("history");
        assertEquals("Vũ Đức Lãnh", history.getJsonObject(2).getString("staffName"));
        assertEquals("Phạm Minh Chuyên", history.getJsonObject(3).getString("staffName"));
        JsonObject senderView =
                json(get("api/v1/exchange/documents/" + id, token(NGHE_AN))).asJsonObject();
        assertFalse(
                senderView.getJsonArray("deliveries").getJsonObject(0).containsKey("assignee"),
                "the recipient's usernames stay with the recipient");

        status(GOV_OFFICE, id, "06", "Đã xử lý", 200);
        assertProblem(
                postJson(path, token(GOV_OFFICE), "{\"assignee\":\"leader.g22\"}"), 409, "exchange.status.transition");
    }

    @Test
    void recipientRefusesADocumentOnlyWithAReason() {
        long id = sendXml(NGHE_AN, List.of(HAU_GIANG), new byte[] {1, 2, 3})
                .getJsonNumber("id")
                .longValue();
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(HAU_GIANG), "{\"status\":\"03\"}"),
                409,
                "exchange.status.transition");
        assertEquals(
                200, get("api/v1/exchange/documents/" + id, token(HAU_GIANG)).statusCode());
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(HAU_GIANG), "{\"status\":\"02\"}"),
                400,
                "exchange.status.reason-required");
        assertEquals("02", status(HAU_GIANG, id, "02", "Gửi nhầm cơ quan", 200).getString("status"));
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(HAU_GIANG), "{\"status\":\"03\"}"),
                409,
                "exchange.status.transition");
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(HAU_GIANG), "{\"status\":\"09\"}"),
                400,
                "exchange.status.unknown");
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(NGHE_AN), "{\"status\":\"03\"}"),
                403,
                "exchange.status.recipient-only");
    }

    @Test
    void senderRecallsAndRecipientsAgreeOrRefuse() {
        long id = sendXml(NGHE_AN, List.of(GOV_OFFICE, HAU_GIANG), new byte[] {5})
                .getJsonNumber("id")
                .longValue();
        assertTrue(drainInbox(GOV_OFFICE, "0").stream()
                .anyMatch(i -> i.getJsonNumber("id").longValue() == id));
        assertTrue(drainInbox(HAU_GIANG, "0").stream()
                .anyMatch(i -> i.getJsonNumber("id").longValue() == id));

        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/recall", token(GOV_OFFICE), "{\"reason\":\"x\"}"),
                403,
                "exchange.recall.sender-only");
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(GOV_OFFICE), "{\"status\":\"15\"}"),
                409,
                "exchange.recall.not-pending");
        HttpResponse<String> recalled = postJson(
                "api/v1/exchange/documents/" + id + "/recall",
                token(NGHE_AN),
                "{\"reason\":\"Sai số liệu, sẽ gửi văn bản thay thế\"}");
        assertEquals(200, recalled.statusCode(), recalled.body());
        json(recalled)
                .asJsonObject()
                .getJsonArray("recipients")
                .getValuesAs(JsonObject.class)
                .forEach(r -> assertEquals("PENDING", r.getString("recallState")));

        assertEquals(
                "AGREED", status(GOV_OFFICE, id, "15", "Đồng ý thu hồi", 200).getString("recallState"));
        assertEquals(
                "REFUSED",
                status(HAU_GIANG, id, "16", "Đã xử lý xong phần việc", 200).getString("recallState"));
        assertTrue(
                drainInbox(GOV_OFFICE, "0").stream()
                        .noneMatch(i -> i.getJsonNumber("id").longValue() == id),
                "an agreed take-back removes the document from the recipient's inbox");
        assertTrue(
                drainInbox(HAU_GIANG, "0").stream()
                        .anyMatch(i -> i.getJsonNumber("id").longValue() == id),
                "a refused one stays");
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", token(GOV_OFFICE), "{\"status\":\"03\"}"),
                409,
                "exchange.document.withdrawn");

        JsonObject trace = json(get("api/v1/exchange/documents/" + id + "/trace", token(NGHE_AN)))
                .asJsonObject();
        assertEquals(List.of("01", "13", "15"), codes(trace, GOV_OFFICE));
        assertEquals(List.of("01", "13", "16"), codes(trace, HAU_GIANG));
    }

    @Test
    void sendingTheSameDocumentIdAgainReturnsTheFirstReceiptAndCreatesNothing() {
        String xml = signed(NGHE_AN, edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, new byte[] {9}));
        HttpResponse<String> first = postXml(token(NGHE_AN), xml);
        HttpResponse<String> again = postXml(token(NGHE_AN), xml);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        long id = json(first).asJsonObject().getJsonNumber("id").longValue();
        assertEquals(id, json(again).asJsonObject().getJsonNumber("id").longValue());
        assertFalse(json(first).asJsonObject().getBoolean("duplicate"));
        assertTrue(json(again).asJsonObject().getBoolean("duplicate"));
        assertEquals(
                1,
                drainInbox(GOV_OFFICE, "0").stream()
                        .filter(i -> i.getJsonNumber("id").longValue() == id)
                        .count(),
                "delivered once");
    }

    @Test
    void concurrentSendsAreEachDeliveredOnceAndAConcurrentDuplicateCreatesNothing() throws Exception {
        // Sends arriving together are written together (group commit); each must still be its own
        // document, in the inbox once, and copies of one DocumentId must yield one document.
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            distinct.add(signed(
                    THANH_HOA,
                    edxml(THANH_HOA, List.of(GOV_OFFICE, HAU_GIANG), number(), null, new byte[] {(byte) i})));
        }
        String copy = signed(THANH_HOA, edxml(THANH_HOA, List.of(GOV_OFFICE), number(), null, new byte[] {42}));
        List<String> bodies = new ArrayList<>(distinct);
        for (int i = 0; i < 4; i++) {
            bodies.add(i * 3, copy);
        }
        String token = token(THANH_HOA);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(bodies.size());
        List<JsonObject> receipts = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return postXml(token, body);
                }));
            }
            go.countDown();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(202, response.statusCode(), response.body());
                receipts.add(json(response).asJsonObject());
            }
        } finally {
            pool.shutdownNow();
        }
        java.util.Map<Long, Long> copies = new java.util.HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        long fresh = 0;
        for (int i = 0; i < bodies.size(); i++) {
            JsonObject receipt = receipts.get(i);
            long id = receipt.getJsonNumber("id").longValue();
            if (bodies.get(i).equals(copy)) {
                copies.merge(id, 1L, Long::sum);
                fresh += receipt.getBoolean("duplicate") ? 0 : 1;
            } else {
                assertFalse(receipt.getBoolean("duplicate"), receipt.toString());
                assertTrue(ids.add(id), "each distinct send is its own document: " + receipt);
                assertEquals(2, receipt.getJsonArray("deliveries").size());
            }
        }
        assertEquals(1, copies.size(), "four copies of one DocumentId share one document: " + copies);
        assertEquals(1, fresh, "exactly one copy created it, the others were told it is a duplicate");
        long copyId = copies.keySet().iterator().next();
        assertFalse(ids.contains(copyId));
        List<Long> inbox = drainInbox(GOV_OFFICE, "0").stream()
                .map(i -> i.getJsonNumber("id").longValue())
                .toList();
        for (long id : ids) {
            assertEquals(1, inbox.stream().filter(x -> x == id).count(), "delivered once: " + id);
        }
        assertEquals(1, inbox.stream().filter(x -> x == copyId).count(), "the copied document delivered once");
        JsonObject verification = json(get("api/v1/exchange/log/verification", token("sysadmin-client")))
                .asJsonObject();
        assertTrue(verification.getBoolean("valid"), verification.toString());
    }

    @Test
    void anAgencyWithAWebhookGetsEachDeliveryPushedSignedAndRetriedWhilePullStillWorks() throws Exception {
        String agency = "000.00.00.G07"; // a recipient no other test uses, so its pushes are this test's own
        String token = token(agency);
        assertProblem(get("api/v1/exchange/webhook", token), 404, "exchange.webhook.not-found");
        assertProblem(
                put("api/v1/exchange/webhook", token, "{\"url\":\"ftp://dms.example/in\"}"),
                400,
                "exchange.webhook.url-invalid");
        assertProblem(
                put("api/v1/exchange/webhook", token, "{\"url\":\"https://user:pw@dms.example/in\"}"),
                400,
                "exchange.webhook.url-invalid");
        assertProblem(put("api/v1/exchange/webhook", token, "{}"), 400, "exchange.webhook.url-invalid");
        // Never into the platform's own neighbourhood: a cloud's metadata service, the wildcard address.
        assertProblem(
                put("api/v1/exchange/webhook", token, "{\"url\":\"https://169.254.169.254/latest/meta-data\"}"),
                400,
                "exchange.webhook.url-invalid");
        assertProblem(
                put("api/v1/exchange/webhook", token, "{\"url\":\"https://0.0.0.0:4848/management\"}"),
                400,
                "exchange.webhook.url-invalid");

        // The agency's document system: refuses as many pushes as it is told to, takes the others.
        java.util.concurrent.BlockingQueue<String[]> received = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger refusals = new AtomicInteger(1);
        com.sun.net.httpserver.HttpServer dms =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        dms.createContext("/edxml/push", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            received.add(new String[] {
                Integer.toString(status),
                exchange.getRequestHeaders().getFirst("X-Egov-Signature"),
                exchange.getRequestHeaders().getFirst("X-Egov-Delivery"),
                new String(body, StandardCharsets.UTF_8)
            });
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        dms.start();
        try {
            String url = "http://127.0.0.1:" + dms.getAddress().getPort() + "/edxml/push";
            HttpResponse<String> registered = put("api/v1/exchange/webhook", token, "{\"url\":\"" + url + "\"}");
            assertEquals(200, registered.statusCode(), registered.body());
            String secret = json(registered).asJsonObject().getString("secret");
            assertTrue(secret.matches("[0-9a-f]{64}"), secret);

            long id = sendXml(NGHE_AN, List.of(agency), new byte[] {11})
                    .getJsonNumber("id")
                    .longValue();
            String[] refused = received.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(refused, "the first push arrives");
            assertEquals("500", refused[0]);
            String[] taken = received.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(taken, "a refused push is tried again");
            assertEquals(refused[3], taken[3], "the same push, again");
            JsonObject item =
                    Json.createReader(new java.io.StringReader(taken[3])).readObject();
            assertEquals(id, item.getJsonNumber("id").longValue());
            assertEquals(NGHE_AN, item.getString("from"));
            assertNotNull(taken[2], "the delivery is named, so a system can tell a push it already has");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            assertEquals(
                    "sha256="
                            + java.util.HexFormat.of()
                                    .formatHex(mac.doFinal(taken[3].getBytes(StandardCharsets.UTF_8))),
                    taken[1],
                    "signed with the agency's key");

            // Taken by the agency's system: arrived (01), and the sender sees it.
            List<String> history = await(
                    "the sender to see the pushed document arrived (01)",
                    () -> codes(
                            json(get("api/v1/exchange/documents/" + id + "/trace", token(NGHE_AN)))
                                    .asJsonObject(),
                            agency),
                    h -> h.contains("01"));
            assertEquals(List.of("01"), history);
            JsonObject state = await(
                    "the push to be counted",
                    () -> json(get("api/v1/exchange/webhook", token)).asJsonObject(),
                    st -> st.getJsonNumber("pushed").longValue() > 0);
            assertEquals(1, state.getJsonNumber("pushed").longValue(), state.toString());
            assertFalse(state.containsKey("secret"), "the key is shown only when it is issued");
            // Pull keeps working: the pushed document is in the inbox, once.
            assertEquals(
                    1,
                    drainInbox(agency, "0").stream()
                            .filter(i -> i.getJsonNumber("id").longValue() == id)
                            .count());

            // A system down longer than the retries last: the push is abandoned, then replayed on request.
            refusals.set(2); // the IT server gives up after 2 attempts
            long second = sendXml(NGHE_AN, List.of(agency), new byte[] {13})
                    .getJsonNumber("id")
                    .longValue();
            assertEquals("500", received.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)[0]);
            assertEquals("500", received.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)[0]);
            state = await(
                    "the push to be abandoned after its last attempt",
                    () -> json(get("api/v1/exchange/webhook", token)).asJsonObject(),
                    st -> st.getJsonNumber("abandoned").longValue() > 0);
            assertEquals(1, state.getJsonNumber("abandoned").longValue(), state.toString());
            assertNull(received.poll(2, java.util.concurrent.TimeUnit.SECONDS), "an abandoned push is not tried again");
            // The axis operator sees it parked; an agency does not see the others'.
            JsonObject parked = json(get("api/v1/exchange/webhooks", token("sysadmin-client")))
                    .asJsonObject();
            assertEquals(
                    1, parked.getJsonObject(agency).getJsonNumber("abandoned").longValue(), parked.toString());
            assertFalse(parked.getJsonObject(agency).containsKey("secret"));
            assertProblem(get("api/v1/exchange/webhooks", token), 403, "auth.forbidden");
            assertProblem(
                    postJson("api/v1/exchange/webhooks/" + NGHE_AN + "/replay", token("sysadmin-client"), "{}"),
                    404,
                    "exchange.webhook.not-found");
            HttpResponse<String> replayed = send(HttpRequest.newBuilder(uri("api/v1/exchange/webhook/replay"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + token));
            assertEquals(200, replayed.statusCode(), replayed.body());
            assertEquals(
                    0, json(replayed).asJsonObject().getJsonNumber("abandoned").longValue());
            String[] replay = received.poll(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("200", replay[0]);
            assertEquals(
                    second,
                    Json.createReader(new java.io.StringReader(replay[3]))
                            .readObject()
                            .getJsonNumber("id")
                            .longValue());

            HttpResponse<String> removed = send(HttpRequest.newBuilder(uri("api/v1/exchange/webhook"))
                    .DELETE()
                    .header("Authorization", "Bearer " + token));
            assertEquals(204, removed.statusCode(), removed.body());
            assertProblem(get("api/v1/exchange/webhook", token), 404, "exchange.webhook.not-found");
            sendXml(NGHE_AN, List.of(agency), new byte[] {12});
            assertNull(received.poll(3, java.util.concurrent.TimeUnit.SECONDS), "no push once removed");
        } finally {
            dms.stop(0);
        }
    }

    @Test
    void anAgencyThatIsNeitherSenderNorRecipientIsToldTheDocumentDoesNotExist() {
        long id = sendXml(NGHE_AN, List.of(GOV_OFFICE), new byte[] {4})
                .getJsonNumber("id")
                .longValue();
        String stranger = token(THANH_HOA);
        assertProblem(get("api/v1/exchange/documents/" + id, stranger), 404, "exchange.document.not-found");
        assertProblem(get("api/v1/exchange/documents/" + id + "/trace", stranger), 404, "exchange.document.not-found");
        assertProblem(
                get("api/v1/exchange/documents/" + id + "/attachments/cid:1", stranger),
                404,
                "exchange.document.not-found");
        assertProblem(
                postJson("api/v1/exchange/documents/" + id + "/status", stranger, "{\"status\":\"01\"}"),
                404,
                "exchange.document.not-found");
        assertProblem(get("api/v1/exchange/documents/99999999", stranger), 404, "exchange.document.not-found");
        assertTrue(drainInbox(THANH_HOA, "0").stream()
                .noneMatch(i -> i.getJsonNumber("id").longValue() == id));
        assertEquals(401, get("api/v1/exchange/inbox", null).statusCode());
    }

    @Test
    void unsignedTamperedOrForeignSignedDocumentsAreRefused() {
        assertProblem(
                postXml(token(NGHE_AN), edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, new byte[] {1})),
                400,
                "exchange.signature.missing");
        assertProblem(
                postJson(
                        "api/v1/exchange/documents",
                        token(NGHE_AN),
                        json(NGHE_AN, number(), List.of(GOV_OFFICE), null)),
                400,
                "exchange.signature.missing");

        String genuine = signed(NGHE_AN, edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, new byte[] {1, 2}));
        assertProblem(
                postXml(token(NGHE_AN), genuine.replace("thiệt hại do mưa lũ", "thiệt hại do hạn hán")),
                400,
                "exchange.signature.invalid");
        String otherFile = ">" + Base64.getEncoder().encodeToString(new byte[] {1, 3}) + "<";
        String original = ">" + Base64.getEncoder().encodeToString(new byte[] {1, 2}) + "<";
        assertTrue(genuine.contains(original), genuine);
        assertProblem(
                postXml(token(NGHE_AN), genuine.replace(original, otherFile)), 400, "exchange.signature.attachment");

        String signedByHauGiang =
                signed(HAU_GIANG, edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, new byte[] {1}));
        assertProblem(postXml(token(NGHE_AN), signedByHauGiang), 400, "exchange.signature.wrong-signer");

        JsonObject receipt = json(postXml(token(NGHE_AN), genuine)).asJsonObject();
        JsonObject document = json(get(
                        "api/v1/exchange/documents/"
                                + receipt.getJsonNumber("id").longValue(),
                        token(GOV_OFFICE)))
                .asJsonObject();
        assertEquals("VALID", document.getString("signatureStatus"));
        assertTrue(document.getString("signerSubject").contains("000.00.00.H41"), document.toString());
    }

    @Test
    void theOperatorSeesEveryAgencysCountsAndAnAgencyAdministratorOnlyItsOwn() {
        // The days the send took place on, in Vietnam: a run across midnight at the end of a month counts it too.
        java.time.LocalDate sentFrom = todayInVietnam();
        sendXml(NGHE_AN, List.of(GOV_OFFICE, HAU_GIANG), new byte[] {6});
        String period = "?from=" + sentFrom + "&to=" + todayInVietnam();
        HttpResponse<String> all = get("api/v1/exchange/statistics" + period, token("sysadmin-client"));
        assertEquals(200, all.statusCode(), all.body());
        List<JsonObject> rows = json(all).asJsonArray().getValuesAs(JsonObject.class);
        JsonObject ngheAn = rows.stream()
                .filter(r -> r.getString("agency").equals(NGHE_AN))
                .findFirst()
                .orElseThrow();
        assertTrue(ngheAn.getJsonNumber("sent").longValue() >= 1, ngheAn.toString());
        assertTrue(rows.stream()
                .anyMatch(r -> r.getString("agency").equals(GOV_OFFICE)
                        && r.getJsonNumber("received").longValue() >= 1));

        List<JsonObject> own = json(get("api/v1/exchange/statistics" + period, token("000.00.00.H41-admin")))
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of(NGHE_AN), own.stream().map(r -> r.getString("agency")).toList());
        assertProblem(get("api/v1/exchange/statistics", token(NGHE_AN)), 403, "auth.forbidden");
        assertProblem(
                get(
                        "api/v1/exchange/statistics?from=" + sentFrom + "&to=" + sentFrom.minusDays(1),
                        token("sysadmin-client")),
                400,
                "exchange.period.invalid");
    }

    @Test
    void confidentialDocumentsNeverTravel() {
        assertProblem(
                postXml(token(NGHE_AN), edxml(NGHE_AN, List.of(GOV_OFFICE), number(), "Mật", new byte[] {1})),
                400,
                "exchange.document.confidential");
        assertProblem(
                postJson(
                        "api/v1/exchange/documents",
                        token(NGHE_AN),
                        json(NGHE_AN, number(), List.of(GOV_OFFICE), "Tuyệt mật")),
                400,
                "exchange.document.confidential");
        assertProblem(
                postJson(
                        "api/v1/exchange/documents",
                        token(NGHE_AN),
                        json(NGHE_AN, number(), List.of(GOV_OFFICE), "Tối mật")),
                400,
                "exchange.document.confidential");
    }

    @Test
    void invalidDocumentsAreRefusedWithTheFieldNamed() {
        assertProblem(
                postJson(
                        "api/v1/exchange/documents",
                        token(NGHE_AN),
                        json(NGHE_AN, number(), List.of("000.00.00.Z99"), null)),
                400,
                "exchange.recipient.unknown");
        assertProblem(
                postJson("api/v1/exchange/documents", token(NGHE_AN), json(NGHE_AN, number(), List.of(NGHE_AN), null)),
                400,
                "exchange.recipient.self");
        assertProblem(
                postXml(token(NGHE_AN), edxml(HAU_GIANG, List.of(GOV_OFFICE), number(), null, new byte[] {1})),
                403,
                "exchange.sender.mismatch");
        assertProblem(
                postJson(
                        "api/v1/exchange/documents",
                        token(NGHE_AN),
                        json(NGHE_AN, number(), List.of(GOV_OFFICE), null).replace("UBND-VX\",", "UBND VX!\",")),
                400,
                "exchange.notation.invalid");
        assertProblem(
                postJson("api/v1/exchange/documents", token(NGHE_AN), "{\"subject\":"), 400, "exchange.json.malformed");
    }

    @Test
    void hostileOrOversizedXmlIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><s>&secret;</s></edXML:edXML>";
        HttpResponse<String> refused = postXml(token(NGHE_AN), xxe);
        assertEquals(400, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("root:"), "nothing of the file comes back");

        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><s>&l9;</s></edXML:edXML>");
        assertEquals(400, postXml(token(NGHE_AN), bomb.toString()).statusCode());

        // The IT domains bound a request at 2 000 000 bytes (EGOV_CONFIG in ear/pom.xml). The client
        // asks first (Expect: 100-continue), as a well-behaved one does before a large upload.
        String oversized = edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, new byte[1_800_000]);
        assertProblem(
                send(HttpRequest.newBuilder(uri("api/v1/exchange/documents"))
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString(oversized, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/xml")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token(NGHE_AN))),
                413,
                "exchange.payload.too-large");
    }

    /** The server's attachment store: the folder the build configured as {@code egov.exchange.store-dir}. */
    private static java.nio.file.Path attachmentStore() {
        String dir = System.getProperty("it.exchange.store-dir");
        Assumptions.assumeTrue(dir != null, "the build names the server's attachment store (it.exchange.store-dir)");
        return java.nio.file.Path.of(dir);
    }

    /** Every file in the store (proper, staged or being written) holding these bytes. */
    private static List<java.nio.file.Path> filesHolding(byte[] content) throws java.io.IOException {
        String sha256 = java.util.HexFormat.of().formatHex(sha256(content));
        try (var walk = java.nio.file.Files.walk(attachmentStore())) {
            return walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith(sha256))
                    .toList();
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unique(String what) {
        return (what + " " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonAttachment(String contentId, String contentType, byte[] content) {
        return "{\"contentId\":\"" + contentId + "\",\"name\":\"" + contentId + ".txt\",\"contentType\":\""
                + contentType + "\",\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    @Test
    void aRefusedSendLeavesNoFileInTheAttachmentStoreWhileASentDocumentsFileIsThere() throws java.io.IOException {
        byte[] sent = unique("tờ trình đã gửi");
        sendXml(NGHE_AN, List.of(GOV_OFFICE), sent);
        assertEquals(1, filesHolding(sent).size(), "a sent document's file is in the store: " + attachmentStore());
        assertFalse(filesHolding(sent).get(0).startsWith(attachmentStore().resolve("staging")), "moved in on commit");

        // JSON: one bad attachment among good ones is refused before any file is written.
        byte[] good = unique("kế hoạch");
        byte[] alsoGood = unique("phụ lục");
        String twoGoodOneBad = json(NGHE_AN, number(), List.of(GOV_OFFICE), null)
                .replaceFirst(
                        "\"attachments\":\\[.*\\]",
                        java.util.regex.Matcher.quoteReplacement("\"attachments\":["
                                + jsonAttachment("cid:a", "text/plain", good) + ","
                                + jsonAttachment("cid:b", "pdf", new byte[] {1})
                                + "," + jsonAttachment("cid:c", "text/plain", alsoGood) + "]"));
        assertProblem(
                postJson("api/v1/exchange/documents", token(NGHE_AN), twoGoodOneBad),
                400,
                "exchange.attachment.content-type");
        // JSON: good attachments, an unknown recipient.
        String toNobody = json(NGHE_AN, number(), List.of("000.00.00.Z99"), null)
                .replaceFirst(
                        "\"attachments\":\\[.*\\]",
                        java.util.regex.Matcher.quoteReplacement(
                                "\"attachments\":[" + jsonAttachment("cid:a", "text/plain", good) + "]"));
        assertProblem(
                postJson("api/v1/exchange/documents", token(NGHE_AN), toNobody), 400, "exchange.recipient.unknown");
        // edXML: the attachment streamed into the store's staging area, then the package was refused.
        byte[] streamed = unique("gói chưa ký");
        assertProblem(
                postXml(token(NGHE_AN), edxml(NGHE_AN, List.of(GOV_OFFICE), number(), null, streamed)),
                400,
                "exchange.signature.missing");
        byte[] forged = unique("gói giả nơi gửi");
        assertProblem(
                postXml(token(NGHE_AN), edxml(HAU_GIANG, List.of(GOV_OFFICE), number(), null, forged)),
                403,
                "exchange.sender.mismatch");

        assertEquals(List.of(), filesHolding(good));
        assertEquals(List.of(), filesHolding(alsoGood));
        assertEquals(List.of(), filesHolding(streamed));
        assertEquals(List.of(), filesHolding(forged));
    }

    @Test
    void theExchangeLogVerifiesAndTamperingIsDetected() throws SQLException {
        sendXml(NGHE_AN, List.of(GOV_OFFICE), new byte[] {7});
        assertProblem(get("api/v1/exchange/log/verification", token(NGHE_AN)), 403, "auth.forbidden");
        JsonObject clean = json(get("api/v1/exchange/log/verification", token("sysadmin-client")))
                .asJsonObject();
        assertTrue(clean.getBoolean("valid"), clean.toString());
        assertTrue(clean.getJsonNumber("entries").longValue() >= 2);

        // Tampering needs a second connection to the database; the embedded one is held by the server.
        String url = System.getProperty("it.pg.url");
        Assumptions.assumeTrue(
                "postgresql".equals(System.getProperty("it.database")) && url != null,
                "tampering is exercised against PostgreSQL");
        try (Connection db = DriverManager.getConnection(
                url, System.getProperty("it.pg.user"), System.getProperty("it.pg.password"))) {
            long seq;
            String detail;
            try (ResultSet last = db.createStatement()
                    .executeQuery(
                            "SELECT seq, detail FROM exchange_log WHERE action = 'SENT' ORDER BY seq DESC LIMIT 1")) {
                assertTrue(last.next());
                seq = last.getLong(1);
                detail = last.getString(2);
            }
            try (PreparedStatement tamper = db.prepareStatement("UPDATE exchange_log SET detail = ? WHERE seq = ?")) {
                tamper.setString(1, detail.replace("UBND-VP", "UBND-VX"));
                tamper.setLong(2, seq);
                assertEquals(1, tamper.executeUpdate());
            }
            try {
                JsonObject broken = json(get("api/v1/exchange/log/verification", token("sysadmin-client")))
                        .asJsonObject();
                assertFalse(broken.getBoolean("valid"), broken.toString());
                assertEquals(seq, broken.getJsonNumber("firstBrokenSeq").longValue());
            } finally {
                try (PreparedStatement restore =
                        db.prepareStatement("UPDATE exchange_log SET detail = ? WHERE seq = ?")) {
                    restore.setString(1, detail);
                    restore.setLong(2, seq);
                    restore.executeUpdate();
                }
            }
            assertTrue(json(get("api/v1/exchange/log/verification", token("sysadmin-client")))
                    .asJsonObject()
                    .getBoolean("valid"));
        }
    }
}
