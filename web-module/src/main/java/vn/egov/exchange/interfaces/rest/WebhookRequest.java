package vn.egov.exchange.interfaces.rest;

/** Where the agency's document system wants its deliveries pushed: {@code url}, https. */
public class WebhookRequest {
    public String url;
}
