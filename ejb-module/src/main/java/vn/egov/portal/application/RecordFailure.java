package vn.egov.portal.application;

/**
 * Why one record of a sync batch was refused: a stable code (with a text in the message bundles),
 * an English detail, and the field at fault when there is one. The other records of the batch are
 * not affected.
 */
public record RecordFailure(String code, String message, String field) {

    public static RecordFailure of(String code, String message) {
        return new RecordFailure(code, message, null);
    }
}
