package vn.egov.security.application;

import java.time.OffsetDateTime;

/**
 * A current lock-out as a system administrator sees it: the account or address, what kind it is
 * (PERSON, CLIENT, ADDRESS), until when, and how many lock-outs in a row it has had.
 */
public record Lockout(String subject, String kind, OffsetDateTime lockedUntil, int lockouts) {}
