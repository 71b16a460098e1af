/**
 * The e-Cabinet's services, the transaction boundary of every meeting, vote and opinion-ballot operation: they check the
 * caller's role and participation, keep the members' signing keys and verify their signatures, and write the minutes
 * (biên bản).
 */
package vn.egov.cabinet.application;
