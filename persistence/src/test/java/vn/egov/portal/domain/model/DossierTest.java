package vn.egov.portal.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class DossierTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(7));
    private static final DossierParticulars BIRTH = new DossierParticulars(
            "1.001193",
            "Thủ tục đăng ký khai sinh",
            "G01",
            "Hộ tịch",
            1,
            "001090000001",
            "Nguyễn Văn An",
            null,
            "an@example.vn",
            "0912345678",
            "Đăng ký khai sinh cho con",
            "000.00.01.H26",
            "UBND phường",
            2,
            0);

    @Test
    void theNationalTransitionsAreTheOnlyOnesAPortalActionTakes() {
        Dossier dossier = Dossier.submitted("000.00.01.H26-2612010001", BIRTH, T0, T0.plusDays(3));
        assertEquals(DossierStatus.SUBMITTED, dossier.getStatus());
        DomainException refused =
                assertThrows(DomainException.class, () -> dossier.moveTo(DossierStatus.FINISHED, T0.plusHours(1)));
        assertEquals("portal.dossier.transition-illegal", refused.code());
        dossier.moveTo(DossierStatus.ACCEPTED, T0.plusHours(1));
        dossier.moveTo(DossierStatus.PROCESSING, T0.plusHours(2));
        dossier.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, T0.plusHours(3));
        dossier.moveTo(DossierStatus.PROCESSING, T0.plusHours(4));
        dossier.moveTo(DossierStatus.FINISHED, T0.plusHours(5));
        assertEquals(T0.plusHours(5), dossier.getFinishedAt());
        dossier.moveTo(DossierStatus.RETURNED, T0.plusHours(6));
        assertEquals(T0.plusHours(6), dossier.getReturnedAt());
        assertTrue(dossier.getStatus().isFinal());
        assertThrows(DomainException.class, () -> dossier.moveTo(DossierStatus.WITHDRAWN, T0.plusHours(7)));
    }

    @Test
    void withdrawingIsPossibleUntilTheDecisionIsTaken() {
        for (DossierStatus from : DossierStatus.values()) {
            boolean expected = switch (from) {
                case SUBMITTED, ACCEPTED, PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED -> true;
                default -> false;
            };
            assertEquals(expected, from.canMoveTo(DossierStatus.WITHDRAWN), from.name());
        }
    }

    @Test
    void aLateReportOfAnEarlierStepNeverOverwritesANewerStatus() {
        Dossier dossier =
                Dossier.reported("H26-1", BIRTH, DossierStatus.ACCEPTED, T0, T0.plusDays(3), "one-stop", null, T0);
        assertTrue(dossier.reportStatus(DossierStatus.FINISHED, T0.plusHours(5), T0.plusHours(5)));
        assertFalse(dossier.reportStatus(DossierStatus.PROCESSING, T0.plusHours(2), T0.plusHours(6)));
        assertEquals(DossierStatus.FINISHED, dossier.getStatus());
        assertFalse(dossier.reportStatus(DossierStatus.FINISHED, T0.plusHours(5), T0.plusHours(7)), "a repeat");
    }

    @Test
    void aRepeatedRecordChangesNothing() {
        Dossier dossier = Dossier.reported(
                "H26-1", BIRTH, DossierStatus.ACCEPTED, T0, T0.plusDays(3), "one-stop", "{\"GhiChu\":\"x\"}", T0);
        assertFalse(dossier.updateReported(BIRTH, T0, T0.plusDays(3), "{\"GhiChu\":\"x\"}", T0.plusHours(1)));
        assertEquals(T0, dossier.getUpdatedAt());
        assertTrue(dossier.updateReported(BIRTH, T0, T0.plusDays(4), "{\"GhiChu\":\"x\"}", T0.plusHours(1)));
    }

    @Test
    void everyNationalCodeIsAStatus() {
        for (int code = 1; code <= 10; code++) {
            assertEquals(code, DossierStatus.of(code).code());
        }
        assertThrows(IllegalArgumentException.class, () -> DossierStatus.of(11));
        assertFalse(DossierStatus.isCode(0));
    }
}
