package vn.egov.common.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The partner API, version 1. Every resource is found by scanning; {@code @RolesAllowed} on
 * resource methods is enforced by Jersey's roles feature.
 */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature",
                // Problems are ours to write: no container error page instead of an entity.
                "jersey.config.server.response.setStatusOverSendError",
                true);
    }
}
