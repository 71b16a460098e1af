/**
 * The public service portal's model: dossiers (hồ sơ) with their steps, components, supplement
 * requests and notifications, the working-day calendar, and the procedure catalogue ({@link
 * vn.egov.portal.domain.model.Procedure}, its fields of administration {@link
 * vn.egov.portal.domain.model.ProcedureField} and the form templates the platform holds {@link
 * vn.egov.portal.domain.model.FormTemplate}).
 */
package vn.egov.portal.domain.model;
