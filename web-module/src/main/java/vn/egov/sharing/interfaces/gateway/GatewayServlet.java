package vn.egov.sharing.interfaces.gateway;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.Digests;
import vn.egov.sharing.application.GatewayRefusal;
import vn.egov.sharing.application.MessageLog;
import vn.egov.sharing.application.SharingGateway;
import vn.egov.sharing.domain.model.MessageLogEntry;
import vn.egov.sharing.domain.model.RequestHash;
import vn.egov.sharing.domain.model.ServicePath;
import vn.egov.sharing.domain.model.SubsystemId;
import vn.egov.sharing.infrastructure.ProviderClient;

/**
 * The gateway: {@code {METHOD} /gateway/r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path]}
 * with X-Road's REST headers ({@code X-Road-Client} mandatory, {@code X-Road-Id} generated when
 * absent, {@code X-Road-UserId}, {@code X-Road-Issue}). The consumer's client-credentials token is
 * checked by the authentication mechanism; this servlet reads the call (bounded), asks
 * {@link SharingGateway} whether it may go through, forwards it with {@link ProviderClient}, records
 * it in the {@link MessageLog} (committed before the answer leaves) and answers with the provider's
 * answer and {@code X-Road-Request-Hash}. Its own refusals are X-Road's {@code {type, message,
 * detail}} with {@code X-Road-Error}; the provider's errors pass through unchanged. Bodies are
 * buffered, within {@code egov.sharing.max-request-bytes} and {@code max-response-bytes}, because
 * the log's digests and the request hash need the whole body before the answer starts.
 */
