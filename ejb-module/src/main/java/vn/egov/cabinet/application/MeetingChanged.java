package vn.egov.cabinet.application;

/**
 * The live state of a meeting changed: fired by the services inside their transaction, observed
 * after it commits ({@code TransactionPhase.AFTER_SUCCESS}) by {@link LiveMeetings}, which pushes
 * the new state to the screens following the meeting. A change that is rolled back pushes nothing.
 */
public record MeetingChanged(long meetingId) {}
