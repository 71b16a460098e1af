/**
 * Reporting's infrastructure: value sheets read and written as Excel (Apache POI) and CSV (Apache
 * Commons CSV), and the demo indicators, regimes and figures loaded in demo mode.
 */
package vn.egov.reporting.infrastructure;
