package vn.egov.exchange.domain.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The business status a recipient reports back about one delivered document (thông điệp trạng
 * thái, QCVN 102:2016): the nine codes every implementation agrees on. 13 is the sender's; the
 * others are the recipient's.
 *
 * <p>The per-recipient machine: 01 arrived, then 02 refused (final) or 03 registered → 04 assigned
 * → 05 in progress → 06 completed (final), forward only (a step may be skipped, never taken back;
 * 04 may repeat, forwarding the document on);
 * 01 again is harmless. 15/16 answer a take-back request (13) and are accepted only while one is
 * pending.
 */
public enum DeliveryStatus {
    ARRIVED("01", 1),
    REFUSED("02", 9),
    REGISTERED("03", 3),
    ASSIGNED("04", 4),
    IN_PROGRESS("05", 5),
    COMPLETED("06", 9),
    RECALL_REQUESTED("13", -1),
    RECALL_AGREED("15", -1),
    RECALL_REFUSED("16", -1);

    private final String code;
    private final int rank;

    DeliveryStatus(String code, int rank) {
        this.code = code;
        this.rank = rank;
    }

    public String code() {
        return code;
    }

    public static Optional<DeliveryStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public boolean isFinal() {
        return this == REFUSED || this == COMPLETED;
    }

    /** Whether a recipient whose document stands at {@code current} (null: not yet fetched) may report this. */
    public boolean mayFollow(DeliveryStatus current) {
        return switch (this) {
            case ARRIVED -> current == null || current == ARRIVED;
            case REFUSED -> current == ARRIVED;
            // Forwarding may repeat: the clerk forwards to a leader, the leader on to a specialist.
            case ASSIGNED -> current != null && !current.isFinal() && current.rank <= rank;
            case REGISTERED, IN_PROGRESS, COMPLETED -> current != null && !current.isFinal() && current.rank < rank;
            case RECALL_REQUESTED, RECALL_AGREED, RECALL_REFUSED -> false;
        };
    }
}
