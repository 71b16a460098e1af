/**
 * The public portal's business side: what a citizen signed in through the identity provider may do, starting with the
 * level of assurance a procedure requires of the sign-in.
 */
package vn.egov.portal.application;
