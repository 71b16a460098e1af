package vn.egov.exchange.domain.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Độ khẩn — how urgently a document must be handled (Decree 30/2020, Art. 4). Travels in edXML as
 * the integer {@code OtherInfo/Priority}; 0 = normal is observed in real messages, the mapping of
 * 1–3 follows the order of the decree (our reading, kept in one place).
 */
public enum Urgency {
    NORMAL(0),
    URGENT(1),
    VERY_URGENT(2),
    FLASH(3);

    private final int priority;

    Urgency(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    public static Optional<Urgency> ofPriority(int priority) {
        return Arrays.stream(values()).filter(u -> u.priority == priority).findFirst();
    }
}
