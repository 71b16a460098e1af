/**
 * The document exchange axis's model (trục liên thông văn bản): documents sent between agencies, one delivery per
 * recipient with its status history (trạng thái xử lý), the hash-chained exchange log, the incoming register (sổ văn bản
 * đến), webhooks and the trust anchors that signatures are checked against.
 */
package vn.egov.exchange.domain.model;
