package vn.egov.security.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/** Against Soteria's Pbkdf2PasswordHash, the implementation Payara injects. */
class PasswordsTest {

    /** "demo", hashed by the platform's own PBKDF2 code before it used the library (10000 iterations). */
    private static final String LEGACY_DEMO =
            "pbkdf2-sha256$10000$Jc8ylPojehsds9KW/pBQcQ$0aQLdNu/St9qXtzlMWXiwV/sJDojx3WYsE1SAVp14AI";

    private final Passwords passwords = new Passwords(new Pbkdf2PasswordHashImpl(), 10_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = passwords.hash("correct horse");
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:10000:"), hash);
        assertTrue(passwords.verify("correct horse", hash));
        assertFalse(passwords.verify("correct horsE", hash));
    }

    @Test
    void eachHashHasItsOwnSaltSoEqualPasswordsDoNotShowEqualHashes() {
        assertNotEquals(passwords.hash("demo"), passwords.hash("demo"));
    }

    @Test
    void aHashStoredBeforeTheLibraryStillSignsIn() {
        assertTrue(passwords.verify("demo", LEGACY_DEMO));
        assertFalse(passwords.verify("demo2", LEGACY_DEMO));
    }

    @Test
    void aHashKeepsItsIterationCountSoRaisingTheCountLocksNobodyOut() {
        String old = passwords.hash("demo");
        assertTrue(new Passwords(new Pbkdf2PasswordHashImpl(), 20_000).verify("demo", old));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String stored : new String[] {
            null,
            "",
            "demo",
            "pbkdf2-sha256$x$y$z",
            "pbkdf2-sha256$1$$",
            "PBKDF2WithHmacSHA256:10000:***:***",
            "MD5:1:AA:AA",
            "a:b:c"
        }) {
            assertFalse(passwords.verify("demo", stored), String.valueOf(stored));
        }
        assertFalse(passwords.verify(null, passwords.hash("demo")));
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Passwords(new Pbkdf2PasswordHashImpl(), 1000));
    }

    @Test
    void theHashAnUnknownUserIsComparedWithIsWellFormedSoTheMissCostsAFullPbkdf2() {
        // A malformed value would make the library throw at once: an unknown username would answer faster.
        assertFalse(assertDoesNotThrow(
                () -> new Pbkdf2PasswordHashImpl().verify("demo".toCharArray(), AuthenticationService.DUMMY_HASH)));
    }
}
