/**
 * The directory's model: agencies (cơ quan, đơn vị) in one hierarchy keyed by their official code, the people who work
 * in them with their roles, and the partner systems that call the API. Other areas never read these entities: they go
 * through {@code vn.egov.directory.application.DirectoryService}, which answers with records.
 */
package vn.egov.directory.domain.model;
