package vn.egov.sharing.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.egov.common.Digests;

/** The message log's links and the request hash: what a verifier recomputes from what is stored. */
class MessageLogChainTest {

    private static MessageLogEntry.Call call(String issue, String path, int status) {
        return new MessageLogEntry.Call(
                "9f3b0c2e-1111-4a5b-8c9d-000000000001",
                "VN/GOV/000.00.00.H41/MOTCUA",
                "000.00.00.H41",
                "000.00.00.H41",
                "VN/GOV/000.00.00.G12/HOTICH/hoTich",
                "000.00.00.G12",
                "POST",
                path,
                "VN001234567890",
                issue,
                OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 123_456_789, ZoneOffset.ofHours(7)),
                12,
                40,
                80,
                status,
                null,
                Digests.sha512Hex("{}".getBytes(StandardCharsets.UTF_8)),
                Digests.sha512Hex("{\"Status\":1}".getBytes(StandardCharsets.UTF_8)),
                "hash");
    }

    @Test
    void eachEntryLinksToThePreviousOneAndItsHashCoversEveryField() {
        MessageLogEntry first = new MessageLogEntry(1, call("H41-0001", "/a", 200), MessageLogEntry.GENESIS);
        MessageLogEntry second = new MessageLogEntry(2, call("H41-0001", "/a", 200), first.getEntryHash());
        assertEquals(128, first.getEntryHash().length());
        assertEquals(first.getEntryHash(), second.getPrevHash());
        assertEquals(first.getEntryHash(), first.computeHash(), "stable when nothing changed");
        assertNotEquals(first.getEntryHash(), second.getEntryHash(), "the sequence number is hashed");
        assertNotEquals(
                first.getEntryHash(),
                new MessageLogEntry(1, call("H41-0002", "/a", 200), MessageLogEntry.GENESIS).getEntryHash());
        assertNotEquals(
                first.getEntryHash(),
                new MessageLogEntry(1, call("H41-0001", "/a", 404), MessageLogEntry.GENESIS).getEntryHash());
        assertNotEquals(
                first.getEntryHash(),
                new MessageLogEntry(1, call("H41-0001", "/a", 200), second.getEntryHash()).getEntryHash(),
                "the previous hash is hashed");
    }

    @Test
    void fieldsCannotBeShiftedIntoTheirNeighbours() {
        // The same characters split differently between issue and path must not hash alike.
        MessageLogEntry a = new MessageLogEntry(1, call("ab", "/c", 200), MessageLogEntry.GENESIS);
        MessageLogEntry b = new MessageLogEntry(1, call("a", "b/c", 200), MessageLogEntry.GENESIS);
        assertNotEquals(a.getEntryHash(), b.getEntryHash());
        MessageLogEntry absent = new MessageLogEntry(1, call(null, "/c", 200), MessageLogEntry.GENESIS);
        MessageLogEntry empty = new MessageLogEntry(1, call("", "/c", 200), MessageLogEntry.GENESIS);
        assertNotEquals(absent.getEntryHash(), empty.getEntryHash(), "null and empty differ");
    }

    @Test
    void timesAreHashedAsTheDatabaseKeepsThem() {
        MessageLogEntry entry = new MessageLogEntry(1, call("x", "/a", 200), MessageLogEntry.GENESIS);
        assertEquals(OffsetDateTime.of(2026, 12, 4, 3, 0, 0, 123_000_000, ZoneOffset.UTC), entry.getStartedAt());
    }

    @Test
    void requestHashIsSha512OfTheHeaderAndBodyDigests() {
        RequestHash.Parts parts = new RequestHash.Parts(
                "POST",
                "/gateway/r1/VN/GOV/000.00.00.G12/HOTICH/hoTich/x",
                "VN/GOV/000.00.00.H41/MOTCUA",
                "id-1",
                null,
                "H41-0001",
                "application/json");
        byte[] body = "{\"maHoSo\":\"H41-0001\"}".getBytes(StandardCharsets.UTF_8);
        String headers = "method:POST\npath:/gateway/r1/VN/GOV/000.00.00.G12/HOTICH/hoTich/x\n"
                + "x-road-client:VN/GOV/000.00.00.H41/MOTCUA\nx-road-id:id-1\nx-road-userid:\nx-road-issue:H41-0001\n"
                + "content-type:application/json\n";
        var outer = Digests.sha512();
        outer.update(Digests.sha512().digest(headers.getBytes(StandardCharsets.UTF_8)));
        outer.update(Digests.sha512().digest(body));
        assertEquals(Base64.getEncoder().encodeToString(outer.digest()), RequestHash.of(parts, body));
        assertNotEquals(RequestHash.of(parts, body), RequestHash.of(parts, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
