/**
 * Reporting's API for ministries' and provinces' systems, {@code /api/v1/reporting/...}: metadata,
 * reports and uploads, review, analytics and completeness; each call handed to the EJB of its concern.
 */
package vn.egov.reporting.interfaces.rest;
