package vn.egov.security.application;

/** An access token handed to a partner system, with its lifetime in seconds. */
public record IssuedToken(String accessToken, long expiresIn) {}
