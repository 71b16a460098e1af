/**
 * The public service portal's services: the procedure catalogue ({@link
 * vn.egov.portal.application.ProcedureCatalogue}: public search and reading, maintenance and import by
 * administrators; other areas read a procedure as the immutable {@link
 * vn.egov.portal.application.ProcedureRecord}, whose shape is a stable contract), citizens' dossiers
 * and their handling by agencies' one-stop officers, and status sync with agencies' one-stop systems.
 */
package vn.egov.portal.application;
