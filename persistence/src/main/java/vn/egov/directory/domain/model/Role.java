package vn.egov.directory.domain.model;

/**
 * What a person or partner system may do. The names are the security roles of the application
 * (Jakarta Security groups), so they are kept as constants too, for {@code @RolesAllowed}.
 */
public enum Role {
    SYSADMIN,
    AGENCY_ADMIN,
    CLERK,
    SPECIALIST,
    LEADER,
    CABINET_MEMBER,
    CABINET_SECRETARY,
    REPORTER,
    ANALYST,
    /** Cán bộ một cửa: receives and handles the portal's dossiers addressed to their agency. */
    ONE_STOP_OFFICER,
    /**
     * Hệ thống một cửa: an agency's one-stop software (a partner client, never a person) reporting its
     * dossiers and their progress to the portal (status sync). Its own role, not CLERK, so that a
     * document system's credentials cannot report dossiers, nor a one-stop system's send documents.
     */
    ONE_STOP_SYSTEM,
    CITIZEN;

    public static final String SYSADMIN_ROLE = "SYSADMIN";
    public static final String AGENCY_ADMIN_ROLE = "AGENCY_ADMIN";
    public static final String CLERK_ROLE = "CLERK";
    public static final String SPECIALIST_ROLE = "SPECIALIST";
    public static final String LEADER_ROLE = "LEADER";
    public static final String CABINET_MEMBER_ROLE = "CABINET_MEMBER";
    public static final String CABINET_SECRETARY_ROLE = "CABINET_SECRETARY";
    public static final String REPORTER_ROLE = "REPORTER";
    public static final String ANALYST_ROLE = "ANALYST";
    public static final String ONE_STOP_OFFICER_ROLE = "ONE_STOP_OFFICER";
    public static final String ONE_STOP_SYSTEM_ROLE = "ONE_STOP_SYSTEM";
    public static final String CITIZEN_ROLE = "CITIZEN";

    /**
     * Not a role anyone is given but a group every signed-in caller carries, person or partner
     * system, so that "any signed-in caller" is written {@code @RolesAllowed(Role.AUTHENTICATED)}
     * like every other rule, and no service method is left without one.
     */
    public static final String AUTHENTICATED = "AUTHENTICATED";
}
