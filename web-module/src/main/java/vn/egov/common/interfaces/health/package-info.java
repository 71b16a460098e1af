/**
 * The liveness and readiness checks (MicroProfile Health) an orchestrator asks without signing in.
 */
package vn.egov.common.interfaces.health;
