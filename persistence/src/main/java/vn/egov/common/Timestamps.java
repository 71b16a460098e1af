package vn.egov.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time the platform records: UTC, to the millisecond, which both H2 and PostgreSQL keep exactly. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
