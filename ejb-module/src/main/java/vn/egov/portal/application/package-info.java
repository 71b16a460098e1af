/**
 * The portal's application services, the transaction boundary: {@link
 * vn.egov.portal.application.ProcedureCatalogue} (the procedure catalogue: public search and reading,
 * maintenance and import by administrators), citizens' dossiers and their handling by agencies'
 * one-stop officers, status sync with agencies' one-stop systems, {@link
 * vn.egov.portal.application.DossierNotices} (the applicant's e-mail on every status change), and
 * the level of assurance a procedure requires of a citizen's sign-in. Other areas read a procedure
 * as the immutable {@link vn.egov.portal.application.ProcedureRecord}, whose shape is a stable
 * contract.
 */
package vn.egov.portal.application;
