package vn.egov.sharing.application;

import jakarta.ejb.ApplicationException;

/**
 * The gateway refused a call itself, in X-Road's terms: an HTTP status, an error {@code type}
 * ({@code Client.*} when the consumer is at fault, {@code Server.*} when the platform or the
 * provider is) and an English message, answered as {@code {type, message, detail}} with the
 * {@code X-Road-Error} header. Not a {@code DomainException}: its answer is X-Road's error shape, not
 * a problem document, because consumers of the gateway are X-Road clients.
 */
@ApplicationException(rollback = true)
public class GatewayRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final Long retryAfterSeconds;

    public GatewayRefusal(int status, String type, String message) {
        this(status, type, message, null);
    }

    public GatewayRefusal(int status, String type, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GatewayRefusal badRequest(String message) {
        return new GatewayRefusal(400, "Client.BadRequest", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
