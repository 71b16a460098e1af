/**
 * The portal's application services, the transaction boundary: {@link
 * vn.egov.portal.application.ProcedureCatalogue} (the procedure catalogue: public search and reading,
 * maintenance and import by administrators). Other areas read a procedure as the immutable {@link
 * vn.egov.portal.application.ProcedureRecord}, whose shape is a stable contract.
 */
package vn.egov.portal.application;
