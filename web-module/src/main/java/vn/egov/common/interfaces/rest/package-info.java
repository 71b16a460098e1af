/**
 * What every API resource shares: the JAX-RS application, the one mapper from domain exceptions to RFC 9457
 * problem+json, strict JSON and parameter binding, body limits and the OpenAPI document.
 */
package vn.egov.common.interfaces.rest;
