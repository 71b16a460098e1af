package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Nội dung chương trình: one item of a meeting's agenda, in order, presented by an agency. */
@Entity
@Table(name = "cabinet_agenda_item")
public class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "presenter_code", nullable = false, length = 20)
    private String presenterCode;

    @Column(name = "presenter_name", nullable = false, length = 200)
    private String presenterName;

    @Column(name = "starts_at")
    private OffsetDateTime startsAt;

    @Column(name = "minutes")
    private Integer minutes;

    protected AgendaItem() {}

    public AgendaItem(
            Long meetingId,
            int position,
            String title,
            String presenterCode,
            String presenterName,
            OffsetDateTime startsAt,
            Integer minutes) {
        this.meetingId = meetingId;
        this.position = position;
        this.title = title;
        this.presenterCode = presenterCode;
        this.presenterName = presenterName;
        this.startsAt = startsAt;
        this.minutes = minutes;
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getPresenterCode() {
        return presenterCode;
    }

    public String getPresenterName() {
        return presenterName;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public Integer getMinutes() {
        return minutes;
    }
}
