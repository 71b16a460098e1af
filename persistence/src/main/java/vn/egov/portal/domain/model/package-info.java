/**
 * The portal's persistent model: the catalogue of administrative procedures ({@link
 * vn.egov.portal.domain.model.Procedure}), their fields of administration ({@link
 * vn.egov.portal.domain.model.ProcedureField}) and the form templates the platform holds ({@link
 * vn.egov.portal.domain.model.FormTemplate}); dossiers ({@link vn.egov.portal.domain.model.Dossier})
 * with their steps, components, supplement requests and notifications, and the working-day calendar
 * ({@link vn.egov.portal.domain.model.Holiday}).
 */
package vn.egov.portal.domain.model;
