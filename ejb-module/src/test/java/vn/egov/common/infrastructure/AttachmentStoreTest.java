package vn.egov.common.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging: a send's files reach the store only when its document commits; what nothing refers to goes. */
class AttachmentStoreTest {

    @TempDir
    Path dir;

    private AttachmentStore store() {
        return new AttachmentStore(dir);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every regular file under the store's folder, wherever it is (store proper, staging, tmp). */
    private List<Path> filesOnDisk() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private Path inStore(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void age(Path file, Duration by) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }

    @Test
    void aFileOfASendIsStagedAndNotInTheStoreBeforeItsDocumentCommits() throws IOException {
        AttachmentStore store = store();
        StoredContent staged = store.stage(bytes("kế hoạch phòng chống dịch"));

        assertNotNull(staged.staging());
        assertTrue(staged.staging().startsWith(staged.sha256() + "."));
        assertFalse(store.holds(staged.sha256()), "not in the store before the commit");
        assertEquals(List.of(dir.resolve("staging").resolve(staged.staging())), filesOnDisk());
    }

    @Test
    void aRefusedSendsDiscardedFileLeavesNothingOnDisk() throws IOException {
        AttachmentStore store = store();
        StoredContent staged = store.stage(bytes("tờ trình bị từ chối"));

        store.discard(staged);

        assertEquals(List.of(), filesOnDisk());
    }

    @Test
    void aCommittedDocumentsFileMovesIntoTheStoreAndReadsBack() throws IOException {
        AttachmentStore store = store();
        StoredContent staged = store.stage(bytes("báo cáo tháng 11"));
        Synchronization sync = store.promoteOnCommit(List.of(staged));

        sync.beforeCompletion();
        sync.afterCompletion(Status.STATUS_COMMITTED);

        assertTrue(store.holds(staged.sha256()));
        assertEquals(List.of(inStore(staged.sha256())), filesOnDisk(), "nothing left in staging");
        try (InputStream in = store.open(staged.sha256())) {
            assertArrayEquals(bytes("báo cáo tháng 11"), in.readAllBytes());
        }
    }

    @Test
    void aRolledBackBatchLeavesItsFilesStagedForTheRetryAndTheStoreUntouched() throws IOException {
        AttachmentStore store = store();
        StoredContent staged = store.stage(bytes("lô bị hủy"));

        store.promoteOnCommit(List.of(staged)).afterCompletion(Status.STATUS_ROLLEDBACK);

        assertFalse(store.holds(staged.sha256()));
        assertTrue(Files.exists(dir.resolve("staging").resolve(staged.staging())), "still there for the retry");
        store.promoteOnCommit(List.of(staged)).afterCompletion(Status.STATUS_COMMITTED);
        assertTrue(store.holds(staged.sha256()), "the retry's commit moves it in");
    }

    @Test
    void discardingADuplicatesCopyKeepsTheSameBytesOfACommittedDocument() throws IOException {
        AttachmentStore store = store();
        StoredContent first = store.stage(bytes("cùng một tệp"));
        store.promote(first);
        StoredContent second = store.stage(bytes("cùng một tệp"));

        store.discard(second);

        assertEquals(first.sha256(), second.sha256());
        assertEquals(List.of(inStore(first.sha256())), filesOnDisk());
    }

    @Test
    void twoDocumentsWithTheSameFileKeepOneCopy() throws IOException {
        AttachmentStore store = store();
        StoredContent a = store.stage(bytes("giấy mời họp"));
        StoredContent b = store.stage(bytes("giấy mời họp"));

        store.promoteOnCommit(List.of(a, b)).afterCompletion(Status.STATUS_COMMITTED);

        assertEquals(List.of(inStore(a.sha256())), filesOnDisk());
    }

    @Test
    void aStagedFileIsReadableInTheMomentBetweenCommitAndMove() throws IOException {
        AttachmentStore store = store();
        StoredContent staged = store.stage(bytes("vừa gửi"));

        try (InputStream in = store.open(staged.sha256())) {
            assertArrayEquals(bytes("vừa gửi"), in.readAllBytes());
        }
    }

    @Test
    void theSweepRemovesWhatNoDocumentRefersToAndKeepsWhatOneDoes() throws IOException {
        AttachmentStore store = store();
        StoredContent kept = store.stage(bytes("văn bản đã gửi"));
        store.promote(kept);
        StoredContent orphan = store.stage(bytes("tệp của phiên bản cũ"));
        store.promote(orphan);
        StoredContent abandoned = store.stage(bytes("gửi dở khi máy chủ dừng"));
        age(dir.resolve("staging").resolve(abandoned.staging()), Duration.ofHours(2));
        StoredContent inFlight = store.stage(bytes("đang kiểm tra"));
        StoredContent committedBeforeCrash = store.stage(bytes("đã ghi, chưa kịp chuyển"));
        age(dir.resolve("staging").resolve(committedBeforeCrash.staging()), Duration.ofMinutes(1));
        Path oldTemporary = Files.writeString(dir.resolve("tmp").resolve("0b7c2a9e-partial"), "nửa chừng");
        age(oldTemporary, Duration.ofHours(3));
        Path youngTemporary = Files.writeString(dir.resolve("tmp").resolve("1b7c2a9e-writing"), "đang ghi");
        Set<String> referencedByDocuments = Set.of(kept.sha256(), committedBeforeCrash.sha256());
        Set<String> asked = new HashSet<>();

        AttachmentStore.Sweep done = store.sweep(
                (Collection<String> hashes) -> {
                    asked.addAll(hashes);
                    Set<String> found = new HashSet<>(hashes);
                    found.retainAll(referencedByDocuments);
                    return found;
                },
                Duration.ofHours(1));

        assertEquals(new AttachmentStore.Sweep(1, 1, 1, 1), done);
        assertTrue(store.holds(kept.sha256()));
        assertFalse(store.holds(orphan.sha256()), "nothing refers to it");
        assertTrue(store.holds(committedBeforeCrash.sha256()), "moved in: its document committed");
        assertTrue(Files.exists(dir.resolve("staging").resolve(inFlight.staging())), "younger than the grace period");
        assertTrue(Files.exists(youngTemporary));
        assertFalse(Files.exists(oldTemporary));
        assertFalse(Files.exists(dir.resolve("staging").resolve(abandoned.staging())));
        assertTrue(asked.containsAll(Set.of(kept.sha256(), orphan.sha256(), inFlight.sha256())));
    }

    @Test
    void aSweepOfAnEmptyStoreChangesNothing() throws IOException {
        AttachmentStore.Sweep done = store().sweep(hashes -> Set.of(), Duration.ZERO);

        assertFalse(done.changedAnything());
    }
}
