/** {@code /api/v1/sharing}: the sharing platform's registry and message log, for its operator and agency administrators. */
package vn.egov.sharing.interfaces.rest;
