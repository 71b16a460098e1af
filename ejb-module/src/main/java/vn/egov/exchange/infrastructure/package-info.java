/**
 * What the exchange axis needs from outside its model: the streaming edXML reader (QCVN 102:2016), XML signatures, and
 * the content-addressed attachment store with its staging area and sweep.
 */
package vn.egov.exchange.infrastructure;
