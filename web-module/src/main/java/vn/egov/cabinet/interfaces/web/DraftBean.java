package vn.egov.cabinet.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import vn.egov.cabinet.application.CabinetDossier;
import vn.egov.cabinet.application.CabinetViews;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;

/**
 * One dossier document: its versions and, for a draft, the members' comments on each version —
 * write one (anchored to a section, or as a reply) — and, for the secretary, the revised version.
 */
@Named
@ViewScoped
public class DraftBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private CabinetDossier dossier;

    private Long id;
    private CabinetViews.DocumentView document;
    private List<CabinetViews.CommentView> comments = List.of();
    private boolean missing;
    private String section;
    private String text;
    private Long replyTo;
    private String note;
    private transient UploadedFile file;

    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            document = dossier.document(id);
            comments = "DRAFT".equals(document.kind()) ? dossier.comments(id) : List.of();
        } catch (DomainException e) {
            missing = true;
            FacesMessages.pageRefusal(e);
        }
    }

    public void comment() {
        try {
            dossier.comment(id, null, section, text, replyTo);
            section = null;
            text = null;
            replyTo = null;
            FacesMessages.info("cabinet.comment.added");
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    /** The secretary records the revised version. */
    public void addVersion() {
        if (file == null || file.getSize() == 0) {
            FacesMessages.fieldError("version:file", "cabinet.file.required");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            dossier.addVersion(id, file.getFileName(), file.getContentType(), in.readAllBytes(), note);
            note = null;
            FacesMessages.info("cabinet.version.added");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CabinetViews.DocumentView getDocument() {
        return document;
    }

    public List<CabinetViews.CommentView> getComments() {
        return comments;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(Long replyTo) {
        this.replyTo = replyTo;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
