/**
 * The e-Cabinet's intranet pages under {@code /cabinet}: JSF beans for meetings, drafts and ballots, the live meeting's
 * event stream and the download of meeting files.
 */
package vn.egov.cabinet.interfaces.web;
