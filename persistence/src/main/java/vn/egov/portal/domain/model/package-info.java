/**
 * The public service portal's model: dossiers (hồ sơ) with their steps, components, supplement
 * requests and notifications, the working-day calendar, and the procedure catalogue.
 */
package vn.egov.portal.domain.model;
