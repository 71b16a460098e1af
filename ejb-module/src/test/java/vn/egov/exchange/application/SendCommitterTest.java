package vn.egov.exchange.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

/** What a sender is told when its send is not written in time, or the axis is stopping: 503, send again. */
class SendCommitterTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final SendCommitter committer = new SendCommitter();

    /** A writer that holds every batch until the test lets it go. */
    private final SendWriter heldWriter = new SendWriter() {
        @Override
        public List<Views.Receipt> write(List<CheckedSend> sends) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sends.stream()
                    .map(s -> new Views.Receipt(1, s.header().documentId(), false, List.of()))
                    .toList();
        }
    };

    private static final ManagedThreadFactory THREADS = new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    };

    private void set(String field, Object value) throws ReflectiveOperationException {
        Field f = SendCommitter.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(committer, value);
    }

    private void start(int timeoutSeconds) throws ReflectiveOperationException {
        set("threads", THREADS);
        set("writer", heldWriter);
        set("batchMax", 32);
        set("timeoutSeconds", timeoutSeconds);
        committer.start();
    }

    private static CheckedSend send(String documentId) {
        return new CheckedSend(
                "000.00.00.H41",
                "UBND tỉnh Nghệ An",
                "clerk",
                new vn.egov.exchange.domain.model.ExchangeDocument.Header(
                        documentId,
                        "1",
                        "UBND-VP",
                        null,
                        "Công văn",
                        "V/v thử",
                        null,
                        null,
                        java.time.LocalDate.now(),
                        null,
                        null,
                        null,
                        null,
                        vn.egov.exchange.domain.model.Urgency.NORMAL,
                        null,
                        vn.egov.exchange.domain.model.BusinessType.NEW,
                        null,
                        null),
                List.of(),
                List.of(),
                "0".repeat(64),
                null,
                List.of(),
                null);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        committer.stop();
    }

    @Test
    void aSendNotWrittenInTimeIsRefusedWith503AndTheAdviceToSendAgain() throws Exception {
        start(1);
        DomainException refused = assertThrows(DomainException.class, () -> committer.commit(send("a")));
        assertEquals("exchange.send.timeout", refused.code());
        assertEquals(503, refused.kind().status());
        release.countDown();
        assertEquals("b", committer.commit(send("b")).documentId(), "once the writer is free, sends go through");
    }

    @Test
    void aSendAfterTheAxisStoppedIsRefusedWith503() throws Exception {
        start(5);
        release.countDown();
        committer.stop();
        DomainException refused = assertThrows(DomainException.class, () -> committer.commit(send("c")));
        assertEquals("exchange.send.unavailable", refused.code());
        assertEquals(503, refused.kind().status());
    }
}
