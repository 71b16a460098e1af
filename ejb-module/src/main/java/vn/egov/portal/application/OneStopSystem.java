package vn.egov.portal.application;

/**
 * Hệ thống một cửa — the agency one-stop system calling status sync: a partner client with the
 * ONE_STOP_SYSTEM role, acting for {@code agencyCode} and every agency below it.
 */
public record OneStopSystem(String clientId, String agencyCode) {}
