/**
 * Reporting's intranet pages under {@code /reporting/}: entering and uploading a report, reviewing
 * reports, the dashboard, and the files servlet for templates and exports.
 */
package vn.egov.reporting.interfaces.web;
