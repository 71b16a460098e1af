package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The push of one delivery to its recipient's webhook: pending until the endpoint answers 2xx
 * (pushed), retried with exponential back-off, abandoned after the last attempt or when the agency
 * removes its webhook. Pull keeps working whatever happens here.
 */
@Entity
@Table(name = "exchange_push")
public class ExchangePush {

    public enum State {
        PENDING,
        PUSHED,
        ABANDONED
    }

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "agency_code", nullable = false)
    private String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "pushed_at")
    private OffsetDateTime pushedAt;

    protected ExchangePush() {}

    public ExchangePush(Long deliveryId, String agencyCode, OffsetDateTime due) {
        this.deliveryId = deliveryId;
        this.agencyCode = agencyCode;
        this.state = State.PENDING;
        this.nextAttemptAt = due;
    }

    public void pushed(OffsetDateTime at) {
        attempts++;
        state = State.PUSHED;
        pushedAt = at;
        lastError = null;
    }

    /**
     * A failed attempt: the next one after {@code base} × 2^(attempts − 1), at most {@code cap};
     * abandoned once {@code maxAttempts} have failed.
     */
    public void failed(String error, OffsetDateTime at, Duration base, Duration cap, int maxAttempts) {
        attempts++;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            state = State.ABANDONED;
            return;
        }
        Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = at.plus(wait.compareTo(cap) > 0 ? cap : wait);
    }

    /** Back in line with a fresh set of attempts. */
    public void retry(OffsetDateTime at) {
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = at;
    }

    public void abandon(String reason) {
        state = State.ABANDONED;
        lastError = reason;
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getPushedAt() {
        return pushedAt;
    }
}
