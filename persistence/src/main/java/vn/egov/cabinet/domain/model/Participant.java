package vn.egov.cabinet.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Thành phần tham dự: a Government member or an invited guest of one meeting, with attendance. A
 * guest is invited for one agenda item and sees only that item's dossier.
 */
@Entity
@Table(name = "cabinet_participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cabinet_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "agency_name", length = 200)
    private String agencyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 10)
    private ParticipantRole role;

    @Column(name = "item_id")
    private Long itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance", nullable = false, length = 12)
    private Attendance attendance = Attendance.UNKNOWN;

    @Column(name = "delegate", length = 200)
    private String delegate;

    @Column(name = "remote_voting", nullable = false)
    private boolean remoteVoting;

    protected Participant() {}

    public Participant(
            Long meetingId,
            String username,
            String fullName,
            String agencyCode,
            String agencyName,
            ParticipantRole role,
            Long itemId) {
        this.meetingId = meetingId;
        this.username = username;
        this.fullName = fullName;
        this.agencyCode = agencyCode;
        this.agencyName = agencyName;
        this.role = role;
        this.itemId = itemId;
    }

    public void record(Attendance attendance, String delegate, boolean remoteVoting) {
        this.attendance = attendance;
        this.delegate = attendance == Attendance.REPRESENTED ? delegate : null;
        this.remoteVoting = remoteVoting;
    }

    public boolean isMember() {
        return role == ParticipantRole.MEMBER;
    }

    /** Whether this participant may see the dossier of the given item. */
    public boolean sees(Long item) {
        return isMember() || (itemId != null && itemId.equals(item));
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public ParticipantRole getRole() {
        return role;
    }

    public Long getItemId() {
        return itemId;
    }

    public Attendance getAttendance() {
        return attendance;
    }

    public String getDelegate() {
        return delegate;
    }

    public boolean isRemoteVoting() {
        return remoteVoting;
    }
}
