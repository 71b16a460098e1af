/**
 * Who the caller is: sign-in of people and partner systems, access tokens and the key that signs them, password hashes,
 * and the security audit log every outcome that matters is written to.
 */
package vn.egov.security.application;
