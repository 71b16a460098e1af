package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systems' secrets sealed with AES-GCM, bound to their system, under a key kept outside the database. */
class SecretSealerTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aSealedSecretOpensOnlyForItsSystemAndItsKey() {
        SecretSealer sealer = new SecretSealer(key(1));
        String sealed = sealer.seal("qlvb-h41", "bí mật");
        assertFalse(sealed.contains("bí mật"));
        assertEquals(Optional.of("bí mật"), sealer.open("qlvb-h41", sealed));
        assertEquals(Optional.empty(), sealer.open("qlvb-g22", sealed), "moved to another system's row");
        assertEquals(Optional.empty(), new SecretSealer(key(2)).open("qlvb-h41", sealed), "another key");
        assertEquals(Optional.empty(), sealer.open("qlvb-h41", "not base64 !"));
        assertEquals(Optional.empty(), sealer.open("qlvb-h41", "AAAA"));
        assertNotEquals(sealed, sealer.seal("qlvb-h41", "bí mật"), "a fresh nonce each time");
    }

    @Test
    void theKeyFileIsCreatedOnceReadableByItsOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config").resolve("egov-vxp-secret.key");
        byte[] first = SecretSealer.readOrCreate(file);
        assertEquals(32, first.length);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, SecretSealer.readOrCreate(file));
    }
}
