package vn.egov.directory.application;

import vn.egov.directory.domain.model.AgencyLevel;

/**
 * A search of the agency directory. Every criterion is optional: {@code text} matches the code or
 * the name (Vietnamese without diacritics matches too), {@code parentCode} keeps direct children of
 * one agency, {@code level} keeps one level.
 */
public record AgencySearch(String text, String parentCode, AgencyLevel level, int offset, int limit) {}
