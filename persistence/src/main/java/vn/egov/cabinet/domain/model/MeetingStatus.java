package vn.egov.cabinet.domain.model;

/**
 * A meeting is prepared as a draft, convened (invitations and dossier out to participants), held
 * and closed; it only moves forward.
 */
public enum MeetingStatus {
    DRAFT,
    CONVENED,
    IN_PROGRESS,
    CLOSED;

    public boolean mayFollow(MeetingStatus previous) {
        return ordinal() == previous.ordinal() + 1;
    }
}
