package vn.egov.exchange.application;

/** A recipient's status message: the code (02–06, 15, 16), a note, and who handled it. */
public record StatusReport(
        String status,
        String description,
        String staffDepartment,
        String staffName,
        String staffEmail,
        String staffMobile) {}
