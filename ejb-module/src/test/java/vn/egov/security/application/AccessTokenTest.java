package vn.egov.security.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
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
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
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
        for (String garbage :
                new String[] {null, "", "a.b", "a.b.c", "....", "x".repeat(5000), "eyJhbGciOiJub25lIn0.e30."}) {
            assertTrue(tokens.verify(garbage, NOW).isEmpty(), String.valueOf(garbage));
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AccessToken(new byte[16], "egov"));
    }

    @Test
    void everyTokenHasItsOwnIdAndAPersonTokenCarriesTheName() {
        String first = tokens.issue("citizen", null, Set.of("CITIZEN"), NOW, 900, "Nguyễn Văn Dân");
        String second = tokens.issue("citizen", null, Set.of("CITIZEN"), NOW, 900, "Nguyễn Văn Dân");
        AccessToken.Claims one = tokens.verify(first, NOW).orElseThrow();
        AccessToken.Claims two = tokens.verify(second, NOW).orElseThrow();
        assertEquals("Nguyễn Văn Dân", one.personName());
        assertFalse(one.tokenId().equals(two.tokenId()), "jti differs");
        assertEquals(null, one.agencyCode());
    }

    @Test
    void aRevokedTokenIsNotValidAndOthersStayValid() {
        String revoked = tokens.issue("c", "000.00.00.H41", Set.of("CLERK"), NOW, 900);
        String kept = tokens.issue("c", "000.00.00.H41", Set.of("CLERK"), NOW, 900);
        String revokedId = tokens.verify(revoked, NOW).orElseThrow().tokenId();
        assertTrue(tokens.verify(revoked, NOW, Set.of(revokedId)::contains).isEmpty());
        assertTrue(tokens.verify(kept, NOW, Set.of(revokedId)::contains).isPresent());
    }

    @Test
    void aTokenIsValidUntilTheSecondBeforeItExpires() {
        String token = tokens.issue("c", "a", Set.of(), NOW, 900);
        assertTrue(tokens.verify(token, NOW.plusSeconds(899)).isPresent());
        assertTrue(tokens.verify(token, NOW.plusSeconds(901)).isEmpty());
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsNotValid() {
        String unsigned = new PlainJWT(ourClaims().build()).serialize();
        assertTrue(tokens.verify(unsigned, NOW).isEmpty());
        // The same claims under our own HS256 header with the signature cut off.
        String real = tokens.issue("c", "000.00.00.H41", Set.of("CLERK"), NOW, 900);
        assertTrue(
                tokens.verify(real.substring(0, real.lastIndexOf('.') + 1), NOW).isEmpty());
    }

    @Test
    void aTokenSignedWithOurKeyButAnotherAlgorithmIsNotValid() throws Exception {
        byte[] longKey = new byte[64];
        System.arraycopy(KEY, 0, longKey, 0, KEY.length);
        System.arraycopy(KEY, 0, longKey, KEY.length, KEY.length);
        AccessToken ours = new AccessToken(longKey, "egov");
        SignedJWT hs512 =
                new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), ourClaims().build());
        hs512.sign(new MACSigner(longKey));
        assertTrue(ours.verify(hs512.serialize(), NOW).isEmpty());
        SignedJWT hs256 =
                new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), ourClaims().build());
        hs256.sign(new MACSigner(longKey));
        assertTrue(ours.verify(hs256.serialize(), NOW).isPresent(), "the same claims, HS256: valid");
    }

    @Test
    void aTokenWithoutAnIdOrGroupsIsNotOurs() throws Exception {
        for (JWTClaimsSet claims : new JWTClaimsSet[] {
            ourClaims().jwtID(null).build(),
            ourClaims().claim("groups", null).build(),
            ourClaims().expirationTime(null).build()
        }) {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(KEY));
            assertTrue(tokens.verify(jwt.serialize(), NOW).isEmpty(), claims.toString());
        }
    }

    private static JWTClaimsSet.Builder ourClaims() {
        return new JWTClaimsSet.Builder()
                .issuer("egov")
                .subject("c")
                .claim("agency", "000.00.00.H41")
                .claim("groups", List.of("SYSADMIN"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(900)))
                .jwtID("j-1");
    }
}
