package vn.egov.cabinet.domain.model;

/** A Government member (votes, sees the whole dossier) or an invited guest (sees only their item, never votes). */
public enum ParticipantRole {
    MEMBER,
    GUEST
}
