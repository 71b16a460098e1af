/**
 * What every intranet page shares: the page shell and language choice, localised Faces messages, the text-input and
 * Vietnam-time converters, bounded form posts, downloads and the error page.
 */
package vn.egov.common.interfaces.web;
