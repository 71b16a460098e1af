/**
 * The e-Cabinet's API under {@code /api/v1/cabinet}: JAX-RS resources and their request bodies, handing every operation
 * to the cabinet's services.
 */
package vn.egov.cabinet.interfaces.rest;
