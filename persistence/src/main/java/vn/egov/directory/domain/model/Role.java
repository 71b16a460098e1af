package vn.egov.directory.domain.model;

/**
 * What a person or partner system may do. The names are the security roles of the application
 * (Jakarta Security groups), so they are kept as constants too, for {@code @RolesAllowed}.
 */
public enum Role {
    SYSADMIN, AGENCY_ADMIN, CLERK, SPECIALIST, LEADER, CABINET_MEMBER, CABINET_SECRETARY, REPORTER,
    ANALYST, CITIZEN;

    public static final String SYSADMIN_ROLE = "SYSADMIN";
    public static final String AGENCY_ADMIN_ROLE = "AGENCY_ADMIN";
}
