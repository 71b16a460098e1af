/**
 * Reporting's domain services, plain Java without a container: the roll-up of approved figures up the
 * agency tree and over periods ({@link vn.egov.reporting.domain.Rollup}) and the rule of whose figures
 * a caller sees ({@link vn.egov.reporting.domain.FigureScope}). The entities and value objects live in
 * {@code vn.egov.reporting.domain.model} (persistence module).
 */
package vn.egov.reporting.domain;
