package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An e-mail telling an applicant their dossier changed status: written in the transaction that
 * changed it (an outbox), sent afterwards and retried, so no change goes unannounced when the mail
 * server is down and none is announced that did not happen.
 */
@Entity
@Table(name = "portal_notification")
public class DossierNotification {

    @Id
    @SequenceGenerator(name = "portal_notification_seq", sequenceName = "portal_notification_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_notification_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_pk", updatable = false)
    private Dossier dossier;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body", nullable = false, length = 8000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_try_at", nullable = false)
    private OffsetDateTime nextTryAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected DossierNotification() {}

    public DossierNotification(
            Dossier dossier, String recipient, String subject, String body, OffsetDateTime createdAt) {
        this.dossier = dossier;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.nextTryAt = createdAt;
    }

    public void sent(OffsetDateTime at) {
        this.sentAt = at;
        this.attempts++;
        this.lastError = null;
    }

    /** A failed attempt: try again at {@code nextTry}; the error is kept, cut to its column. */
    public void failed(String error, OffsetDateTime nextTry) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        this.nextTryAt = nextTry;
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextTryAt() {
        return nextTryAt;
    }

    public String getLastError() {
        return lastError;
    }
}
