package vn.egov.security.domain.model;

/**
 * The kinds of security event kept in the audit log. SIGN_IN_THROTTLED: a sign-in or token request
 * refused, unchecked, because its account or address is locked out; ACCOUNT_LOCKED: failures
 * started a lock-out (the principal is the account or address); LOCKOUT_CLEARED: an administrator
 * ended one; TOKEN_REVOKED: an access token revoked before its expiry (RFC 7009).
 */
public enum SecurityEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    TOKEN_ISSUED,
    TOKEN_REFUSED,
    TOKEN_REJECTED,
    ACCESS_DENIED,
    SIGN_IN_THROTTLED,
    ACCOUNT_LOCKED,
    LOCKOUT_CLEARED,
    TOKEN_REVOKED
}
