/**
 * Reporting's application services, the transaction boundary, one EJB per concern:
 * {@link vn.egov.reporting.application.ReportingDefinitions} (indicators, regimes, targets),
 * {@link vn.egov.reporting.application.ReportSubmissions} (submission, upload, review),
 * {@link vn.egov.reporting.application.ReportingAnalytics} (figures and completeness) and
 * {@link vn.egov.reporting.application.ReportingExports} (templates and exported tables). The roll-up
 * itself is the plain domain service {@link vn.egov.reporting.domain.Rollup}.
 */
package vn.egov.reporting.application;
