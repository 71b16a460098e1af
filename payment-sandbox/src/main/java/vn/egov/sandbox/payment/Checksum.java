package vn.egov.sandbox.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * MaXacThuc as the payment platform computes it: lower-case hex SHA-256 of the fields in the
 * contract's order joined by {@code |}, the shared secret last. The sandbox's own copy, written
 * apart from the platform's, as another organisation's system would be.
 */
final class Checksum {

    private Checksum() {}

    static String of(List<String> fields, String secret) {
        StringBuilder joined = new StringBuilder();
        for (String field : fields) {
            joined.append(field == null ? "" : field).append('|');
        }
        joined.append(secret);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String given, List<String> fields, String secret) {
        return given != null
                && MessageDigest.isEqual(
                        of(fields, secret).getBytes(StandardCharsets.US_ASCII),
                        given.getBytes(StandardCharsets.US_ASCII));
    }
}
