/**
 * The token endpoint ({@code /api/v1/auth/token}) where partner systems and people obtain access tokens.
 */
package vn.egov.security.interfaces.rest;
