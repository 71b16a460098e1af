package vn.egov.common;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A business rule refused a request. Carries a stable {@code code} that outside clients may rely
 * on (it becomes the {@code code} member of an RFC 9457 problem, and the key of the localised
 * message in the intranet), the kind of refusal, an English detail for logs and API clients, and
 * named arguments for the localised message.
 *
 * <p>An application exception, so the EJB container neither wraps it nor logs it as a system
 * failure; the transaction is rolled back because a refused request must change nothing.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /** What kind of refusal: decides the HTTP status at the REST boundary. */
    public enum Kind {
        INVALID(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        TOO_LARGE(413),
        TOO_MANY_REQUESTS(429),
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> arguments;

    public DomainException(Kind kind, String code, String detail, Map<String, Object> arguments) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.arguments = Map.copyOf(arguments);
    }

    public DomainException(Kind kind, String code, String detail) {
        this(kind, code, detail, Map.of());
    }

    public static DomainException invalid(String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, detail);
    }

    public static DomainException forbidden(String code, String detail) {
        return new DomainException(Kind.FORBIDDEN, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }
}
