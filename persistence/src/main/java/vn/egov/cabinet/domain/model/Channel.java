package vn.egov.cabinet.domain.model;

/** Where a signed choice came from: in the meeting room or remotely (a member not present). */
public enum Channel {
    ROOM,
    REMOTE
}
