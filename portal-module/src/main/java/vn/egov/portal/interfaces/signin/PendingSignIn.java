package vn.egov.portal.interfaces.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-ins a browser has started and not finished, kept in its HTTP session by state: each holds the nonce the
 * ID token must carry, the PKCE code verifier and the portal page to return to. A callback takes its entry out, so a
 * replayed callback finds none. Bounded: a few tabs signing in at once are fine, an endless stream of unfinished
 * sign-ins only keeps the newest.
 */
final class PendingSignIn implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_ATTRIBUTE = "vn.egov.portal.pending-sign-in";
    private static final int MAX = 5;

    record Attempt(String state, String nonce, String verifier, String returnTo) implements Serializable {}

    private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>() {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempt> eldest) {
            return size() > MAX;
        }
    };

    synchronized void add(Attempt attempt) {
        attempts.put(attempt.state(), attempt);
    }

    synchronized Optional<Attempt> take(String state) {
        return state == null ? Optional.empty() : Optional.ofNullable(attempts.remove(state));
    }
}
