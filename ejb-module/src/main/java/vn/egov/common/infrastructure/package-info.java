/**
 * Technical pieces every area may use: the schema migrations run at start-up, X.509 certificates and PEM files, and the
 * group commit that writes many waiting requests in one transaction.
 */
package vn.egov.common.infrastructure;
