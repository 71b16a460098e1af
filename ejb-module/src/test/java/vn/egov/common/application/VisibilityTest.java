package vn.egov.common.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class VisibilityTest {

    private record Document(String owner) {}

    @Test
    void anObjectTheCallerMayKnowIsReturned() {
        Document mine = new Document("H41");
        assertSame(mine, Visibility.visibleOrNotFound(mine, d -> d.owner().equals("H41"), "x.not-found", "no x"));
    }

    @Test
    void anotherAgencysObjectAnswersExactlyLikeAMissingOne() {
        DomainException hidden = assertThrows(
                DomainException.class,
                () -> Visibility.visibleOrNotFound(
                        new Document("H30"), d -> d.owner().equals("H41"), "x.not-found", "no x 7"));
        DomainException missing = assertThrows(
                DomainException.class,
                () -> Visibility.visibleOrNotFound(
                        (Document) null, d -> d.owner().equals("H41"), "x.not-found", "no x 7"));
        for (DomainException e : new DomainException[] {hidden, missing}) {
            assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
            assertEquals("x.not-found", e.code());
            assertEquals("no x 7", e.getMessage());
        }
    }
}
