package vn.egov.common.application;

import java.util.function.Predicate;
import vn.egov.common.DomainException;

/**
 * The platform's one rule for an object the caller may not know about — another agency's document,
 * report or meeting: it answers exactly as if it did not exist (404 with the area's
 * {@code ….not-found} code), so a stranger learns nothing, not even that the id is taken. Every area
 * applies it through this class rather than writing the test again.
 */
public final class Visibility {

    private Visibility() {}

    /**
     * {@code found} when it exists and the caller may know of it; otherwise 404 with {@code code}.
     *
     * @param found the object as loaded (null when there is none)
     * @param mayKnow whether the caller may know of it
     * @param code the stable code of the refusal, e.g. {@code exchange.document.not-found}
     * @param detail the English detail, the same whether the object is missing or hidden
     */
    public static <T> T visibleOrNotFound(T found, Predicate<? super T> mayKnow, String code, String detail) {
        if (found == null || !mayKnow.test(found)) {
            throw DomainException.notFound(code, detail);
        }
        return found;
    }
}
