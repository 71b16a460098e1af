package vn.egov.cabinet.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.egov.cabinet.application.CabinetDossier;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.LiveMeetings;
import vn.egov.cabinet.application.MeetingFloor;
import vn.egov.cabinet.application.MeetingMinutes;
import vn.egov.cabinet.application.MeetingPreparation;
import vn.egov.cabinet.application.MeetingVotes;
import vn.egov.cabinet.application.MemberKeys;
import vn.egov.cabinet.application.OpinionBallots;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.DocumentKind;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.domain.model.MeetingKind;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.infrastructure.MinutesPdf;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.web.Downloads;

/**
 * e-Cabinet for the mobile client and other clients of people: {@code /api/v1/cabinet}. Callers are
 * people with their own token (password grant), so the same rules apply as in the intranet; the
 * services decide who may do what. Every change to a meeting's live state is pushed to the screens
 * following it once the change has committed: the services announce it, {@link LiveMeetings}
 * pushes it, and {@code GET live/meetings/{id}} streams it as JAX-RS server-sent events.
 */
@Path("cabinet")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.enterprise.context.ApplicationScoped
public class CabinetResource {

    @Inject
    private MeetingPreparation preparation;

    @Inject
    private MeetingFloor floor;

    @Inject
    private MeetingVotes votes;

    @Inject
    private MeetingMinutes minutes;

    @Inject
    private CabinetDossier dossier;

    @Inject
    private OpinionBallots ballots;

    @Inject
    private MemberKeys keys;

    @Inject
    private LiveMeetings live;

    private static final String PEM = "application/x-pem-file";

