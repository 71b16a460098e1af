package vn.egov.exchange.interfaces.rest;

/** The sender's take-back request (status 13) and why. */
public class RecallRequest {
    public String reason;
}
