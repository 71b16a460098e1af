package vn.egov.portal.application;

import java.util.List;

/**
 * What a sync batch did, record by record in the order sent: each accepted, or refused with its
 * reason. A repeated record is accepted exactly as the first time; the counts tell what was
 * written: {@code written} records changed something, {@code notices} e-mails were queued.
 */
public record SyncAnswer(
        int received, int accepted, int refused, int written, int notices, List<RecordResult> results) {

    /** One record's fate: {@code failure} is null when it was accepted. */
    public record RecordResult(int index, String code, RecordFailure failure) {
        public boolean accepted() {
            return failure == null;
        }
    }
}
