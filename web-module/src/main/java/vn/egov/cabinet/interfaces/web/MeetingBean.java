package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;
import vn.egov.cabinet.application.CabinetDossier;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.cabinet.application.CabinetViews.SignedRequest;
import vn.egov.cabinet.application.MeetingFloor;
import vn.egov.cabinet.application.MeetingPreparation;
import vn.egov.cabinet.application.MeetingVotes;
import vn.egov.cabinet.domain.model.Attendance;
import vn.egov.cabinet.domain.model.DocumentKind;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/**
 * One meeting: agenda and dossier, participants and attendance, and the live part — current item,
 * speaker and queue, the vote and its tally. The page follows the meeting's server-sent events and
 * re-renders its live panel when the state moves on; every change made here is pushed to the other
 * screens the same way.
 */
@Named
@ViewScoped
public class MeetingBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private MeetingPreparation preparation;

    @Inject
    private MeetingFloor floor;

    @Inject
    private MeetingVotes votes;

    @Inject
    private CabinetDossier dossier;

    private Long id;
    private CabinetViews.MeetingDetail meeting;
    private boolean missing;
    private String itemTitle;
    private String itemPresenter;
    private Integer itemMinutes;
    private String voteQuestion;
    private boolean voteRemote;
    private String pin;
    private Long documentItem;
    private DocumentKind documentKind = DocumentKind.SUBMISSION;
    private String documentTitle;
    private transient UploadedFile documentFile;

    /** Called by the page's viewAction and by the live refresh. */
    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            meeting = preparation.meetingDetail(id);
        } catch (DomainException e) {
            missing = true;
            meeting = null;
            FacesMessages.pageRefusal(e);
        }
    }

    /**
     * The live refresh (a newer state pushed): reloads, and re-renders the member's signing box only when what
     * can be signed changed (a vote opened or closed, the member admitted), so a PIN being typed survives the
     * other members' votes.
     */
    public void refresh() {
        String before = signing();
        load();
        if (!before.equals(signing())) {
            PrimeFaces.current().ajax().update("liveForm:signBox");
        }
    }

    private String signing() {
        CabinetViews.VoteState vote = getVote();
        return (vote == null ? "-" : String.valueOf(vote.id())) + ":" + isCanSign();
    }

    /** Runs a change (the service announces it to every screen after commit), shows the outcome and reloads. */
    private void change(Runnable action, String doneKey) {
        try {
            action.run();
            if (doneKey != null) {
                FacesMessages.info(doneKey);
            }
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    public void addItem() {
        change(() -> preparation.addItem(id, itemTitle, itemPresenter, null, itemMinutes), "cabinet.item.added");
        itemTitle = null;
        itemMinutes = null;
    }

    /** Convenes, starts or closes the meeting, and says so ("Đã triệu tập phiên họp.", …). */
    public void advance(String status) {
        MeetingStatus next = MeetingStatus.valueOf(status);
        change(() -> preparation.advance(id, next), "cabinet.meeting.advanced." + next.name());
    }

    /** The secretary attaches a file to an agenda item's dossier, as the API's document upload does. */
    public void attachDocument() {
        if (documentItem == null) {
            FacesMessages.fieldError("dossier:documentItem", "cabinet.field.required");
            return;
        }
        if (documentFile == null || documentFile.getSize() == 0) {
            FacesMessages.fieldError("dossier:documentFile", "cabinet.file.required");
            return;
        }
        byte[] content;
        try (InputStream in = documentFile.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = documentFile.getFileName();
        String contentType = documentFile.getContentType();
        change(
                () -> dossier.addDocument(documentItem, documentKind, documentTitle, fileName, contentType, content),
                "cabinet.document.attached");
        documentTitle = null;
        documentFile = null;
    }

    public void setCurrent(long itemId) {
        change(() -> floor.setCurrentItem(id, itemId), null);
    }

    public void attendance(String username, String attendance) {
        change(() -> preparation.recordAttendance(id, username, Attendance.valueOf(attendance), null, false), null);
    }

    public void requestToSpeak() {
        change(() -> floor.requestToSpeak(id), "cabinet.speaking.requested");
    }

    public void giveFloor(long requestId) {
        change(() -> floor.floor(id, requestId, null), null);
    }

    public void endFloor() {
        change(() -> floor.floor(id, null, null), null);
    }

    public void openVote() {
        Long item = meeting == null || meeting.live() == null
                ? null
                : meeting.live().currentItemId();
        if (item == null) {
            FacesMessages.info("cabinet.vote.no-current-item");
            return;
        }
        change(() -> votes.openVote(id, item, voteQuestion, null, voteRemote), null);
        voteQuestion = null;
    }

    public void closeVote() {
        change(() -> votes.closeVote(getVote().id()), null);
    }

    /** Votes for an option, signed remotely with the member's PIN. */
    public void vote(String option) {
        if (pin == null || pin.isBlank()) {
            FacesMessages.fieldError("liveForm:pin", "cabinet.pin.required");
            return;
        }
        String entered = pin;
        pin = null;
        change(
                () -> votes.castVote(getVote().id(), new SignedRequest(option, null, null, null, entered)),
                "cabinet.vote.recorded");
    }

    public CabinetViews.VoteState getVote() {
        return meeting == null || meeting.live() == null ? null : meeting.live().vote();
    }

    public boolean isVoteOpen() {
        CabinetViews.VoteState vote = getVote();
        return vote != null && "OPEN".equals(vote.status());
    }

    /**
     * Whether the caller can sign a choice now: a member, the vote open, and admitted to it (present, or remote
     * voting allowed) — the rule the service applies. The PIN field and the choices show only then.
     */
    public boolean isCanSign() {
        if (!isVoteOpen() || meeting == null || !meeting.me().member()) {
            return false;
        }
        return "PRESENT".equals(meeting.me().attendance()) || getVote().remoteAllowed();
    }

    public boolean isInProgress() {
        return meeting != null && "IN_PROGRESS".equals(meeting.status());
    }

    public long getRevision() {
        return meeting == null || meeting.live() == null ? 0 : meeting.live().revision();
    }

    /** The speaker's turn as epoch milliseconds, for the page's countdown. */
    public long getSpeakerStartMillis() {
        CabinetViews.Speaker speaker = meeting == null || meeting.live() == null
                ? null
                : meeting.live().speaker();
        return speaker == null ? 0 : speaker.startedAt().toInstant().toEpochMilli();
    }

    public boolean isQueued() {
        if (meeting == null || meeting.live() == null) {
            return false;
        }
        String me = meeting.me().username();
        return meeting.live().queue().stream().anyMatch(q -> q.username().equals(me))
                || (meeting.live().speaker() != null
                        && meeting.live().speaker().username().equals(me));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CabinetViews.MeetingDetail getMeeting() {
        return meeting;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getItemTitle() {
        return itemTitle;
    }

    public void setItemTitle(String itemTitle) {
        this.itemTitle = itemTitle;
    }

    public String getItemPresenter() {
        return itemPresenter;
    }

    public void setItemPresenter(String itemPresenter) {
        this.itemPresenter = itemPresenter;
    }

    public Integer getItemMinutes() {
        return itemMinutes;
    }

    public void setItemMinutes(Integer itemMinutes) {
        this.itemMinutes = itemMinutes;
    }

    public String getVoteQuestion() {
        return voteQuestion;
    }

    public void setVoteQuestion(String voteQuestion) {
        this.voteQuestion = voteQuestion;
    }

    public boolean isVoteRemote() {
        return voteRemote;
    }

    public void setVoteRemote(boolean voteRemote) {
        this.voteRemote = voteRemote;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public DocumentKind[] getDocumentKinds() {
        return DocumentKind.values();
    }

    public Long getDocumentItem() {
        return documentItem;
    }

    public void setDocumentItem(Long documentItem) {
        this.documentItem = documentItem;
    }

    public DocumentKind getDocumentKind() {
        return documentKind;
    }

    public void setDocumentKind(DocumentKind documentKind) {
        this.documentKind = documentKind;
    }

    public String getDocumentTitle() {
        return documentTitle;
    }

    public void setDocumentTitle(String documentTitle) {
        this.documentTitle = documentTitle;
    }

    public UploadedFile getDocumentFile() {
        return documentFile;
    }

    public void setDocumentFile(UploadedFile documentFile) {
        this.documentFile = documentFile;
    }
}
