/**
 * The directory facade: the one way any area reads agencies and people, as records ({@code AgencyRecord},
 * {@code PersonRecord}, {@code Credentials}) and one cached agency tree, plus the directory's own search and
 * registration operations.
 */
package vn.egov.directory.application;
