/**
 * The exchange axis's API under {@code /api/v1/exchange}: sending edXML or JSON, inboxes, status, recalls, forwarding,
 * webhooks and attachment downloads, for agencies' document-management systems.
 */
package vn.egov.exchange.interfaces.rest;
