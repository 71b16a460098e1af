package vn.egov.cabinet.interfaces.rest;

import java.time.OffsetDateTime;
import java.util.List;

/** The JSON bodies the e-Cabinet API accepts (JSON-B binds public fields). */
public final class CabinetRequests {

    private CabinetRequests() {}

    public static class NewMeeting {
        public String kind;
        public String title;
        public OffsetDateTime startsAt;
        public String place;
        public boolean online;
        public String chair;
    }

    public static class NewItem {
        public String title;
        public String presenter;
        public OffsetDateTime startsAt;
        public Integer minutes;
    }

    public static class Guest {
        public String username;
        public Long itemId;
    }

    public static class AttendanceRecord {
        public String attendance;
        public String delegate;
        public boolean remoteVoting;
    }

    public static class StatusChange {
        public String status;
    }

    public static class CurrentItem {
        public Long itemId;
    }

    /** Gives the floor to a waiting request for some seconds; without requestId, ends the current turn. */
    public static class Floor {
        public Long requestId;
        public Integer seconds;
    }

    public static class Option {
        public String code;
        public String label;
    }

    public static class NewVote {
        public Long itemId;
        public String question;
        public List<Option> options;
        public boolean remoteAllowed;
    }

    /** A signed choice: signedAt and signature over the statement, or the PIN for remote signing. */
    public static class Signed {
        public String option;
        public String text;
        public OffsetDateTime signedAt;
        public String signature;
        public String pin;
    }

    public static class File {
        public String title;
        public String kind;
        public String fileName;
        public String contentType;
        /** base64 */
        public String content;

        public String note;
    }

    public static class NewComment {
        public Integer version;
        public String section;
        public String text;
        public Long parentId;
    }

    public static class NewBallot {
        public String question;
        public String description;
        public OffsetDateTime deadline;
        public List<File> documents;
    }

    public static class Close {
        public String reason;
    }
}
