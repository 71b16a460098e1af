package vn.egov.portal.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * MaXacThuc — the checksum of the payment platform's messages (PORTAL-SHARING.md A.5): the
 * lower-case hex SHA-256 of the message's fields, in the contract's order, joined by {@code |}, with
 * the shared secret appended as the last field. A missing field counts as the empty string, so
 * both sides join the same number of fields.
 */
public final class PaymentChecksum {

    private PaymentChecksum() {}

    /** The checksum of {@code fields} (in the contract's order) under {@code secret}. */
    public static String of(List<String> fields, String secret) {
        StringBuilder joined = new StringBuilder();
        for (String field : fields) {
            joined.append(field == null ? "" : field).append('|');
        }
        joined.append(secret);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code given} is the checksum of {@code fields}; compared in constant time, so the
     * answer's timing tells nothing about how much of a forged checksum was right.
     */
    public static boolean matches(String given, List<String> fields, String secret) {
        if (given == null) {
            return false;
        }
        byte[] expected = of(fields, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }
}