    private static <T> T body(T value) {
        if (value == null) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return value == null
                    ? null
                    : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "cabinet.field.invalid",
                    field + " cannot be '" + value + "'",
                    Map.of("field", field));
        }
    }

    private static Response created(String path, Object entity) {
        return Response.created(URI.create(path)).entity(entity).build();
    }

    private static byte[] base64(String content) {
        try {
            return content == null ? null : Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cabinet.content.malformed", "content must be base64");
        }
    }

    // ---------------------------------------------------------------- meetings

    @GET
    @Path("meetings")
    public List<CabinetViews.MeetingSummary> meetings(@QueryParam("q") String q) {
        return preparation.meetings(q);
    }

    @POST
    @Path("meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMeeting(CabinetRequests.NewMeeting r) {
        body(r);
        long id = preparation.create(
                parse(MeetingKind.class, r.kind, "kind"), r.title, r.startsAt, r.place, r.online, r.chair);
        return created("cabinet/meetings/" + id, Map.of("id", id));
    }

    @GET
    @Path("meetings/{id}")
    public CabinetViews.MeetingDetail meeting(@PathParam("id") long id) {
        return preparation.meetingDetail(id);
    }

    @POST
    @Path("meetings/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addItem(@PathParam("id") long id, CabinetRequests.NewItem r) {
        body(r);
        long itemId = preparation.addItem(id, r.title, r.presenter, r.startsAt, r.minutes);
        return created("cabinet/meetings/" + id, Map.of("id", itemId));
    }

    @POST
    @Path("meetings/{id}/guests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") long id, CabinetRequests.Guest r) {
        body(r);
        if (r.itemId == null) {
            throw DomainException.invalid("cabinet.field.required", "itemId is required");
        }
        preparation.invite(id, r.username, r.itemId);
        return Response.noContent().build();
    }

    @PUT
    @Path("meetings/{id}/attendance/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attendance(
            @PathParam("id") long id, @PathParam("username") String username, CabinetRequests.AttendanceRecord r) {
        body(r);
        preparation.recordAttendance(
                id, username, parse(Attendance.class, r.attendance, "attendance"), r.delegate, r.remoteVoting);
        return Response.noContent().build();
    }

    @POST
    @Path("meetings/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public CabinetViews.LiveState status(@PathParam("id") long id, CabinetRequests.StatusChange r) {
        preparation.advance(id, parse(MeetingStatus.class, body(r).status, "status"));
        return floor.liveState(id);
    }

    @POST
    @Path("meetings/{id}/current-item")
    @Consumes(MediaType.APPLICATION_JSON)
    public CabinetViews.LiveState currentItem(@PathParam("id") long id, CabinetRequests.CurrentItem r) {
        if (body(r).itemId == null) {
            throw DomainException.invalid("cabinet.field.required", "itemId is required");
        }
        floor.setCurrentItem(id, r.itemId);
        return floor.liveState(id);
    }

    @POST
    @Path("meetings/{id}/speaking-requests")
    public Response requestToSpeak(@PathParam("id") long id) {
        long requestId = floor.requestToSpeak(id);
        return created("cabinet/meetings/" + id, Map.of("id", requestId));
    }

    @DELETE
    @Path("meetings/{id}/speaking-requests/{requestId}")
    public Response withdraw(@PathParam("id") long id, @PathParam("requestId") long requestId) {
        floor.withdraw(id, requestId);
        return Response.noContent().build();
    }

    @POST
    @Path("meetings/{id}/floor")
    @Consumes(MediaType.APPLICATION_JSON)
    public CabinetViews.LiveState floor(@PathParam("id") long id, CabinetRequests.Floor r) {
        CabinetRequests.Floor turn = r == null ? new CabinetRequests.Floor() : r;
        floor.floor(id, turn.requestId, turn.seconds);
        return floor.liveState(id);
    }

    @POST
    @Path("meetings/{id}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openVote(@PathParam("id") long id, CabinetRequests.NewVote r) {
        body(r);
        if (r.itemId == null) {
            throw DomainException.invalid("cabinet.field.required", "itemId is required");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (r.options != null) {
            for (CabinetRequests.Option o : r.options) {
                if (o == null || options.put(o.code, o.label) != null) {
                    throw DomainException.invalid("cabinet.vote.options.invalid", "options need distinct codes");
                }
            }
        }
        long voteId = votes.openVote(id, r.itemId, r.question, options, r.remoteAllowed);
        return created("cabinet/votes/" + voteId, Map.of("id", voteId));
    }

    @GET
    @Path("meetings/{id}/minutes")
    @Produces("application/pdf")
    public Response minutes(@PathParam("id") long id) {
        return Response.ok(MinutesPdf.meeting(minutes.minutes(id)))
                .header("Content-Disposition", Downloads.attachment(MinutesPdf.meetingFileName(id)))
                .build();
    }

    /**
     * The meeting's live state as server-sent events: a {@code state} event (with the reconnection
     * delay) carrying the current state, then one after every committed change, and a comment line
     * every 20 s. 404 cabinet.meeting.not-found before any event for a meeting the caller may not see.
     */
    /**
     * The same address asked for JSON ({@code Accept: application/json}): the live state once, for a
     * client that polls; the stream stays the default. 404 as for the stream.
     */
    @GET
    @Path("live/meetings/{id}")
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    public CabinetViews.LiveState liveOnce(@PathParam("id") long id) {
        return floor.liveState(id);
    }

    @GET
    @Path("live/meetings/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(
            @PathParam("id") long id,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServletResponse response) {
        String snapshot = live.snapshot(id);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        LiveMeetings.Listener listener = (event, data) -> {
            if (sink.isClosed()) {
                return false;
            }
            OutboundSseEvent.Builder builder = sse.newEventBuilder();
            if (event == null) {
                builder.comment(data);
            } else {
                builder.name(event).data(String.class, data);
            }
            try {
                sink.send(builder.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                // the client has gone, or is too slow to follow: it reconnects and gets the whole state
                closeQuietly(sink);
                return false;
            }
        };
        try {
            sink.send(sse.newEventBuilder()
                            .name("state")
                            .reconnectDelay(2000)
                            .data(String.class, snapshot)
                            .build())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(sink);
            return;
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(sink);
            return;
        }
        live.subscribe(id, listener);
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already closed by the client
        }
    }

    // ---------------------------------------------------------------- votes

    @GET
    @Path("votes/{voteId}")
    public CabinetViews.VoteView vote(@PathParam("voteId") long voteId) {
        return votes.vote(voteId);
    }

    /** The exact statement to sign: JSON by default, or its bare UTF-8 bytes as text/plain. */
    @GET
    @Path("votes/{voteId}/statement")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN + ";charset=UTF-8"})
    public Response statement(
            @PathParam("voteId") long voteId,
            @QueryParam("option") String option,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return statementResponse(votes.voteStatement(voteId, option), accept);
    }

    private static Response statementResponse(CabinetViews.Statement statement, String accept) {
        if (accept != null && accept.startsWith(MediaType.TEXT_PLAIN)) {
            return Response.ok(statement.statement(), MediaType.TEXT_PLAIN + ";charset=UTF-8")
                    .header("Egov-Signed-At", statement.signedAt().toString())
                    .build();
        }
        return Response.ok(statement, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("votes/{voteId}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response castVote(@PathParam("voteId") long voteId, CabinetRequests.Signed r) {
        CabinetViews.VoteState state = votes.castVote(voteId, signed(body(r)));
        return Response.status(Response.Status.CREATED).entity(state).build();
    }

    private static CabinetViews.SignedRequest signed(CabinetRequests.Signed r) {
        return new CabinetViews.SignedRequest(r.option, r.text, r.signedAt, r.signature, r.pin);
    }

    @POST
    @Path("votes/{voteId}/close")
    public CabinetViews.VoteState closeVote(@PathParam("voteId") long voteId) {
        CabinetViews.VoteState state = votes.closeVote(voteId);
        return state;
    }

    @GET
    @Path("votes/{voteId}/verification")
    public CabinetViews.Verification verifyVote(@PathParam("voteId") long voteId) {
        return votes.verifyVote(voteId);
    }

    // ---------------------------------------------------------------- dossier

    @POST
    @Path("items/{itemId}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(
            value = "egov.cabinet.max-document-bytes",
            encoding = BodyLimit.Encoding.BASE64_IN_JSON,
            code = "cabinet.document.too-large")
    public Response addDocument(@PathParam("itemId") long itemId, CabinetRequests.File r) {
        body(r);
        long id = dossier.addDocument(
                itemId,
                parse(DocumentKind.class, r.kind, "kind"),
                r.title,
                r.fileName,
                r.contentType,
                base64(r.content));
        return created("cabinet/documents/" + id + "/file", Map.of("id", id));
    }

    @POST
    @Path("documents/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(
            value = "egov.cabinet.max-document-bytes",
            encoding = BodyLimit.Encoding.BASE64_IN_JSON,
            code = "cabinet.document.too-large")
    public Response addVersion(@PathParam("id") long id, CabinetRequests.File r) {
        body(r);
        int version = dossier.addVersion(id, r.fileName, r.contentType, base64(r.content), r.note);
        return created("cabinet/documents/" + id + "/file?version=" + version, Map.of("version", version));
    }

    @GET
    @Path("documents/{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @QueryParam("version") Integer version) {
        DocumentVersion file = dossier.file(id, version);
        return Response.ok(file.getContent(), file.getContentType())
                .header("Content-Disposition", Downloads.attachment(file.getFileName()))
                .header(
                        "Digest",
                        "sha-256="
                                + Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of().parseHex(file.getSha256())))
                .build();
    }

    @GET
    @Path("documents/{id}/comments")
    public List<CabinetViews.CommentView> comments(@PathParam("id") long id) {
        return dossier.comments(id);
    }

    @POST
    @Path("documents/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") long id, CabinetRequests.NewComment r) {
        body(r);
        CabinetViews.CommentView comment = dossier.comment(id, r.version, r.section, r.text, r.parentId);
        return created("cabinet/documents/" + id + "/comments", comment);
    }

    // ---------------------------------------------------------------- members' own certificates

    /** The caller's registered signing certificate. */
    @GET
    @Path("me/certificate")
    public CabinetViews.CertificateView myCertificate() {
        return certificateOf(null);
    }

    /** A member registers their own certificate (PEM), issued by a trusted CA. */
    @PUT
    @Path("me/certificate")
    @Consumes({PEM, MediaType.TEXT_PLAIN})
    public CabinetViews.CertificateView registerMine(String pem) {
        return keys.register(null, pem);
    }

    @GET
    @Path("members/{username}/certificate")
    public CabinetViews.CertificateView certificate(@PathParam("username") String username) {
        return certificateOf(username);
    }

    /** The secretariat registers a member's certificate for them (or the member their own). */
    @PUT
    @Path("members/{username}/certificate")
    @Consumes({PEM, MediaType.TEXT_PLAIN})
    public CabinetViews.CertificateView register(@PathParam("username") String username, String pem) {
        return keys.register(username, pem);
    }

    /** Demo mode: the demo CA certifies a key made on the member's own device (PKCS#10 request, PEM). */
    @POST
    @Path("demo-ca/certificates")
    @Consumes({"application/pkcs10", MediaType.TEXT_PLAIN})
    @Produces(PEM)
    public Response demoCertificate(String request) {
        return Response.status(Response.Status.CREATED)
                .entity(keys.issueDemoCertificate(request))
                .type(PEM)
                .build();
    }

    private CabinetViews.CertificateView certificateOf(String username) {
        return keys.registered(username)
                .orElseThrow(() -> DomainException.notFound(
                        "cabinet.certificate.not-registered",
                        "no certificate is registered for " + (username == null ? "you" : username)));
    }

    // ---------------------------------------------------------------- opinion ballots

    @GET
    @Path("ballots")
    public List<CabinetViews.BallotSummary> ballots() {
        return ballots.ballots();
    }

    @POST
    @Path("ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(
            value = "egov.cabinet.max-document-bytes",
            encoding = BodyLimit.Encoding.BASE64_IN_JSON,
            code = "cabinet.document.too-large")
    public Response issueBallot(CabinetRequests.NewBallot r) {
        body(r);
        List<OpinionBallots.Attachment> documents = new ArrayList<>();
        if (r.documents != null) {
            for (CabinetRequests.File f : r.documents) {
                if (f == null) {
                    throw DomainException.invalid("request.malformed", "a document is empty");
                }
                documents.add(new OpinionBallots.Attachment(f.title, f.fileName, f.contentType, base64(f.content)));
            }
        }
        long id = ballots.issue(r.question, r.description, r.deadline, documents);
        return created("cabinet/ballots/" + id, Map.of("id", id));
    }

    @GET
    @Path("ballots/{id}")
    public CabinetViews.BallotDetail ballot(@PathParam("id") long id) {
        return ballots.ballot(id);
    }

    @GET
    @Path("ballots/{id}/statement")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN + ";charset=UTF-8"})
    public Response ballotStatement(
            @PathParam("id") long id,
            @QueryParam("option") String option,
            @QueryParam("text") String text,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return statementResponse(ballots.statement(id, option, text), accept);
    }

    @POST
    @Path("ballots/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") long id, CabinetRequests.Signed r) {
        return Response.status(Response.Status.CREATED)
                .entity(ballots.answer(id, signed(body(r))))
                .build();
    }

    @POST
    @Path("ballots/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public CabinetViews.BallotDetail closeBallot(@PathParam("id") long id, CabinetRequests.Close r) {
        ballots.closeEarly(id, r == null ? null : r.reason);
        return ballots.ballot(id);
    }

    @GET
    @Path("ballots/{id}/verification")
    public CabinetViews.Verification verifyBallot(@PathParam("id") long id) {
        return ballots.verify(id);
    }

    @GET
    @Path("ballots/{id}/result")
    @Produces("application/pdf")
    public Response ballotResult(@PathParam("id") long id) {
        return Response.ok(MinutesPdf.ballot(ballots.result(id)))
                .header("Content-Disposition", Downloads.attachment(MinutesPdf.ballotFileName(id)))
                .build();
    }
}
