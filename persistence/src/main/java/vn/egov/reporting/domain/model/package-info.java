/**
 * The reporting system's model (hệ thống thông tin báo cáo): indicators (chỉ tiêu) with their aggregation and formulas,
 * reporting regimes (chế độ báo cáo) and periods, and the reports agencies submit with their values and review status.
 */
package vn.egov.reporting.domain.model;
