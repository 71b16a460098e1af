package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Biểu quyết: a named vote on an agenda item with its options ({@code code=label}, one per line, in
 * order). On close the tally is frozen into {@code tally} ({@code code=count} per line).
 */
@Entity
@Table(name = "cabinet_vote")
public class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(name = "question", nullable = false, length = 1000)
    private String question;

    @Column(name = "options", nullable = false, length = 1000)
    private String options;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private BallotStatus status = BallotStatus.OPEN;

    @Column(name = "remote_allowed", nullable = false)
    private boolean remoteAllowed;

    @Column(name = "opened_by", nullable = false, length = 64)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "tally", length = 1000)
    private String tally;

    protected Vote() {}

    public Vote(
            Long meetingId,
            Long itemId,
            String question,
            Map<String, String> options,
            boolean remoteAllowed,
            String openedBy,
            OffsetDateTime now) {
        this.meetingId = meetingId;
        this.itemId = itemId;
        this.question = question;
        this.options = lines(options);
        this.remoteAllowed = remoteAllowed;
        this.openedBy = openedBy;
        this.openedAt = now;
    }

    /** The options, code to label, in their order. */
    public Map<String, String> options() {
        return parse(options);
    }

    /** The frozen tally, code to count, once closed; empty while open. */
    public Map<String, Integer> frozenTally() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        parse(tally).forEach((code, count) -> counts.put(code, Integer.valueOf(count)));
        return counts;
    }

    public void close(Map<String, Integer> counts, OffsetDateTime now) {
        status = BallotStatus.CLOSED;
        closedAt = now;
        Map<String, String> text = new LinkedHashMap<>();
        counts.forEach((code, count) -> text.put(code, count.toString()));
        tally = lines(text);
    }

    /**
     * Whether the participant may vote in this vote: a Government member recorded present in the room, or any
     * member when the chair allowed remote voting (members away vote from their devices). The eligible count shown
     * beside the tally is the number of participants this admits, so "voted / eligible" never counts the absent.
     */
    public boolean admits(Participant participant) {
        return participant.isMember() && (participant.getAttendance() == Attendance.PRESENT || remoteAllowed);
    }

    public boolean isOpen() {
        return status == BallotStatus.OPEN;
    }

    private static String lines(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return values;
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getQuestion() {
        return question;
    }

    public BallotStatus getStatus() {
        return status;
    }

    public boolean isRemoteAllowed() {
        return remoteAllowed;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public OffsetDateTime getOpenedAt() {
        return openedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }
}
