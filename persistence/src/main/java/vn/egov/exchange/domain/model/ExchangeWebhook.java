package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Where an agency's document system wants its deliveries pushed, and the key it checks each push
 * with (HMAC-SHA256 of the body, in the {@code X-Egov-Signature} header).
 */
@Entity
@Table(name = "exchange_webhook")
public class ExchangeWebhook {

    @Id
    @Column(name = "agency_code")
    private String agencyCode;

    @Column(name = "url", nullable = false)
    private String url;

    @Column(name = "secret", nullable = false)
    private String secret;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected ExchangeWebhook() {}

    public ExchangeWebhook(String agencyCode, String url, String secret, String registeredBy, OffsetDateTime at) {
        this.agencyCode = agencyCode;
        change(url, secret, registeredBy, at);
    }

    /** A new address (and a new key) for the same agency. */
    public final void change(String newUrl, String newSecret, String by, OffsetDateTime at) {
        this.url = newUrl;
        this.secret = newSecret;
        this.registeredBy = by;
        this.registeredAt = at;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public OffsetDateTime getRegisteredAt() {
        return registeredAt;
    }
}
