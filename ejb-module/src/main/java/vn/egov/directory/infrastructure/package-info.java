/**
 * The demo directory (agencies, people and partner systems) loaded into an empty database in demo mode, so a fresh
 * installation can be tried at once.
 */
package vn.egov.directory.infrastructure;
