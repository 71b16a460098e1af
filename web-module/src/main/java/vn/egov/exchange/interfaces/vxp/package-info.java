/**
 * The VPCP transport under {@code /vxp}: the operations of the VPCP Java SDK ({@code sendEdoc},
 * {@code getReceivedEdocList}, {@code getEdoc}, {@code updateStatus}, {@code getSentEdocList}, the
 * counters and {@code getAgenciesList}), with its signed headers, answering always 200 JSON in the
 * shape the SDK parses ({@code status}, {@code ErrorCode}, {@code ErrorDesc}).
 */
package vn.egov.exchange.interfaces.vxp;
