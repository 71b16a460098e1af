package vn.egov.common.interfaces.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready} in the MicroProfile Health format.
 *
 * <p>Why the application serves these itself: its web module owns the context root "/", and
 * Payara's own health endpoint is shadowed by a root application once that application has loaded.
 * The checks are still ordinary MicroProfile {@code @Readiness} / {@code @Liveness} beans.
 */
@WebServlet({"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Inject
    @Any
    private Instance<HealthCheck> checks;

    @Inject
    private ApplicationServing serving;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serving.markServing();
        String which = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<HealthCheckResponse> results = new ArrayList<>();
        switch (which) {
            case "", "/" -> {
                run(checks.select(Liveness.Literal.INSTANCE), results);
                run(checks.select(Readiness.Literal.INSTANCE), results);
            }
            case "/live" -> run(checks.select(Liveness.Literal.INSTANCE), results);
            case "/ready" -> run(checks.select(Readiness.Literal.INSTANCE), results);
            default -> {
                response.sendError(404);
                return;
            }
        }
        boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        results.forEach(r -> array.add(JSON.createObjectBuilder()
                .add("name", r.getName())
                .add("status", r.getStatus().name())));
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(JSON.createObjectBuilder()
                        .add("status", up ? "UP" : "DOWN")
                        .add("checks", array)
                        .build()
                        .toString());
    }

    private static void run(Instance<HealthCheck> selected, List<HealthCheckResponse> results) {
        for (HealthCheck check : selected) {
            try {
                results.add(check.call());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "health check failed", e);
                results.add(HealthCheckResponse.named(check.getClass().getSimpleName())
                        .down()
                        .build());
            }
        }
    }
}
