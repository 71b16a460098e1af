/**
 * What security keeps in the database: the audit log of security events (nhật ký an ninh) and the platform's own
 * secrets, such as the token signing key when no deployer sets one.
 */
package vn.egov.security.domain.model;
