package vn.egov.security.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(20_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("Mật-khẩu 2026");
        assertTrue(hasher.verify("Mật-khẩu 2026", stored));
        assertFalse(hasher.verify("Mật-khẩu 2027", stored));
        assertFalse(hasher.verify("", stored));
        assertFalse(hasher.verify(null, stored));
    }

    @Test
    void eachHashHasItsOwnSaltSoEqualPasswordsDoNotShowEqualHashes() {
        assertNotEquals(hasher.hash("demo"), hasher.hash("demo"));
    }

    @Test
    void aHashKeepsItsIterationCountSoRaisingTheCountLocksNobodyOut() {
        String old = hasher.hash("demo");
        assertTrue(new PasswordHasher(30_000).verify("demo", old));
        assertTrue(old.startsWith("pbkdf2-sha256$20000$"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(hasher.verify("demo", "demo"));
        assertFalse(hasher.verify("demo", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.verify("demo", "md5$1$AAAA$AAAA"));
        assertFalse(hasher.verify("demo", null));
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }
}
