package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** e-Cabinet as the mobile client uses it: people with their own tokens, on the real EAR. */
@ExtendWith(ArquillianExtension.class)
class CabinetApiIT extends PlatformIT {

    private static final String PIN = "123456";
    private static final String SECRETARY = "secretary.g22";
    private static final String CHAIR = "member.tt";

    private JsonObject ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return json(response).asJsonObject();
    }

    private HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(PATIENCE)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A convened meeting with two items (a draft on the first), a guest on the second; returns ids. */
    private long[] preparedMeeting(String guest) {
        String secretary = person(SECRETARY);
        long meeting = ok(postJson("api/v1/cabinet/meetings", secretary, """
                {"kind":"REGULAR","title":"Phiên họp Chính phủ thường kỳ","startsAt":"%s",
                 "place":"Nhà Quốc hội","chair":"%s"}""".formatted(inVietnam(3, 8), CHAIR)), 201)
                .getJsonNumber("id")
                .longValue();
        long item1 = ok(
                        postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/items",
                                secretary,
                                "{\"title\":\"Dự thảo Nghị định về chính phủ số\",\"presenter\":\"000.00.00.G14\",\"minutes\":45}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        long item2 = ok(
                        postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/items",
                                secretary,
                                "{\"title\":\"Tình hình kinh tế - xã hội trong tháng\",\"presenter\":\"000.00.00.G05\",\"minutes\":60}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        long draft = ok(
                        postJson("api/v1/cabinet/items/" + item1 + "/documents", secretary, """
                {"kind":"DRAFT","title":"Dự thảo Nghị định","fileName":"du-thao-v1.txt","contentType":"text/plain",
                 "content":"%s"}""".formatted(
                                        b64("Điều 1. Phạm vi điều chỉnh"))),
                        201)
                .getJsonNumber("id")
                .longValue();
        long report = ok(
                        postJson("api/v1/cabinet/items/" + item2 + "/documents", secretary, """
                {"kind":"REPORT","title":"Báo cáo tình hình trong tháng","fileName":"bao-cao.txt","content":"%s"}""".formatted(
                                        b64("GRDP tăng 7%"))),
                        201)
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                204,
                postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/guests",
                                secretary,
                                "{\"username\":\"" + guest + "\",\"itemId\":" + item2 + "}")
                        .statusCode());
        ok(postJson("api/v1/cabinet/meetings/" + meeting + "/status", secretary, "{\"status\":\"CONVENED\"}"), 200);
        return new long[] {meeting, item1, item2, draft, report};
    }

    private void present(long meeting, String... members) {
        for (String member : members) {
            assertEquals(
                    204,
                    put(
                                    "api/v1/cabinet/meetings/" + meeting + "/attendance/" + member,
                                    person(SECRETARY),
                                    "{\"attendance\":\"PRESENT\"}")
                            .statusCode());
        }
    }

    private HttpResponse<String> vote(long voteId, String member, String option, String pin) {
        return postJson(
                "api/v1/cabinet/votes/" + voteId + "/ballots",
                person(member),
                "{\"option\":\"" + option + "\",\"pin\":\"" + pin + "\"}");
    }

    private static Map<String, Integer> tally(JsonObject voteState) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        voteState
                .getJsonArray("tally")
                .getValuesAs(JsonObject.class)
                .forEach(c -> counts.put(c.getString("option"), c.getInt("count")));
        return counts;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 1);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Follows a meeting's live events in the background, as a member's screen does. */
    private BlockingQueue<JsonObject> follow(long meeting, String member) throws Exception {
        BlockingQueue<JsonObject> states = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(uri("api/v1/cabinet/live/meetings/" + meeting))
                        .header("Authorization", "Bearer " + person(member))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: {")) {
                        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(line.substring(6)))) {
                            states.add(r.readObject());
                        }
                    }
                }
            } catch (Exception ignored) {
                // the test ended and closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return states;
    }

    private static boolean has(JsonObject object, String key) {
        return object.containsKey(key) && !object.isNull(key);
    }

    /** Waits for a live state the condition accepts. */
    private static JsonObject awaitState(
            BlockingQueue<JsonObject> states, java.util.function.Predicate<JsonObject> wanted)
            throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            JsonObject state = states.poll(500, TimeUnit.MILLISECONDS);
            if (state != null && wanted.test(state)) {
                return state;
            }
        }
        throw new AssertionError("no live state as expected within " + PATIENCE.toSeconds() + " s");
    }

    @Test
    void meetingRunsFromDraftToSignedMinutes() throws Exception {
        long[] ids = preparedMeeting("leader.g22");
        long meeting = ids[0];
        long item1 = ids[1];
        String chair = person(CHAIR);

        JsonObject detail = ok(get("api/v1/cabinet/meetings/" + meeting, person("member.g09")), 200);
        assertEquals("CONVENED", detail.getString("status"));
        assertEquals(
                30,
                detail.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                        .filter(p -> p.getString("role").equals("MEMBER"))
                        .count());
        assertTrue(detail.getJsonObject("me").getBoolean("member"));
        assertTrue(
                json(get("api/v1/cabinet/meetings", person("member.g09")))
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(x -> x.getJsonNumber("id").longValue() == meeting
                                && x.getString("myRole").equals("MEMBER")));

        // Only the chair or the secretariat runs it; a member may not start it.
        assertProblem(
                postJson(
                        "api/v1/cabinet/meetings/" + meeting + "/status",
                        person("member.g09"),
                        "{\"status\":\"IN_PROGRESS\"}"),
                403,
                "cabinet.chair.required");
        ok(postJson("api/v1/cabinet/meetings/" + meeting + "/status", chair, "{\"status\":\"IN_PROGRESS\"}"), 200);
        present(meeting, CHAIR, "member.g09", "member.g02");
        assertEquals(
                204,
                put(
                                "api/v1/cabinet/meetings/" + meeting + "/attendance/member.g18",
                                person(SECRETARY),
                                "{\"attendance\":\"ABSENT\"}")
                        .statusCode());

        BlockingQueue<JsonObject> screen = follow(meeting, "member.g02");
        awaitState(screen, s -> s.getJsonNumber("meetingId").longValue() == meeting);

        // Speaking queue: ask, see it live, get the floor, give it back.
        long request = ok(
                        postJson("api/v1/cabinet/meetings/" + meeting + "/speaking-requests", person("member.g09"), ""),
                        201)
                .getJsonNumber("id")
                .longValue();
        assertProblem(
                postJson("api/v1/cabinet/meetings/" + meeting + "/speaking-requests", person("member.g09"), ""),
                409,
                "cabinet.speaking.already-queued");
        awaitState(screen, s -> s.getJsonArray("queue").size() == 1);
        JsonObject floor = ok(
                postJson(
                        "api/v1/cabinet/meetings/" + meeting + "/floor",
                        chair,
                        "{\"requestId\":" + request + ",\"seconds\":120}"),
                200);
        assertEquals("member.g09", floor.getJsonObject("speaker").getString("username"));
        awaitState(screen, s -> has(s, "speaker"));
        ok(postJson("api/v1/cabinet/meetings/" + meeting + "/floor", chair, "{}"), 200);

        // The vote: named, signed, one per member.
        assertProblem(
                postJson(
                        "api/v1/cabinet/meetings/" + meeting + "/votes",
                        person("member.g09"),
                        "{\"itemId\":" + item1 + ",\"question\":\"Thông qua dự thảo?\"}"),
                403,
                "cabinet.chair.required");
        long voteId = ok(
                        postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/votes",
                                chair,
                                "{\"itemId\":" + item1 + ",\"question\":\"Thông qua dự thảo Nghị định?\"}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        JsonObject statement =
                ok(get("api/v1/cabinet/votes/" + voteId + "/statement?option=AGREE", person("member.g09")), 200);
        assertTrue(statement.getString("statement").contains("option: AGREE (Đồng ý)"), statement.toString());
        assertTrue(statement.getString("statement").contains("member: member.g09"));

        assertEquals(201, vote(voteId, "member.g09", "AGREE", PIN).statusCode());
        assertEquals(201, vote(voteId, "member.g02", "DISAGREE", PIN).statusCode());
        JsonObject changed = ok(vote(voteId, "member.g02", "AGREE", PIN), 201);
        assertEquals(Map.of("AGREE", 2, "DISAGREE", 0, "ABSTAIN", 0), tally(changed));
        JsonObject live = awaitState(
                screen,
                s -> has(s, "vote")
                        && s.getJsonObject("vote").getInt("voted") == 2
                        && tally(s.getJsonObject("vote")).get("AGREE") == 2);
        assertEquals("OPEN", live.getJsonObject("vote").getString("status"));

        assertProblem(vote(voteId, "member.g18", "AGREE", PIN), 403, "cabinet.vote.remote-not-allowed");
        assertProblem(vote(voteId, "leader.g22", "AGREE", PIN), 403, "cabinet.vote.members-only");
        assertProblem(vote(voteId, CHAIR, "AGREE", "000000"), 400, "cabinet.pin.invalid");
        assertProblem(vote(voteId, CHAIR, "MAYBE", PIN), 400, "cabinet.vote.option.invalid");
        // A client-made signature that is not the member's over the statement is refused.
        JsonObject chairStatement =
                ok(get("api/v1/cabinet/votes/" + voteId + "/statement?option=DISAGREE", chair), 200);
        assertProblem(
                postJson(
                        "api/v1/cabinet/votes/" + voteId + "/ballots",
                        chair,
                        "{\"option\":\"DISAGREE\",\"signedAt\":\"" + chairStatement.getString("signedAt")
                                + "\",\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[256]) + "\"}"),
                400,
                "cabinet.signature.invalid");
        assertProblem(
                postJson(
                        "api/v1/cabinet/votes/" + voteId + "/ballots",
                        chair,
                        "{\"option\":\"DISAGREE\",\"signedAt\":\""
                                + OffsetDateTime.now(ZoneOffset.UTC).minusHours(1) + "\",\"signature\":\"AAAA\"}"),
                400,
                "cabinet.statement.stale");
        assertEquals(201, vote(voteId, CHAIR, "ABSTAIN", PIN).statusCode());

        JsonObject closed = ok(postJson("api/v1/cabinet/votes/" + voteId + "/close", chair, ""), 200);
        assertEquals(Map.of("AGREE", 2, "DISAGREE", 0, "ABSTAIN", 1), tally(closed));
        assertProblem(vote(voteId, "member.g09", "DISAGREE", PIN), 409, "cabinet.vote.closed");
        awaitState(
                screen,
                s -> has(s, "vote")
                        && s.getJsonObject("vote").getString("status").equals("CLOSED"));

        // Every signed ballot, the superseded one too, re-verifies — by the server and by us.
        JsonObject view = ok(get("api/v1/cabinet/votes/" + voteId, person("member.g18")), 200);
        List<JsonObject> ballots = view.getJsonArray("ballots").getValuesAs(JsonObject.class);
        assertEquals(4, ballots.size());
        assertEquals(1, ballots.stream().filter(b -> !b.getBoolean("counted")).count());
        for (JsonObject b : ballots) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(
                            b.getString("certificate").getBytes(StandardCharsets.US_ASCII)));
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(b.getString("statement").getBytes(StandardCharsets.UTF_8));
            assertTrue(verifier.verify(Base64.getDecoder().decode(b.getString("signature"))), b.toString());
            assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=" + b.getString("username")));
        }
        long counted = ballots.stream()
                .filter(b -> b.getBoolean("counted") && b.getString("option").equals("AGREE"))
                .count();
        assertEquals(2, counted);
        JsonObject verification = ok(get("api/v1/cabinet/votes/" + voteId + "/verification", person(SECRETARY)), 200);
        assertEquals(4, verification.getInt("valid"));
        assertTrue(verification.getJsonArray("invalid").isEmpty());

        assertProblem(
                postJson(
                        "api/v1/cabinet/meetings/" + meeting + "/status",
                        person(SECRETARY),
                        "{\"status\":\"CONVENED\"}"),
                409,
                "cabinet.meeting.transition");
        ok(postJson("api/v1/cabinet/meetings/" + meeting + "/status", chair, "{\"status\":\"CLOSED\"}"), 200);

        HttpResponse<byte[]> minutes = getBytes("api/v1/cabinet/meetings/" + meeting + "/minutes", person(SECRETARY));
        assertEquals(200, minutes.statusCode());
        assertEquals(
                "application/pdf", minutes.headers().firstValue("Content-Type").orElse(""));
        String text = pdfText(minutes.body());
        assertTrue(text.contains("BIÊN BẢN PHIÊN HỌP"), text);
        assertTrue(
                text.contains("Đồng ý: 2") && text.contains("Không đồng ý: 0") && text.contains("Không biểu quyết: 1"),
                text);
        assertTrue(text.contains("Hoàng Văn Tài") && text.contains("Thông qua dự thảo Nghị định?"), text);
        assertTrue(text.contains("Vắng mặt"), text);
        assertProblem(
                send(HttpRequest.newBuilder(uri("api/v1/cabinet/meetings/" + meeting + "/minutes"))
                        .header("Accept", "application/pdf")
                        .header("Authorization", "Bearer " + person("leader.g22"))),
                403,
                "cabinet.minutes.members-only");
    }

    @Test
    void onlyParticipantsSeeTheDossierAndGuestsOnlyTheirItem() {
        long[] ids = preparedMeeting("specialist.g22");
        long meeting = ids[0];
        long draft = ids[3];
        long report = ids[4];

        // Not a participant: the meeting, its documents and their files do not exist.
        assertProblem(get("api/v1/cabinet/meetings/" + meeting, person("clerk.g22")), 404, "cabinet.meeting.not-found");
        assertProblem(
                get("api/v1/cabinet/documents/" + draft + "/file", person("clerk.g22")),
                404,
                "cabinet.document.not-found");
        assertProblem(
                get("api/v1/cabinet/live/meetings/" + meeting, person("clerk.g22")), 404, "cabinet.meeting.not-found");
        // A partner system is no person: e-Cabinet refuses it.
        assertProblem(get("api/v1/cabinet/meetings", token("000.00.00.G22")), 403, "cabinet.person.required");

        // The guest sees the agenda, the dossier of their own item only.
        JsonObject guestView = ok(get("api/v1/cabinet/meetings/" + meeting, person("specialist.g22")), 200);
        List<JsonObject> agenda = guestView.getJsonArray("agenda").getValuesAs(JsonObject.class);
        assertEquals(2, agenda.size());
        assertTrue(agenda.get(0).getJsonArray("documents").isEmpty());
        assertEquals(1, agenda.get(1).getJsonArray("documents").size());
        assertProblem(
                get("api/v1/cabinet/documents/" + draft + "/file", person("specialist.g22")),
                404,
                "cabinet.document.not-found");
        assertEquals(
                200,
                getBytes("api/v1/cabinet/documents/" + report + "/file", person("specialist.g22"))
                        .statusCode());
        assertProblem(
                postJson(
                        "api/v1/cabinet/documents/" + draft + "/comments",
                        person("specialist.g22"),
                        "{\"text\":\"x\"}"),
                404,
                "cabinet.document.not-found");

        // Members comment on the draft; the secretary records version 2 and sees every comment.
        HttpResponse<byte[]> file = getBytes("api/v1/cabinet/documents/" + draft + "/file", person("member.g09"));
        assertEquals("Điều 1. Phạm vi điều chỉnh", new String(file.body(), StandardCharsets.UTF_8));
        long first = ok(
                        postJson(
                                "api/v1/cabinet/documents/" + draft + "/comments",
                                person("member.g09"),
                                "{\"section\":\"Điều 1\",\"text\":\"Đề nghị làm rõ phạm vi\"}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        ok(
                postJson(
                        "api/v1/cabinet/documents/" + draft + "/comments",
                        person("member.g02"),
                        "{\"section\":\"Điều 1\",\"text\":\"Nhất trí với Bộ Tài chính\",\"parentId\":" + first + "}"),
                201);
        assertProblem(
                postJson("api/v1/cabinet/documents/" + draft + "/comments", person("member.g02"), "{\"text\":\"  \"}"),
                400,
                "cabinet.field.required");
        assertProblem(
                postJson(
                        "api/v1/cabinet/documents/" + report + "/comments",
                        person("member.g02"),
                        "{\"text\":\"góp ý\"}"),
                409,
                "cabinet.comment.not-a-draft");
        assertProblem(
                postJson(
                        "api/v1/cabinet/documents/" + draft + "/versions",
                        person("member.g02"),
                        "{\"fileName\":\"v2.txt\",\"content\":\"" + b64("v2") + "\"}"),
                403,
                "cabinet.secretary.required");
        assertEquals(
                2,
                ok(
                                postJson(
                                        "api/v1/cabinet/documents/" + draft + "/versions",
                                        person(SECRETARY),
                                        "{\"fileName\":\"du-thao-v2.txt\",\"content\":\""
                                                + b64("Điều 1. Phạm vi điều chỉnh (sửa)")
                                                + "\",\"note\":\"Tiếp thu ý kiến\"}"),
                                201)
                        .getInt("version"));
        assertProblem(
                postJson(
                        "api/v1/cabinet/documents/" + draft + "/comments",
                        person("member.g18"),
                        "{\"text\":\"trả lời\",\"parentId\":" + first + "}"),
                400,
                "cabinet.comment.parent.invalid");
        ok(
                postJson(
                        "api/v1/cabinet/documents/" + draft + "/comments",
                        person("member.g18"),
                        "{\"version\":2,\"text\":\"Đồng ý bản sửa\"}"),
                201);
        List<JsonObject> comments = json(get("api/v1/cabinet/documents/" + draft + "/comments", person(SECRETARY)))
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of(1, 1, 2),
                comments.stream().map(c -> c.getInt("versionNo")).toList());
        assertEquals(first, comments.get(1).getJsonNumber("parentId").longValue());
        assertEquals("Hoàng Văn Tài", comments.get(0).getString("authorName"));
        assertEquals(
                "Điều 1. Phạm vi điều chỉnh (sửa)",
                new String(
                        getBytes("api/v1/cabinet/documents/" + draft + "/file", person("member.g09"))
                                .body(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void opinionBallotIsAnsweredUntilItsDeadlineThenCounted() throws Exception {
        String secretary = person(SECRETARY);
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots",
                        person("member.g09"),
                        "{\"question\":\"q\",\"deadline\":\"" + inVietnam(30, 17) + "\"}"),
                403,
                "cabinet.secretary.required");
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots",
                        secretary,
                        "{\"question\":\"q\",\"deadline\":\"" + inVietnam(-1, 17) + "\"}"),
                400,
                "cabinet.ballot.deadline.invalid");
        // Long enough for the answers below on a busy machine; then the test waits for the ballot to close.
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(15);
        long ballot = ok(postJson("api/v1/cabinet/ballots", secretary, """
                {"question":"Ý kiến về dự thảo Nghị quyết phiên họp?","deadline":"%s",
                 "documents":[{"title":"Dự thảo Nghị quyết","fileName":"nq.txt","content":"%s"}]}""".formatted(deadline, b64("Nghị quyết"))), 201)
                .getJsonNumber("id")
                .longValue();

        assertTrue(
                json(get("api/v1/cabinet/ballots", person("member.g09")))
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(b -> b.getJsonNumber("id").longValue() == ballot
                                && b.getString("status").equals("OPEN")));
        assertProblem(get("api/v1/cabinet/ballots/" + ballot, person("clerk.g22")), 404, "cabinet.ballot.not-found");

        JsonObject statement = ok(
                get(
                        "api/v1/cabinet/ballots/" + ballot
                                + "/statement?option=OTHER&text=S%E1%BB%ADa%20%C4%90i%E1%BB%81u%202",
                        person("member.g02")),
                200);
        assertTrue(statement.getString("statement").contains("text: Sửa Điều 2"), statement.toString());
        ok(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        person("member.g09"),
                        "{\"option\":\"AGREE\",\"pin\":\"" + PIN + "\"}"),
                201);
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        person("member.g09"),
                        "{\"option\":\"DISAGREE\",\"pin\":\"" + PIN + "\"}"),
                409,
                "cabinet.ballot.already-answered");
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        person("member.g02"),
                        "{\"option\":\"OTHER\",\"pin\":\"" + PIN + "\"}"),
                400,
                "cabinet.ballot.text.required");
        ok(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        person("member.g02"),
                        "{\"option\":\"OTHER\",\"text\":\"Sửa Điều 2\",\"pin\":\"" + PIN + "\"}"),
                201);
        // While it runs a member sees only their own answer.
        JsonObject running = ok(get("api/v1/cabinet/ballots/" + ballot, person("member.g09")), 200);
        assertTrue(running.getJsonArray("answers").isEmpty());
        assertEquals("AGREE", running.getJsonObject("myAnswer").getString("option"));

        await(
                "the ballot to close at its deadline",
                () -> ok(get("api/v1/cabinet/ballots/" + ballot, person("member.g18")), 200),
                b -> b.getString("status").equals("CLOSED"));
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        person("member.g18"),
                        "{\"option\":\"AGREE\",\"pin\":\"" + PIN + "\"}"),
                409,
                "cabinet.ballot.closed");

        JsonObject result = ok(get("api/v1/cabinet/ballots/" + ballot, person("member.g18")), 200);
        assertEquals("CLOSED", result.getString("status"));
        assertEquals(Map.of("AGREE", 1, "DISAGREE", 0, "OTHER", 1), tally(result));
        assertEquals(30, result.getInt("recipients"));
        List<String> silent = result.getJsonArray("nonRespondents").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
        assertEquals(28, silent.size());
        assertTrue(silent.contains("Bùi Văn Y") && !silent.contains("Hoàng Văn Tài"), silent.toString());
        assertEquals(
                2,
                ok(get("api/v1/cabinet/ballots/" + ballot + "/verification", secretary), 200)
                        .getInt("valid"));

        HttpResponse<byte[]> pdf = getBytes("api/v1/cabinet/ballots/" + ballot + "/result", person("member.g18"));
        assertEquals(200, pdf.statusCode());
        String text = pdfText(pdf.body());
        assertTrue(
                text.contains("Thành viên chưa trả lời (28)")
                        && text.contains("Đồng ý: 1")
                        && text.contains("Ý kiến khác: 1")
                        && text.contains("Sửa Điều 2"),
                text);

        // Closing early: the secretariat only, with a reason; answers stop at once.
        long early = ok(
                        postJson(
                                "api/v1/cabinet/ballots",
                                secretary,
                                "{\"question\":\"Câu hỏi khác\",\"deadline\":\""
                                        + OffsetDateTime.now(ZoneOffset.UTC).plusDays(3) + "\"}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        assertProblem(
                postJson("api/v1/cabinet/ballots/" + early + "/close", person("member.g09"), "{\"reason\":\"x\"}"),
                403,
                "cabinet.secretary.required");
        assertProblem(
                postJson("api/v1/cabinet/ballots/" + early + "/close", secretary, "{}"),
                400,
                "cabinet.ballot.reason.required");
        JsonObject closedEarly = ok(
                postJson(
                        "api/v1/cabinet/ballots/" + early + "/close",
                        secretary,
                        "{\"reason\":\"Thủ tướng đã kết luận tại phiên họp\"}"),
                200);
        assertEquals("CLOSED", closedEarly.getString("status"));
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots/" + early + "/answers",
                        person("member.g09"),
                        "{\"option\":\"AGREE\",\"pin\":\"" + PIN + "\"}"),
                409,
                "cabinet.ballot.closed");
    }

    // ---------------------------------------------------------------- members' own certificates

    private HttpResponse<String> sendText(String method, String path, String token, String type, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type)
                .header("Accept", "application/json, application/x-pem-file")
                .header("Authorization", "Bearer " + token));
    }

    private static String signedBody(JsonObject statement, String signature) {
        return "{\"option\":\"" + statement.getString("option") + "\",\"signedAt\":\"" + statement.getString("signedAt")
                + "\",\"signature\":\"" + signature + "\"}";
    }

    @Test
    void memberRegistersTheirOwnCertificateThenSignsAVoteAndAnAnswerOnTheirDevice() throws Exception {
        String member = "member.g07";
        String token = person(member);
        String secretary = person(SECRETARY);
        KeyPair device = MemberDevice.rsa();

        // The member's device makes the key; the demo CA certifies it from a PKCS#10 request.
        String request = MemberDevice.certificateRequest(member, device);
        HttpResponse<String> issued =
                sendText("POST", "api/v1/cabinet/demo-ca/certificates", token, "application/pkcs10", request);
        assertEquals(201, issued.statusCode(), issued.body());
        String certificate = issued.body();
        assertProblem(
                sendText(
                        "POST",
                        "api/v1/cabinet/demo-ca/certificates",
                        token,
                        "application/pkcs10",
                        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
                400,
                "cabinet.certificate-request.malformed");

        // What is not a certificate of this member from a trusted CA, valid now, is refused.
        assertProblem(
                sendText("PUT", "api/v1/cabinet/me/certificate", token, "application/x-pem-file", "xin chào"),
                400,
                "cabinet.certificate.malformed");
        assertProblem(
                sendText(
                        "PUT",
                        "api/v1/cabinet/me/certificate",
                        token,
                        "application/x-pem-file",
                        MemberDevice.homeMadeCertificate(
                                "CN=" + member,
                                device,
                                Instant.now().minusSeconds(3600),
                                Instant.now().plusSeconds(86400 * 30))),
                400,
                "cabinet.certificate.untrusted");
        assertProblem(
                sendText(
                        "PUT",
                        "api/v1/cabinet/me/certificate",
                        token,
                        "application/x-pem-file",
                        MemberDevice.homeMadeCertificate(
                                "CN=" + member,
                                device,
                                Instant.now().minusSeconds(86400 * 30),
                                Instant.now().minusSeconds(86400))),
                400,
                "cabinet.certificate.expired");
        assertProblem(
                sendText(
                        "PUT",
                        "api/v1/cabinet/members/member.g08/certificate",
                        secretary,
                        "application/x-pem-file",
                        certificate),
                400,
                "cabinet.certificate.not-matching");
        assertProblem(
                sendText(
                        "PUT",
                        "api/v1/cabinet/members/" + member + "/certificate",
                        person("member.g09"),
                        "application/x-pem-file",
                        certificate),
                403,
                "cabinet.secretary.required");
        assertProblem(
                sendText(
                        "PUT",
                        "api/v1/cabinet/members/clerk.g22/certificate",
                        secretary,
                        "application/x-pem-file",
                        certificate),
                404,
                "cabinet.member.not-found");

        JsonObject registered =
                ok(sendText("PUT", "api/v1/cabinet/me/certificate", token, "application/x-pem-file", certificate), 200);
        assertEquals(member, registered.getString("username"));
        assertFalse(registered.getBoolean("remoteSigning"));
        assertEquals(
                registered.getString("sha256"),
                ok(get("api/v1/cabinet/members/" + member + "/certificate", secretary), 200)
                        .getString("sha256"));

        // A vote, signed on the member's device over the exact statement the server hands out.
        long[] ids = preparedMeeting("leader.g22");
        long meeting = ids[0];
        ok(
                postJson(
                        "api/v1/cabinet/meetings/" + meeting + "/status",
                        person(CHAIR),
                        "{\"status\":\"IN_PROGRESS\"}"),
                200);
        present(meeting, member);
        long voteId = ok(
                        postJson(
                                "api/v1/cabinet/meetings/" + meeting + "/votes",
                                person(CHAIR),
                                "{\"itemId\":" + ids[1] + ",\"question\":\"Thông qua dự thảo Nghị định?\"}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        JsonObject statement = ok(get("api/v1/cabinet/votes/" + voteId + "/statement?option=AGREE", token), 200);
        KeyPair stranger = MemberDevice.rsa();
        assertProblem(
                postJson(
                        "api/v1/cabinet/votes/" + voteId + "/ballots",
                        token,
                        signedBody(statement, MemberDevice.sign(stranger, statement.getString("statement")))),
                400,
                "cabinet.signature.invalid");
        assertProblem(vote(voteId, member, "AGREE", PIN), 409, "cabinet.remote-signing.unavailable");
        JsonObject state = ok(
                postJson(
                        "api/v1/cabinet/votes/" + voteId + "/ballots",
                        token,
                        signedBody(statement, MemberDevice.sign(device, statement.getString("statement")))),
                201);
        assertEquals(1, tally(state).get("AGREE"));
        JsonObject ballotOnRecord = ok(get("api/v1/cabinet/votes/" + voteId, token), 200)
                .getJsonArray("ballots")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(b -> b.getString("username").equals(member))
                .findFirst()
                .orElseThrow();
        assertEquals("ROOM", ballotOnRecord.getString("channel"), ballotOnRecord.toString());
        assertEquals(
                certificate.strip(), ballotOnRecord.getString("certificate").strip());
        JsonObject verification = ok(get("api/v1/cabinet/votes/" + voteId + "/verification", secretary), 200);
        assertEquals(1, verification.getInt("valid"));
        assertTrue(verification.getJsonArray("invalid").isEmpty());

        // An opinion ballot answer, the same way.
        long ballot = ok(
                        postJson(
                                "api/v1/cabinet/ballots",
                                secretary,
                                "{\"question\":\"Ý kiến về dự thảo Thông tư?\"," + "\"deadline\":\""
                                        + OffsetDateTime.now(ZoneOffset.UTC).plusDays(3) + "\"}"),
                        201)
                .getJsonNumber("id")
                .longValue();
        JsonObject answerStatement =
                ok(get("api/v1/cabinet/ballots/" + ballot + "/statement?option=AGREE", token), 200);
        assertProblem(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        token,
                        signedBody(
                                answerStatement, MemberDevice.sign(stranger, answerStatement.getString("statement")))),
                400,
                "cabinet.signature.invalid");
        ok(
                postJson(
                        "api/v1/cabinet/ballots/" + ballot + "/answers",
                        token,
                        signedBody(answerStatement, MemberDevice.sign(device, answerStatement.getString("statement")))),
                201);
        JsonObject answers = ok(get("api/v1/cabinet/ballots/" + ballot + "/verification", secretary), 200);
        assertEquals(1, answers.getInt("valid"));
        assertTrue(answers.getJsonArray("invalid").isEmpty());
    }

    @Test
    void peopleGetTokensWithTheirOwnPassword() {
        assertProblem(
                postForm(
                        "api/v1/auth/token",
                        Map.of("grant_type", "password", "username", "member.g09", "password", "wrong")),
                400,
                "auth.person.invalid");
        assertProblem(
                postForm("api/v1/auth/token", Map.of("grant_type", "password", "username", "member.g09")),
                400,
                "auth.person.missing");
        assertFalse(person("member.g09").isBlank());
        // A person's token does not open what their roles do not: members send no documents.
        assertProblem(postJson("api/v1/exchange/documents", person("member.g09"), "{}"), 403, "auth.forbidden");
    }
}
