/**
 * Sign-in for the intranet and the API: the Jakarta Security authentication mechanism (form login and bearer tokens),
 * the login page and the security audit log page.
 */
package vn.egov.security.interfaces.web;
