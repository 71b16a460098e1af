package vn.egov.security.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private final AccessToken tokens = new AccessToken(KEY, "egov");

    @Test
    void aTokenCarriesTheClientItsAgencyAndItsRoles() {
        String token = tokens.issue("000.00.00.H41", "000.00.00.H41", Set.of("CLERK", "REPORTER"), NOW, 900);
        AccessToken.Claims claims = tokens.verify(token, NOW.plusSeconds(60)).orElseThrow();
        assertEquals("000.00.00.H41", claims.subject());
        assertEquals("000.00.00.H41", claims.agencyCode());
        assertEquals(Set.of("CLERK", "REPORTER"), claims.groups());
        assertEquals(NOW.plusSeconds(900), claims.expiresAt());
    }

    @Test
    void anExpiredTokenIsNotValid() {
        String token = tokens.issue("c", "000.00.00.G22", Set.of(), NOW, 900);
        assertTrue(tokens.verify(token, NOW.plusSeconds(900)).isEmpty());
    }

    @Test
    void aTokenWithAChangedClaimIsNotValid() {
        String token = tokens.issue("c", "000.00.00.H41", Set.of("CLERK"), NOW, 900);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("000.00.00.H41", "000.00.00.G22");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(tokens.verify(forged, NOW).isEmpty());
    }

    @Test
    void aTokenSignedWithAnotherKeyOrIssuerIsNotValid() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        String foreign = new AccessToken(otherKey, "egov").issue("c", "a", Set.of(), NOW, 900);
        assertTrue(tokens.verify(foreign, NOW).isEmpty());
        String otherIssuer = new AccessToken(KEY, "elsewhere").issue("c", "a", Set.of(), NOW, 900);
        assertTrue(tokens.verify(otherIssuer, NOW).isEmpty());
    }

    @Test
    void garbageIsNotValidAndDoesNotThrow() {
        for (String garbage : new String[] {null, "", "a.b", "a.b.c", "....", "x".repeat(5000),
            "eyJhbGciOiJub25lIn0.e30."}) {
            assertTrue(tokens.verify(garbage, NOW).isEmpty(), String.valueOf(garbage));
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AccessToken(new byte[16], "egov"));
    }
}
