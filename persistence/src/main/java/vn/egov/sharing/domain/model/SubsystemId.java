package vn.egov.sharing.domain.model;

import java.util.regex.Pattern;

/**
 * An X-Road subsystem identifier, {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM} (the {@code X-Road-Client}
 * header's shape and the first four parts of a service path), where MEMBER is the directory's agency
 * code. Every part is 1 to 64 letters, digits, dots, dashes or underscores: X-Road forbids slashes,
 * colons, semicolons, percent signs and control characters in identifiers, and we are stricter.
 */
public record SubsystemId(String instance, String memberClass, String memberCode, String subsystemCode) {

    /** What one part of an identifier may be. */
    public static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SubsystemId {
        require("instance", instance);
        require("member class", memberClass);
        require("member code", memberCode);
        require("subsystem code", subsystemCode);
    }

    /**
     * Reads an {@code X-Road-Client} header value. A member without a subsystem is refused: on this
     * platform only subsystems are members.
     *
     * @throws IllegalArgumentException naming what is wrong, in English
     */
    public static SubsystemId parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("the X-Road-Client header is missing");
        }
        String[] parts = header.strip().split("/", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(
                    "X-Road-Client must be INSTANCE/CLASS/MEMBER/SUBSYSTEM, not " + parts.length + " part(s)");
        }
        return new SubsystemId(parts[0], parts[1], parts[2], parts[3]);
    }

    static void require(String what, String part) {
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException(
                    "the " + what + " must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
    }

    @Override
    public String toString() {
        return instance + "/" + memberClass + "/" + memberCode + "/" + subsystemCode;
    }
}
