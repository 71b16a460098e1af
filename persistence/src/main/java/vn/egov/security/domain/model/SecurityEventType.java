package vn.egov.security.domain.model;

/** The kinds of security event kept in the audit log. */
public enum SecurityEventType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGOUT, TOKEN_ISSUED, TOKEN_REFUSED, TOKEN_REJECTED, ACCESS_DENIED
}
