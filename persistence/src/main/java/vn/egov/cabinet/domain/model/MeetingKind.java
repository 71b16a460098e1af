package vn.egov.cabinet.domain.model;

/** Loại phiên họp: the regular monthly session, a thematic session (e.g. on law-making), a conference. */
public enum MeetingKind {
    REGULAR,
    THEMATIC,
    CONFERENCE
}
