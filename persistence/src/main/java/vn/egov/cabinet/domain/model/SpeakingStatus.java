package vn.egov.cabinet.domain.model;

/** A request to speak waits in the queue, is given the floor, ends; or is withdrawn by its member. */
public enum SpeakingStatus {
    WAITING,
    SPEAKING,
    DONE,
    WITHDRAWN
}
