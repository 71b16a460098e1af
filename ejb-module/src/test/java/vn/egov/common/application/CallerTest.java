package vn.egov.common.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

/** Who may do what an agency does: someone signed in, acting for an agency. */
class CallerTest {

    @Test
    void aCallerActingForNoAgencyIsRefusedWithTheServicesOwnCode() {
        Caller operator = new Caller("operator", Caller.Kind.PERSON, null, "Operator");
        DomainException refused = assertThrows(
                DomainException.class, () -> operator.requireAgency("exchange.agency.required", "exchange documents"));
        assertEquals("exchange.agency.required", refused.code());
        assertEquals(403, refused.kind().status());
        assertEquals("only callers acting for an agency exchange documents", refused.getMessage());
    }

    @Test
    void anAnonymousCallerIsAskedToSignInFirst() {
        DomainException refused = assertThrows(
                DomainException.class, () -> Caller.ANONYMOUS.requireAgency("reporting.agency.required", "report"));
        assertEquals("auth.unauthenticated", refused.code());
    }

    @Test
    void aClerkOfAnAgencyPasses() {
        Caller clerk = new Caller("clerk.h41", Caller.Kind.PERSON, "000.00.00.H41", "Văn thư");
        assertSame(clerk, clerk.requireAgency("exchange.agency.required", "exchange documents"));
    }
}
