/**
 * The reporting system's intranet pages under {@code /reporting}: report entry and review, the dashboard, and exports
 * of figures as CSV or XLSX.
 */
package vn.egov.reporting.interfaces.web;
