package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.MeetingPreparation;
import vn.egov.cabinet.domain.model.MeetingKind;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/** The meetings a person takes part in (the secretariat: all), and the secretariat's form for a new one. */
@Named
@ViewScoped
public class MeetingsBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    private MeetingPreparation preparation;

    private List<CabinetViews.MeetingSummary> meetings;
    private String search;
    private MeetingKind kind = MeetingKind.REGULAR;
    private String title;
    private LocalDateTime startsAt;
    private String place;
    private boolean online;
    private String chair;
    private List<CabinetViews.MemberView> members;

    /** Runs the search typed in the list's search field (empty: every meeting again). */
    public void search() {
        meetings = null;
        getMeetings();
        if (search != null && !search.isBlank()) {
            FacesMessages.info("cabinet.meetings.found", meetings.size());
        }
    }

    public List<CabinetViews.MeetingSummary> getMeetings() {
        if (meetings == null) {
            try {
                meetings = preparation.meetings(search);
            } catch (DomainException e) {
                meetings = List.of();
                FacesMessages.refusal(e);
            }
        }
        return meetings;
    }

    /** Creates the meeting and opens it. */
    public String create() {
        if (startsAt == null) {
            FacesMessages.fieldError("create:startsAt", "cabinet.startsAt.required");
            return null;
        }
        try {
            long id =
                    preparation.create(kind, title, startsAt.atZone(VIETNAM).toOffsetDateTime(), place, online, chair);
            return "/cabinet/meeting?faces-redirect=true&id=" + id;
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            return null;
        }
    }

    /** Read once per view: page getters run several times a request. */
    public List<CabinetViews.MemberView> getMembers() {
        if (members == null) {
            members = preparation.members();
        }
        return members;
    }

    public MeetingKind[] getKinds() {
        return MeetingKind.values();
    }

    public MeetingKind getKind() {
        return kind;
    }

    public void setKind(MeetingKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public boolean isOnline() {
        return online;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    public String getChair() {
        return chair;
    }

    public void setChair(String chair) {
        this.chair = chair;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
