package vn.egov.common.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.egov.common.application.PlatformStatus;

/**
 * Ready only when the application itself serves requests (not Payara's endpoint in its place while
 * the server starts) and the platform's database answers through the application's own pool.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    private PlatformStatus status;

    @Inject
    private ApplicationServing serving;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(ready()).build();
    }

    boolean ready() {
        return serving.isServing() && status.databaseAnswers();
    }
}
