/**
 * The public service portal's services: the procedure catalogue, citizens' dossiers and their
 * handling by agencies' one-stop officers, and status sync with agencies' one-stop systems.
 */
package vn.egov.portal.application;
