package vn.egov.common;

import java.util.List;
import java.util.Map;

/**
 * A request refused for several values at once, each with its own reason: all of them are listed,
 * so the sender corrects everything in one go instead of one refusal at a time.
 */
public class InvalidValuesException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** One failing value: where (e.g. an indicator and breakdown), a stable code, and an English message. */
    public record Failure(String field, String code, String message) {}

    private final List<Failure> failures;

    public InvalidValuesException(String code, String detail, List<Failure> failures) {
        super(Kind.INVALID, code, detail, Map.of("count", failures.size()));
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }
}
