/**
 * The directory's intranet page: the agency directory (danh bạ cơ quan) to browse and search.
 */
package vn.egov.directory.interfaces.web;
