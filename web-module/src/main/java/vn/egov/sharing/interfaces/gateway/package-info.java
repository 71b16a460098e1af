/**
 * {@code /gateway/r1/...}: the sharing platform's gateway, speaking X-Road's message protocol for
 * REST (PR-REST) to consumers and plain HTTP to providers.
 */
package vn.egov.sharing.interfaces.gateway;
