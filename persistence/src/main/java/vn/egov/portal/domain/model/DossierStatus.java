package vn.egov.portal.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Trạng thái hồ sơ — the national portal's status codes 1–10 ({@code TrangThaiHoSo}) and the moves
 * between them (DOMAIN.md §5): 1 → 2 | 3; 2 → 4; 4 ↔ 5 (supplement); 4 ↔ 6 (payment); 4 → 8 | 9;
 * 9 → 10; 7 (withdrawn) from 1, 2, 4, 5 and 6. The same codes travel in status sync, so the code is
 * the value stored and sent.
 */
public enum DossierStatus {
    SUBMITTED(1),
    ACCEPTED(2),
    REFUSED(3),
    PROCESSING(4),
    SUPPLEMENT_REQUESTED(5),
    PAYMENT_REQUESTED(6),
    WITHDRAWN(7),
    STOPPED(8),
    FINISHED(9),
    RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    /** The national code, 1–10. */
    public int code() {
        return code;
    }

    /** The status with that national code; {@link IllegalArgumentException} for any other number. */
    public static DossierStatus of(int code) {
        for (DossierStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no dossier status " + code);
    }

    /** Whether {@code code} is one of the national codes. */
    public static boolean isCode(int code) {
        return code >= 1 && code <= 10;
    }

    /** The statuses a dossier may move to from this one; empty for the final ones. */
    public Set<DossierStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, REFUSED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(PROCESSING, WITHDRAWN);
            case PROCESSING -> EnumSet.of(SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, STOPPED, FINISHED, WITHDRAWN);
            case SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED -> EnumSet.of(PROCESSING, WITHDRAWN);
            case FINISHED -> EnumSet.of(RETURNED);
            case REFUSED, WITHDRAWN, STOPPED, RETURNED -> EnumSet.noneOf(DossierStatus.class);
        };
    }

    public boolean canMoveTo(DossierStatus target) {
        return next().contains(target);
    }

    /** No move leaves it: refused, withdrawn, stopped, result returned. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
