/**
 * The portal's REST API under {@code /api/v1/portal}: the procedure catalogue, read anonymously,
 * maintained and imported by administrators; status sync for partner systems in our shape ({@code
 * /api/v1/portal/sync}) and in the DVCQG adapter's ({@code /api/v1/portal/dvcqg}); the code
 * mappings admins maintain ({@code /api/v1/portal/mappings}); citizens' and officers' dossiers.
 */
package vn.egov.portal.interfaces.rest;
