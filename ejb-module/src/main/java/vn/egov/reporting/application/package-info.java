/**
 * The reporting system's services: regimes and indicators, report entry and review (duyệt báo cáo), and analytics that
 * roll the approved figures up the agency tree, scoped to what the caller may see.
 */
package vn.egov.reporting.application;
