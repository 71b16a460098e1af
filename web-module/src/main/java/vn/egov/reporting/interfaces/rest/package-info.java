/**
 * The reporting system's API under {@code /api/v1/reporting}: regimes, indicators, reports and analytics.
 */
package vn.egov.reporting.interfaces.rest;
