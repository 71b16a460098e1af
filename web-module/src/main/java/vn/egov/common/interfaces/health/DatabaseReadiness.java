package vn.egov.common.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.egov.common.application.PlatformStatus;

/** Ready only when the platform's database answers through the application's own pool. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    private PlatformStatus status;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(status.databaseAnswers()).build();
    }
}
