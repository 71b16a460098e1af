/** The intranet's pages for the portal: administrators maintain the procedure catalogue. */
package vn.egov.portal.interfaces.web;
