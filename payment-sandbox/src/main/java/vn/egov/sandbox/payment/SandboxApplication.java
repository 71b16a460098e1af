package vn.egov.sandbox.payment;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The platform's messages under {@code /pp-sandbox/api}. */
@ApplicationPath("api")
public class SandboxApplication extends Application {}
