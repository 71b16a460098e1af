/**
 * The portal's REST API under {@code /api/v1/portal}: the procedure catalogue, read anonymously,
 * maintained and imported by administrators.
 */
package vn.egov.portal.interfaces.rest;
