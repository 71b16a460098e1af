package vn.egov.cabinet.domain.model;

/** A vote or an opinion ballot is open for answers until it is closed; after that nothing changes. */
public enum BallotStatus {
    OPEN,
    CLOSED
}
