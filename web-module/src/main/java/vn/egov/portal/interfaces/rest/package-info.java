/**
 * The portal's REST API for partner systems: status sync in our shape ({@code /api/v1/portal/sync})
 * and in the DVCQG adapter's ({@code /api/v1/portal/dvcqg}), and the code mappings admins maintain
 * ({@code /api/v1/portal/mappings}).
 */
package vn.egov.portal.interfaces.rest;
