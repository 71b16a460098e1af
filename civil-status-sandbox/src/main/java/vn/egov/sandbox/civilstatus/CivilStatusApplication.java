package vn.egov.sandbox.civilstatus;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The registry's interface under {@code /hotich-sandbox/api}. */
@ApplicationPath("api")
public class CivilStatusApplication extends Application {}
