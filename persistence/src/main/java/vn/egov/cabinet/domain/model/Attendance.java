package vn.egov.cabinet.domain.model;

/** Whether a participant came: not yet taken, present, absent, or represented by a delegate. */
public enum Attendance {
    UNKNOWN,
    PRESENT,
    ABSENT,
    REPRESENTED
}
