package vn.egov.common.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether requests reach this application yet. While the server starts, Payara's own health
 * endpoint answers {@code /health/ready} and runs the application's checks before the web module
 * owns "/": a database that answers then would report the platform ready while every API call
 * still gets the server's 404. The application's own {@link HealthServlet} marks it serving when
 * it first answers, and readiness needs that.
 */
@ApplicationScoped
public class ApplicationServing {

    private volatile boolean serving;

    public void markServing() {
        serving = true;
    }

    public boolean isServing() {
        return serving;
    }
}