@WebServlet(name = "SharingGateway", urlPatterns = "/gateway/*")
public class GatewayServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(GatewayServlet.class.getName());
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    /** User ids and issues: printable ASCII, as X-Road's identifiers and our dossier codes are. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{1,100}");

    private static final Pattern ESCAPED_CONTROL = Pattern.compile("(?i)%(?:[01][0-9a-f]|7f)");
    private static final Pattern QUERY = Pattern.compile("[\\x21-\\x7e]{0,2000}");

    @Inject
    private SharingGateway gateway;

    @Inject
    private MessageLog log;

    @Inject
    private ProviderClient providers;

    @Inject
    @ConfigProperty(name = "egov.sharing.max-request-bytes", defaultValue = "4194304")
    private int maxRequestBytes;

    /** One call as it goes through: what is logged about it. */
    private static final class Exchange {
        final Instant started = Instant.now();
        String messageId = UUID.randomUUID().toString();
        String client;
        String clientAgency;
        String service;
        String providerAgency;
        String userId;
        String issue;
        String requestHash;
        String method;
        String path;
        String caller;
        byte[] body = new byte[0];
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange call = new Exchange();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        call.method = method.length() <= 10 ? method : method.substring(0, 10);
        call.path = raw.length() <= 2000 ? raw : raw.substring(0, 2000);
        call.caller = request.getUserPrincipal() == null
                ? null
                : request.getUserPrincipal().getName();
        try {
            String id = request.getHeader("X-Road-Id");
            if (id != null) {
                if (!MESSAGE_ID.matcher(id).matches()) {
                    throw GatewayRefusal.badRequest(
                            "X-Road-Id must be 1 to 100 letters, digits, dots, colons, dashes or underscores");
                }
                call.messageId = id;
            }
            call.userId = optionalHeader(request, "X-Road-UserId");
            call.issue = optionalHeader(request, "X-Road-Issue");
            call.client = request.getHeader("X-Road-Client");
            call.body = readBody(request);
            if (!raw.startsWith("/gateway/r1/")) {
                throw GatewayRefusal.badRequest(
                        "the gateway speaks X-Road's REST protocol version r1: /gateway/r1/...");
            }
            ServicePath target;
            try {
                target = ServicePath.parse(raw.substring("/gateway/r1/".length()));
            } catch (IllegalArgumentException e) {
                throw GatewayRefusal.badRequest(e.getMessage());
            }
            call.service = target.serviceId();
            call.providerAgency = target.provider().memberCode();
            SubsystemId client;
            try {
                client = SubsystemId.parse(call.client);
            } catch (IllegalArgumentException e) {
                throw GatewayRefusal.badRequest(e.getMessage());
            }
            call.clientAgency = client.memberCode();
            String query = request.getQueryString();
            if (query != null
                    && (!QUERY.matcher(query).matches()
                            || ESCAPED_CONTROL.matcher(query).find())) {
                throw GatewayRefusal.badRequest("the query must be percent-encoded, without control characters");
            }
            if (request.getUserPrincipal() == null) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"egov\"");
                throw new GatewayRefusal(
                        401,
                        "Client.Unauthorized",
                        "the call needs a member system's access token (Authorization: Bearer)");
            }
            RequestHash.Parts parts = new RequestHash.Parts(
                    method,
                    raw + (query == null ? "" : "?" + query),
                    call.client,
                    call.messageId,
                    call.userId,
                    call.issue,
                    request.getContentType());
            call.requestHash = RequestHash.of(parts, call.body);
            if (target.isMetaservice() && target.rest().isEmpty()) {
                answerMetaservice(call, client, target, query, response);
                return;
            }
            SharingGateway.Route route = gateway.authorise(client, target);
            ProviderClient.Answer answer = providers.forward(
                    URI.create(route.baseUrl() + target.rest() + (query == null ? "" : "?" + query)),
                    method,
                    forwardedHeaders(request, call),
                    call.body,
                    route.timeoutMillis());
            for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
                header.getValue().forEach(value -> response.addHeader(header.getKey(), value));
            }
            answer(call, response, answer.status(), null, answer.body());
        } catch (GatewayRefusal refusal) {
            try {
                refuse(call, raw, response, refusal);
            } catch (LogUnavailable e) {
                unrecorded(response);
            }
        } catch (LogUnavailable e) {
            unrecorded(response);
        }
    }

    /** No call is answered that the log did not record: 503, and the consumer may try again. */
    private static void unrecorded(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.reset();
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
        }
    }

    private void answerMetaservice(
            Exchange call, SubsystemId client, ServicePath target, String query, HttpServletResponse response)
            throws IOException {
        byte[] body;
        switch (target.serviceCode()) {
            case "listMethods", "allowedMethods" -> {
                List<SharingGateway.ServiceEntry> services =
                        target.serviceCode().equals("listMethods")
                                ? gateway.listMethods(client, target.provider())
                                : gateway.allowedMethods(client, target.provider());
                JsonArrayBuilder list = Json.createArrayBuilder();
                services.forEach(s -> list.add(Json.createObjectBuilder()
                        .add("object_type", "SERVICE")
                        .add("xroad_instance", s.instance())
                        .add("member_class", s.memberClass())
                        .add("member_code", s.memberCode())
                        .add("subsystem_code", s.subsystemCode())
                        .add("service_code", s.serviceCode())
                        .add("service_type", "REST")));
                body = Json.createObjectBuilder()
                        .add("service", list)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
                response.setContentType("application/json");
            }
            default -> {
                body = gateway.openApi(client, target.provider(), parameter(query, "serviceCode"))
                        .getBytes(StandardCharsets.UTF_8);
                response.setContentType(body.length > 0 && body[0] == '{' ? "application/json" : "text/yaml");
                response.setCharacterEncoding("UTF-8");
            }
        }
        answer(call, response, 200, null, body);
    }

    /** Logs the call, then answers it: no answer leaves unrecorded. */
    private void answer(Exchange call, HttpServletResponse response, int status, String errorType, byte[] body)
            throws IOException {
        record(call, status, errorType, body);
        response.setStatus(status);
        response.setHeader("X-Road-Id", call.messageId);
        response.setHeader("X-Road-Request-Id", UUID.randomUUID().toString());
        if (call.client != null) {
            response.setHeader("X-Road-Client", call.client);
        }
        if (call.service != null) {
            response.setHeader("X-Road-Service", call.service);
        }
        if (errorType != null) {
            response.setHeader("X-Road-Error", errorType);
        } else if (call.requestHash != null) {
            response.setHeader("X-Road-Request-Hash", call.requestHash);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        // Committed here, so the container's error pages never replace a provider's (or our own) error answer.
        response.flushBuffer();
    }

    private void refuse(Exchange call, String raw, HttpServletResponse response, GatewayRefusal refusal)
            throws IOException {
        byte[] body = Json.createObjectBuilder()
                .add("type", refusal.type())
                .add("message", refusal.getMessage())
                .add("detail", call.messageId)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        if (call.service == null) {
            call.service = raw.length() > 300 ? raw.substring(0, 300) : raw;
        }
        if (refusal.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        response.setContentType("application/json");
        answer(call, response, refusal.status(), refusal.type(), body);
    }

    private void record(Exchange call, int status, String errorType, byte[] answer) {
        Instant finished = Instant.now();
        try {
            log.record(new MessageLogEntry.Call(
                    call.messageId,
                    call.client == null || call.client.length() <= 200 ? call.client : call.client.substring(0, 200),
                    call.clientAgency,
                    call.caller,
                    call.service,
                    call.providerAgency,
                    call.method,
                    call.path,
                    call.userId,
                    call.issue,
                    OffsetDateTime.ofInstant(call.started, ZoneOffset.UTC),
                    Duration.between(call.started, finished).toMillis(),
                    call.body.length,
                    answer.length,
                    status,
                    errorType,
                    Digests.sha512Hex(call.body),
                    Digests.sha512Hex(answer),
                    errorType == null ? call.requestHash : null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "sharing gateway: the message log could not record call " + call.messageId, e);
            throw new LogUnavailable(e);
        }
    }

    /** The message log refused the entry: the call is answered 503 without a body, unrecorded. */
    private static final class LogUnavailable extends RuntimeException {
        LogUnavailable(Throwable cause) {
            super(cause);
        }
    }

    private String optionalHeader(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null) {
            return null;
        }
        if (!PRINTABLE.matcher(value).matches()) {
            throw GatewayRefusal.badRequest(name + " must be 1 to 100 printable ASCII characters");
        }
        return value.strip();
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw new GatewayRefusal(
                    413, "Client.RequestTooLarge", "the request body is larger than " + maxRequestBytes + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            if (body.length > maxRequestBytes) {
                throw new GatewayRefusal(
                        413, "Client.RequestTooLarge", "the request body is larger than " + maxRequestBytes + " bytes");
            }
            return body;
        }
    }

    /** The consumer's headers the provider gets, and the X-Road headers naming the call. */
    private static Map<String, List<String>> forwardedHeaders(HttpServletRequest request, Exchange call) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-road-") && !ProviderClient.NOT_FORWARDED.contains(lower)) {
                headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
            }
        }
        headers.put("X-Road-Client", List.of(call.client));
        headers.put("X-Road-Service", List.of(call.service));
        headers.put("X-Road-Id", List.of(call.messageId));
        if (call.userId != null) {
            headers.put("X-Road-UserId", List.of(call.userId));
        }
        if (call.issue != null) {
            headers.put("X-Road-Issue", List.of(call.issue));
        }
        return headers;
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw GatewayRefusal.badRequest("the query is not well percent-encoded");
                }
            }
        }
        return null;
    }
}
