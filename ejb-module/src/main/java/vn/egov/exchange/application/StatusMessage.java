package vn.egov.exchange.application;

import java.time.OffsetDateTime;

/**
 * A status message as edXML carries it (QCVN 102:2016 status package): who reports
 * ({@code From}), the document it answers ({@code ResponseFor}: the original DocumentId, the
 * sender's code and the notation), the status code with its description, the staff who handled
 * it, and when. No {@code To}: it goes back to the document's sender.
 */
public record StatusMessage(
        String fromCode,
        String fromName,
        String responseForDocumentId,
        String responseForOrganId,
        String responseForCode,
        String statusCode,
        String description,
        OffsetDateTime timestamp,
        String staffDepartment,
        String staffName,
        String staffEmail,
        String staffMobile) {

    /** The same status change as the JSON form of {@code POST .../status}. */
    public StatusReport report() {
        return new StatusReport(statusCode, description, staffDepartment, staffName, staffEmail, staffMobile);
    }
}
