/**
 * The directory's API under {@code /api/v1/directory}: agency search, look-up and registration.
 */
package vn.egov.directory.interfaces.rest;
