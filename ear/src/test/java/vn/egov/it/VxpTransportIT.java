package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The VPCP transport ({@code /vxp}) as the agencies' systems that use the VPCP SDK call it, with a
 * client of our own that builds the calls as the SDK does ({@link VpcpClient}), on the real EAR:
 * the same documents and statuses as {@code /api/v1/exchange}, both ways.
 */
@ExtendWith(ArquillianExtension.class)
class VxpTransportIT extends PlatformIT {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String GOV_OFFICE = "000.00.00.G22";
    private static final String ISSUED =
            todayInVietnam().format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.currentTimeMillis() % 100000) * 10);

    private static String number() {
        return Integer.toString(NUMBERS.incrementAndGet());
    }

    /** Registers a system for the agency (the operator for the Government Office, Nghệ An's administrator for its own). */
    private VpcpClient system(String agency) {
        String id = "qlvb-" + agency.substring(agency.length() - 3).toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = agency.equals(NGHE_AN)
                ? postJson(
                        "api/v1/exchange/systems",
                        token("000.00.00.H41-admin"),
                        "{\"id\":\"" + id + "\",\"name\":\"Phần mềm quản lý văn bản\"}")
                : postJson(
                        "api/v1/exchange/systems",
                        token("sysadmin-client"),
                        "{\"id\":\"" + id + "\",\"name\":\"QLVB\",\"agency\":\"" + agency + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject issued = json(created).asJsonObject();
        assertEquals(agency, issued.getString("agencyCode"));
        return new VpcpClient(HTTP, base() + "vxp", id, issued.getString("secret"));
    }

    private static String edxml(String from, String to, String number, byte[] attachment) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>%1$s</edXML:OrganId></edXML:From>
                        <edXML:To><edXML:OrganId>%2$s</edXML:OrganId></edXML:To>
                        <edXML:DocumentId>%1$s,%5$s,%3$s/UBND-VP</edXML:DocumentId>
                        <edXML:Code><edXML:CodeNumber>%3$s</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place><edXML:PromulgationDate>%5$s</edXML:PromulgationDate></edXML:PromulgationInfo>
                        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                        <edXML:Subject>V/v kết nối trục liên thông qua VPCP</edXML:Subject>
                      </edXML:MessageHeader>
                    </edXML:edXMLHeader>
                    <edXML:edXMLBody><edXML:edXMLManifest version="1.0">
                      <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>công văn.pdf</edXML:AttachmentName></edXML:Reference>
                    </edXML:edXMLManifest></edXML:edXMLBody>
                  </edXML:edXMLEnvelope>
                  <AttachmentEncoded><Attachment><ContentId>1</ContentId><edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">%4$s</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded>
                </edXML>
                """.formatted(from, to, number, Base64.getEncoder().encodeToString(attachment), ISSUED);
    }

    /** Signed with the demo key of the agency, as its document system signs before sending. */
    private byte[] signed(String agency, String xml) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/v1/exchange/demo/sign"))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + token(agency)));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject ok(VpcpClient.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonObject json = answer.json();
        assertEquals("OK", json.getString("status"), answer.body());
        assertEquals("0", json.getString("ErrorCode"), answer.body());
        assertNotNull(json.getString("ErrorDesc"));
        return json;
    }

    /** The SDK's answer shape for a refusal: 200, JSON, FAIL, the code, a text; and ASCII only. */
    private static JsonObject refused(VpcpClient.Answer answer, String code) {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertTrue(answer.body().chars().allMatch(c -> c < 0x80), "ASCII only: " + answer.body());
        JsonObject json = answer.json();
        assertEquals("FAIL", json.getString("status"), answer.body());
        assertEquals(code, json.getString("ErrorCode"), answer.body());
        assertFalse(json.getString("ErrorDesc").isBlank(), answer.body());
        return json;
    }

    private static Map<String, String> edoc(String from) {
        return Map.of("from", from, "servicetype", "eDoc", "messagetype", "edoc");
    }

    private static List<JsonObject> waiting(VpcpClient system, String messageType) {
        return ok(system.formCall("getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType)))
                .getJsonArray("data")
                .getValuesAs(JsonObject.class);
    }

    private static boolean lists(List<JsonObject> items, String docId) {
        return items.stream().anyMatch(i -> i.getString("docId").equals(docId));
    }

    private static byte[] fetch(VpcpClient system, String docId) {
        return Base64.getDecoder()
                .decode(ok(system.jsonCall("getEdoc", Map.of("docId", docId, "filePath", "/tmp/edoc")))
                        .getString("data"));
    }

    private List<String> codes(long id, String recipient) {
        JsonObject trace = json(get("api/v1/exchange/documents/" + id + "/trace", token(GOV_OFFICE)))
                .asJsonObject();
        return trace.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("to").equals(recipient))
                .flatMap(r -> r.getJsonArray("history").getValuesAs(JsonObject.class).stream())
                .map(h -> h.getString("code"))
                .toList();
    }

    @Test
    void systemsSendFetchAcknowledgeAndAnswerWithStatusMessagesThroughTheSdkTransport() {
        VpcpClient office = system(GOV_OFFICE);
        VpcpClient ngheAn = system(NGHE_AN);
        byte[] attachment = "nội dung công văn".getBytes(StandardCharsets.UTF_8);
        byte[] file = signed(GOV_OFFICE, edxml(GOV_OFFICE, NGHE_AN, number(), attachment));

        JsonObject sent = ok(office.sendEdoc(edoc(GOV_OFFICE), file));
        String docId = sent.getString("DocId");
        long id = Long.parseLong(docId);

        // Nghệ An's system pulls: counted, listed, fetched exactly as sent.
        assertTrue(ok(ngheAn.jsonCall("countReceiveEdoc", Map.of())).getInt("count") >= 1);
        JsonObject item = waiting(ngheAn, "edoc").stream()
                .filter(i -> i.getString("docId").equals(docId))
                .findFirst()
                .orElseThrow();
        assertEquals(GOV_OFFICE, item.getString("from"));
        assertEquals(NGHE_AN, item.getString("to"));
        assertEquals("edoc", item.getString("messageType"));
        assertArrayEquals(file, fetch(ngheAn, docId), "the package exactly as sent");

        // fail: still waiting, and the operator sees it in the trace; done: taken, 01 once.
        ok(ngheAn.jsonCall("updateStatus", Map.of("docId", docId, "status", "fail")));
        assertTrue(lists(waiting(ngheAn, "edoc"), docId));
        JsonObject line = json(get("api/v1/exchange/documents/" + id, token(NGHE_AN)))
                .asJsonObject()
                .getJsonArray("deliveries")
                .getJsonObject(0);
        assertEquals("fail", line.getString("transport"), line.toString());
        ok(ngheAn.jsonCall("updateStatus", Map.of("docId", docId, "status", "done")));
        ok(ngheAn.jsonCall("updateStatus", Map.of("docId", docId, "status", "done")));
        assertFalse(lists(waiting(ngheAn, "edoc"), docId));
        assertEquals(List.of("01"), codes(id, NGHE_AN));

        // The Government Office's system receives the 01 as a status message, and takes it.
        JsonObject arrived = await(
                        "the status message 01",
                        () -> waiting(office, "status"),
                        items -> items.stream()
                                .anyMatch(i -> i.getString("status").equals("01")
                                        && i.getString("from").equals(NGHE_AN)))
                .stream()
                .filter(i -> i.getString("status").equals("01")
                        && i.getString("from").equals(NGHE_AN))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("status", arrived.getString("messageType"));
        String status01 = new String(fetch(office, arrived.getString("docId")), StandardCharsets.UTF_8);
        assertTrue(status01.contains("<edXML:StatusCode>01</edXML:StatusCode>"), status01);
        String documentId = GOV_OFFICE + "," + ISSUED + ",";
        assertTrue(status01.contains("<edXML:DocumentId>" + documentId), status01);
        assertTrue(ok(office.jsonCall("countReceiveStatus", Map.of())).getInt("count") >= 1);
        ok(office.jsonCall("updateStatus", Map.of("docId", arrived.getString("docId"), "status", "done")));
        assertFalse(lists(waiting(office, "status"), arrived.getString("docId")));

        // Nghệ An registers it (03) with a status edXML through /vxp, as a real client's message.
        String realDocumentId = json(get("api/v1/exchange/documents/" + id, token(NGHE_AN)))
                .asJsonObject()
                .getString("documentId");
        byte[] acceptance = realSample("status_acceptance_03.edxml")
                .replace(
                        "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>",
                        "<edXML:DocumentId>" + realDocumentId + "</edXML:DocumentId>")
                .getBytes(StandardCharsets.UTF_8);
        JsonObject statusSent = ok(
                ngheAn.sendEdoc(Map.of("from", NGHE_AN, "servicetype", "eDoc", "messagetype", "status"), acceptance));
        assertTrue(statusSent.getString("DocId").startsWith("s"), statusSent.toString());
        assertEquals(List.of("01", "03"), codes(id, NGHE_AN));

        // ... which the Government Office's system receives, and follows in its sent list.
        assertTrue(waiting(office, "status").stream()
                .anyMatch(i -> i.getString("status").equals("03")
                        && i.getString("docId").equals(statusSent.getString("DocId"))));
        List<JsonObject> sentList = ok(office.formCall(
                        "getSentEdocList", Map.of("docId", docId, "servicetype", "eDoc", "messagetype", "edoc")))
                .getJsonArray("data")
                .getValuesAs(JsonObject.class);
        assertEquals(1, sentList.size(), sentList.toString());
        assertEquals(NGHE_AN, sentList.get(0).getString("toCode"));
        assertEquals(GOV_OFFICE, sentList.get(0).getString("fromCode"));
        assertEquals(docId, sentList.get(0).getString("senderDocId"));
        assertEquals("03", sentList.get(0).getString("receiveStatus"));
        assertEquals("done", sentList.get(0).getString("sendStatus"));
        assertTrue(sentList.get(0).getString("notation").endsWith("/UBND-VP"));

        // Nghệ An's system cannot see the other's sent list entry, nor acknowledge a status meant for it.
        refused(ngheAn.formCall("getSentEdocList", Map.of("docId", docId)), "exchange.document.not-found");
        refused(
                ngheAn.jsonCall("updateStatus", Map.of("docId", arrived.getString("docId"), "status", "done")),
                "vxp.status.not-yours");

        // The agencies of the axis.
        assertTrue(
                ok(office.formCall("getAgenciesList", Map.of()))
                        .getJsonArray("data")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(a -> a.getString("code").equals(NGHE_AN)));
    }

    @Test
    void aDocumentIsTheSameDocumentThroughEitherApi() {
        VpcpClient office = system(GOV_OFFICE);
        // Sent through /vxp, received through /api/v1: in the inbox, the package as sent, statuses back.
        byte[] file = signed(GOV_OFFICE, edxml(GOV_OFFICE, NGHE_AN, number(), new byte[] {1, 2, 3}));
        long id = Long.parseLong(ok(office.sendEdoc(edoc(GOV_OFFICE), file)).getString("DocId"));
        HttpResponse<byte[]> pack =
                sendBytes(HttpRequest.newBuilder(uri("api/v1/exchange/documents/" + id + "/package"))
                        .header("Authorization", "Bearer " + token(NGHE_AN)));
        assertEquals(200, pack.statusCode());
        assertArrayEquals(file, pack.body());
        HttpResponse<String> registered =
                postJson("api/v1/exchange/documents/" + id + "/status", token(NGHE_AN), "{\"status\":\"01\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(await(
                                "the 01 reported through the API, as a status message",
                                () -> waiting(office, "status"),
                                items -> items.stream()
                                        .anyMatch(i -> i.getString("from").equals(NGHE_AN)
                                                && i.getString("status").equals("01")))
                        .size()
                >= 1);

        // Sent through /api/v1 (signed edXML), received through /vxp: listed, the package as sent, taken.
        byte[] viaApi =
                signed(NGHE_AN, edxml(NGHE_AN, GOV_OFFICE, number(), "kế hoạch".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("api/v1/exchange/documents"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(viaApi))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + token(NGHE_AN)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String docId =
                Long.toString(json(accepted).asJsonObject().getJsonNumber("id").longValue());
        assertTrue(lists(waiting(office, "edoc"), docId));
        assertArrayEquals(viaApi, fetch(office, docId));
        ok(office.jsonCall("updateStatus", Map.of("docId", docId, "status", "done")));
        JsonObject trace = json(get("api/v1/exchange/documents/" + docId + "/trace", token(NGHE_AN)))
                .asJsonObject();
        assertEquals(
                "01",
                trace.getJsonArray("recipients")
                        .getJsonObject(0)
                        .getJsonArray("history")
                        .getJsonObject(0)
                        .getString("code"),
                trace.toString());
    }

    @Test
    void callsNotSignedAsTheSdkSignsThemAreRefusedInTheSdksAnswerShape() throws Exception {
        VpcpClient office = system(GOV_OFFICE);
        byte[] file = signed(GOV_OFFICE, edxml(GOV_OFFICE, NGHE_AN, number(), new byte[] {9}));

        VpcpClient wrongSecret = new VpcpClient(HTTP, base() + "vxp", office.systemId, office.secret + "x");
        refused(wrongSecret.formCall("getReceivedEdocList", Map.of("messagetype", "edoc")), "vxp.signature.invalid");
        refused(wrongSecret.sendEdoc(edoc(GOV_OFFICE), file), "vxp.signature.invalid");

        VpcpClient stale = new VpcpClient(HTTP, base() + "vxp", office.systemId, office.secret);
        stale.timestamp = VpcpClient.timestampOf(new Date(System.currentTimeMillis() - 2 * 3600_000L));
        refused(stale.formCall("getReceivedEdocList", Map.of("messagetype", "edoc")), "vxp.timestamp.stale");
        stale.timestamp = "yesterday";
        refused(stale.formCall("getReceivedEdocList", Map.of("messagetype", "edoc")), "vxp.timestamp.invalid");

        int before = ok(office.formCall("getSentEdocList", Map.of()))
                .getJsonArray("data")
                .size();
        Map<String, String> wrongHash = new java.util.HashMap<>(edoc(GOV_OFFICE));
        wrongHash.put("hash-file", VpcpClient.hashFile("another file".getBytes(StandardCharsets.UTF_8)));
        refused(office.sendEdoc(wrongHash, file), "vxp.hash-file.mismatch");
        assertEquals(
                before,
                ok(office.formCall("getSentEdocList", Map.of()))
                        .getJsonArray("data")
                        .size(),
                "nothing was sent");

        VpcpClient unknown = new VpcpClient(HTTP, base() + "vxp", "no-such-system-" + number(), "secret");
        refused(unknown.formCall("getReceivedEdocList", Map.of("messagetype", "edoc")), "vxp.system.unknown");

        VpcpClient tampered = new VpcpClient(HTTP, base() + "vxp", office.systemId, office.secret);
        tampered.tamper.put("XroadVnpt-messagetype", "status");
        refused(
                tampered.formCall("getReceivedEdocList", Map.of("messagetype", "edoc")),
                "vxp.signature.header-mismatch");

        // Not JSON, yet signed: refused as a mismatch, not a failure.
        VpcpClient notJson = new VpcpClient(HTTP, base() + "vxp", office.systemId, office.secret);
        notJson.tamper.put("XroadVnpt-sign-header", "{not json");
        notJson.tamper.put("XroadVnpt-hash-header", VpcpClient.hmacHex(office.secret, "{not json"));
        refused(notJson.formCall("getReceivedEdocList", Map.of()), "vxp.signature.header-mismatch");

        // No headers at all, an unknown operation, a wrong method, a body beyond the limit: JSON, never a page.
        refused(
                office.send(HttpRequest.newBuilder(uri("vxp/getReceivedEdocList"))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                "vxp.system.missing");
        refused(office.formCall("noSuchOperation", Map.of()), "vxp.operation.unknown");
        refused(office.send(HttpRequest.newBuilder(uri("vxp/no/such/path")).GET()), "vxp.operation.unknown");
        refused(office.send(HttpRequest.newBuilder(uri("vxp")).GET()), "vxp.operation.unknown");
        refused(office.send(HttpRequest.newBuilder(uri("vxp/sendEdoc")).GET()), "vxp.method.not-allowed");
        refused(
                office.send(HttpRequest.newBuilder(uri("vxp/updateStatus"))
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())),
                "vxp.method.not-allowed");
        refused(oversized(office), "exchange.payload.too-large");

        // A rotated secret: the old one refused at once, the new one works; the list never shows one.
        HttpResponse<String> rotated =
                postJson("api/v1/exchange/systems/" + office.systemId + "/secret", token("sysadmin-client"), "{}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        refused(office.formCall("getReceivedEdocList", Map.of()), "vxp.signature.invalid");
        office.secret = json(rotated).asJsonObject().getString("secret");
        ok(office.formCall("getReceivedEdocList", Map.of()));
        HttpResponse<String> listed = get("api/v1/exchange/systems", token("sysadmin-client"));
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(office.systemId) && !listed.body().contains(office.secret), listed.body());
        assertEquals(
                404,
                postJson("api/v1/exchange/systems/" + office.systemId + "/secret", token("000.00.00.H41-admin"), "{}")
                        .statusCode(),
                "another agency's system does not exist for Nghệ An's administrator");
    }

    /** A sendEdoc declaring a body beyond the payload limit, answered before the body is read. */
    private VpcpClient.Answer oversized(VpcpClient system) throws Exception {
        StringBuilder signed = new StringBuilder();
        system.signedHeaders(
                        Map.of("from", GOV_OFFICE, "servicetype", "eDoc", "messagetype", "edoc", "hash-file", "0"),
                        "application/octet-stream")
                .forEach((name, value) ->
                        signed.append(name).append(": ").append(value).append("\r\n"));
        try (Socket socket = new Socket(deploymentUrl.getHost(), deploymentUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + deploymentUrl.getPath().replaceAll("/$", "") + "/vxp/sendEdoc HTTP/1.1\r\n"
                            + "Host: " + deploymentUrl.getHost() + "\r\n"
                            + signed
                            + "Content-Length: 900000000\r\nConnection: close\r\n\r\n<edXML")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(.*)$").matcher(head);
            String body = raw.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
            }
            return new VpcpClient.Answer(
                    Integer.parseInt(head.substring(9, 12)),
                    type.find() ? type.group(1).trim() : "",
                    body);
        }
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String realSample(String name) {
        try {
            return java.nio.file.Files.readString(
                    java.nio.file.Path.of("..", "ejb-module", "src", "test", "resources", "edxml", "real", name),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A real sample, from the Government Office to Nghệ An only, with a DocumentId of this run. */
    private static String fromOfficeToNgheAn(String sample, String documentId) {
        String from = sample.replaceFirst(
                "(?s)(<edXML:From>\\s*<edXML:OrganId>)[^<]*(</edXML:OrganId>)", "$1" + GOV_OFFICE + "$2");
        String header = from.substring(0, from.indexOf("</edXML:MessageHeader>"));
        String rest = from.substring(header.length());
        header = header.replaceAll("(?s)<edXML:To>.*?</edXML:To>\\s*", "")
                .replaceFirst(
                        "</edXML:From>",
                        "</edXML:From><edXML:To><edXML:OrganId>" + NGHE_AN + "</edXML:OrganId></edXML:To>")
                .replaceFirst(
                        "(?s)(</edXML:To>\\s*<edXML:DocumentId>)[^<]*(</edXML:DocumentId>)", "$1" + documentId + "$2");
        return header + rest;
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("(?s)<(?:edXML:)?" + element + "(?:\\s[^>]*)?>(.*?)</(?:edXML:)?" + element + ">")
                .matcher(xml);
        assertTrue(m.find(), element + " in the sample");
        return m.group(1);
    }

    @Test
    void everyRealDocumentTravelsThroughTheSdkTransportWithItsValuesAttachmentsAndPackage() {
        VpcpClient office = system(GOV_OFFICE);
        VpcpClient ngheAn = system(NGHE_AN);
        for (String name : List.of(
                "edoc_new.edxml",
                "edoc_update.edxml",
                "edoc_replacement.edxml",
                "edoc_revocation.edxml",
                "dc0bdef0-c7a3-4aaf-b717-777303442973.edxml")) {
            String sample = realSample(name);
            String documentId = UUID.randomUUID().toString();
            String xml = fromOfficeToNgheAn(sample, documentId);
            assertTrue(xml.contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId>"), name);
            byte[] file = signed(GOV_OFFICE, xml);

            String docId = ok(office.sendEdoc(edoc(GOV_OFFICE), file)).getString("DocId");
            assertTrue(lists(waiting(ngheAn, "edoc"), docId), name);
            assertArrayEquals(file, fetch(ngheAn, docId), name + ": the package exactly as sent");
            ok(ngheAn.jsonCall("updateStatus", Map.of("docId", docId, "status", "done")));

            JsonObject document = json(get("api/v1/exchange/documents/" + docId, token(NGHE_AN)))
                    .asJsonObject();
            assertEquals(documentId, document.getString("documentId"), name);
            assertEquals(first(sample, "Subject"), document.getString("subject"), name);
            assertEquals(first(sample, "CodeNotation"), document.getString("codeNotation"), name);
            assertEquals(first(sample, "CodeNumber"), document.getString("codeNumber"), name);
            JsonObject attachment = document.getJsonArray("attachments").getJsonObject(0);
            byte[] expected = Base64.getMimeDecoder().decode(first(sample, "ContentTransferEncoded"));
            HttpResponse<byte[]> content = sendBytes(HttpRequest.newBuilder(uri(
                            "api/v1/exchange/documents/" + docId + "/attachments/" + attachment.getString("contentId")))
                    .header("Authorization", "Bearer " + token(NGHE_AN)));
            assertEquals(200, content.statusCode(), name);
            assertArrayEquals(expected, content.body(), name + ": the attachment's bytes");
        }
    }

    @Test
    void ordersOnASentDocumentReuseItsDocumentIdAndActOnItWhileATrueRepeatStaysADuplicate() {
        VpcpClient office = system(GOV_OFFICE);
        VpcpClient ngheAn = system(NGHE_AN);
        String documentId = UUID.randomUUID().toString();
        byte[] original = signed(GOV_OFFICE, fromOfficeToNgheAn(realSample("edoc_new.edxml"), documentId));
        String first = ok(office.sendEdoc(edoc(GOV_OFFICE), original)).getString("DocId");
        assertEquals(first, ok(office.sendEdoc(edoc(GOV_OFFICE), original)).getString("DocId"), "a true repeat");

        // 2, update: a document of its own with the same DocumentId; the original is superseded by it.
        byte[] update = signed(GOV_OFFICE, fromOfficeToNgheAn(realSample("edoc_update.edxml"), documentId));
        String updated = ok(office.sendEdoc(edoc(GOV_OFFICE), update)).getString("DocId");
        assertFalse(updated.equals(first), "an update is not a duplicate");
        assertEquals(updated, ok(office.sendEdoc(edoc(GOV_OFFICE), update)).getString("DocId"), "nor twice a new one");
        // (Before Nghệ An reads it through the API, which would mark it arrived.)
        assertTrue(lists(waiting(ngheAn, "edoc"), updated), "the order is delivered like a document");
        JsonObject order = json(get("api/v1/exchange/documents/" + updated, token(NGHE_AN)))
                .asJsonObject();
        assertEquals(documentId, order.getString("documentId"));
        assertEquals("UPDATE", order.getString("businessType"));
        assertEquals(1, order.getInt("revision"));
        assertEquals(
                Long.parseLong(updated),
                json(get("api/v1/exchange/documents/" + first, token(GOV_OFFICE)))
                        .asJsonObject()
                        .getJsonNumber("supersededBy")
                        .longValue());

        // 3, replace: the same, the latest order supersedes it.
        String replaced = ok(office.sendEdoc(
                        edoc(GOV_OFFICE),
                        signed(GOV_OFFICE, fromOfficeToNgheAn(realSample("edoc_replacement.edxml"), documentId))))
                .getString("DocId");
        assertEquals(
                Long.parseLong(replaced),
                json(get("api/v1/exchange/documents/" + first, token(GOV_OFFICE)))
                        .asJsonObject()
                        .getJsonNumber("supersededBy")
                        .longValue());

        // 1, revoke: the original's recipient is asked for it back (13), and told so by a status message.
        String revoking = ok(office.sendEdoc(
                        edoc(GOV_OFFICE),
                        signed(GOV_OFFICE, fromOfficeToNgheAn(realSample("edoc_revocation.edxml"), documentId))))
                .getString("DocId");
        assertFalse(List.of(first, updated, replaced).contains(revoking));
        assertTrue(codes(Long.parseLong(first), NGHE_AN).contains("13"));
        assertTrue(waiting(ngheAn, "status").stream()
                .anyMatch(i -> i.getString("status").equals("13")
                        && i.getString("from").equals(GOV_OFFICE)));
        assertEquals(
                "RECALL",
                json(get("api/v1/exchange/documents/" + revoking, token(NGHE_AN)))
                        .asJsonObject()
                        .getString("businessType"));
    }
}
