package vn.egov.security.application;

import java.util.Map;
import vn.egov.common.DomainException;

/**
 * A sign-in or token request refused before its credentials were checked, because the account or
 * the address it comes from is locked out ({@code auth.throttled}, 429). Carries when to retry:
 * the API sends it as {@code Retry-After}, the sign-in page as minutes ({@code {minutes}} in the text).
 */
public class SignInThrottledException extends DomainException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super(
                Kind.TOO_MANY_REQUESTS,
                "auth.throttled",
                "too many failed sign-ins: try again in " + retryAfterSeconds + " s",
                Map.of("minutes", (retryAfterSeconds + 59) / 60, "seconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
