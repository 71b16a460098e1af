/**
 * The portal's infrastructure: the national procedure record ({@code LayThuTuc}) read and written,
 * the CPSV-AP JSON-LD export, the store behind the catalogue, form files and the demo catalogue.
 */
package vn.egov.portal.infrastructure;
