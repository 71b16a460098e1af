package vn.egov.portal.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;
import vn.egov.security.application.CitizenPrincipal;

class AssuranceRuleTest {

    private static ProcedureRecord procedure(int loa) {
        return new ProcedureRecord(
                "2.000505",
                "Cấp Phiếu lý lịch tư pháp",
                "000.00.00.G12",
                4,
                loa,
                true,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
    }

    private static CitizenPrincipal citizen(int loa) {
        return new CitizenPrincipal(
                "001090000001", "Nguyễn Văn Dân", "sub-1", "dan@example.vn", "0912345678", null, null, "1", null, loa);
    }

    @Test
    void aProcedureNeedingAHigherLevelThanTheSignInIsRefused() {
        DomainException refused =
                assertThrows(DomainException.class, () -> PortalDossiers.requireAssurance(procedure(2), citizen(1)));
        assertEquals("portal.assurance.insufficient", refused.code());
        assertEquals(403, refused.kind().status());
    }

    @Test
    void theSameLevelOrHigherIsEnough() {
        assertDoesNotThrow(() -> PortalDossiers.requireAssurance(procedure(2), citizen(2)));
        assertDoesNotThrow(() -> PortalDossiers.requireAssurance(procedure(1), citizen(2)));
    }
}
