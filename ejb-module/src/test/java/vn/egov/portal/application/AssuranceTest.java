package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;
import vn.egov.security.application.CitizenPrincipal;

class AssuranceTest {

    private static CitizenPrincipal signedInAt(int level) {
        return new CitizenPrincipal("001088001234", "Nguyễn Văn An", "sub-1", null, null, null, "1", "1", null, level);
    }

    @Test
    void aPasswordSignInIsEnoughForAProcedureAtLevelOne() {
        Assurance.check(signedInAt(1), 1);
        Assurance.check(signedInAt(2), 1);
    }

    @Test
    void aProcedureRequiringMoreThanTheSignInIsRefusedNamingBothLevels() {
        DomainException refusal = assertThrows(DomainException.class, () -> Assurance.check(signedInAt(1), 2));
        assertEquals(Assurance.INSUFFICIENT, refusal.code());
        assertEquals(403, refusal.kind().status());
        assertEquals(2, refusal.arguments().get("required"));
        assertEquals(1, refusal.arguments().get("current"));
    }
}
