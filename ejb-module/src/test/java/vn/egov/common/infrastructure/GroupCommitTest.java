package vn.egov.common.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit without a container: batching, isolation of a bad item, timeouts and stopping. */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<GroupCommit<?, ?>> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        started.forEach(g -> g.stop(1000));
    }

    private <T, R> GroupCommit<T, R> start(int batchMax, Function<List<T>, List<R>> write) {
        GroupCommit<T, R> group = new GroupCommit<>("test-committer", Thread::new, batchMax, write);
        started.add(group);
        return group;
    }

    @Test
    void itemsWaitingTogetherAreWrittenInOneBatchAndEachGetsItsOwnResult() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> group = start(32, items -> {
            batches.add(List.copyOf(items));
            firstBatchEntered.countDown();
            await(release);
            return items.stream().map(i -> "written " + i).toList();
        });
        // The first item holds the writer; the next seven queue up behind it and go out together.
        Future<String> first = callers.submit(() -> group.submit(0, 5, TimeUnit.SECONDS));
        assertTrue(firstBatchEntered.await(5, TimeUnit.SECONDS));
        List<Future<String>> rest = new ArrayList<>();
        for (int i = 1; i < 8; i++) {
            int n = i;
            rest.add(callers.submit(() -> group.submit(n, 5, TimeUnit.SECONDS)));
        }
        while (group.waiting() < 7) {
            Thread.sleep(5);
        }
        release.countDown();
        assertEquals("written 0", first.get(5, TimeUnit.SECONDS));
        for (int i = 1; i < 8; i++) {
            assertEquals("written " + i, rest.get(i - 1).get(5, TimeUnit.SECONDS));
        }
        assertEquals(2, batches.size(), "one batch for the first item, one for the seven behind it: " + batches);
        assertEquals(7, batches.get(1).size());
    }

    @Test
    void batchesNeverExceedTheMaximum() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> group = start(3, items -> {
            sizes.add(items.size());
            await(release);
            return items;
        });
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(callers.submit(() -> group.submit(n, 5, TimeUnit.SECONDS)));
        }
        release.countDown();
        for (Future<Integer> r : results) {
            r.get(5, TimeUnit.SECONDS);
        }
        assertTrue(sizes.stream().allMatch(s -> s <= 3), "batch sizes " + sizes);
        assertEquals(8, sizes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aBadItemFailsAloneWhileTheOthersOfItsBatchAreWritten() throws Exception {
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = start(32, items -> {
            calls.add(List.copyOf(items));
            firstBatchEntered.countDown();
            await(release);
            if (items.contains("bad")) {
                throw new IllegalArgumentException("cannot write bad");
            }
            return items.stream().map(String::toUpperCase).toList();
        });
        Future<String> holder = callers.submit(() -> group.submit("first", 5, TimeUnit.SECONDS));
        assertTrue(firstBatchEntered.await(5, TimeUnit.SECONDS));
        Future<String> good1 = callers.submit(() -> group.submit("good1", 5, TimeUnit.SECONDS));
        Future<String> bad = callers.submit(() -> group.submit("bad", 5, TimeUnit.SECONDS));
        Future<String> good2 = callers.submit(() -> group.submit("good2", 5, TimeUnit.SECONDS));
        while (group.waiting() < 3) {
            Thread.sleep(5);
        }
        release.countDown();
        assertEquals("FIRST", holder.get(5, TimeUnit.SECONDS));
        assertEquals("GOOD1", good1.get(5, TimeUnit.SECONDS));
        assertEquals("GOOD2", good2.get(5, TimeUnit.SECONDS));
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
        assertTrue(
                failure.getCause() instanceof IllegalArgumentException,
                "the item's own failure: " + failure.getCause());
        // The batch of three failed once, then each item was written on its own.
        assertEquals(5, calls.size(), "the first batch, the batch of three, then each of the three alone: " + calls);
        assertEquals(3, calls.get(1).size());
        assertEquals(
                java.util.Set.of(List.of("good1"), List.of("bad"), List.of("good2")),
                java.util.Set.copyOf(calls.subList(2, 5)),
                "then one call per item, in the order they queued");
    }

    @Test
    void aSubmitterThatWaitsTooLongIsToldSo() {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = start(4, items -> {
            await(release);
            return items;
        });
        try {
            assertThrows(TimeoutException.class, () -> group.submit("slow", 100, TimeUnit.MILLISECONDS));
        } finally {
            release.countDown();
        }
    }

    @Test
    void stoppingFinishesTheBatchInHandAndAnswersEveryoneStillWaiting() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> group = start(1, items -> {
            entered.countDown();
            await(release);
            return items;
        });
        Future<String> inFlight = callers.submit(() -> group.submit("in flight", 5, TimeUnit.SECONDS));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        Future<String> queued = callers.submit(() -> group.submit("queued", 5, TimeUnit.SECONDS));
        while (group.waiting() < 1) {
            Thread.sleep(5);
        }
        group.stop(100);
        var queuedFailure =
                assertThrows(java.util.concurrent.ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertTrue(queuedFailure.getCause() instanceof GroupCommit.StoppedException);
        assertThrows(GroupCommit.StoppedException.class, () -> group.submit("late", 1, TimeUnit.SECONDS));
        release.countDown();
        assertEquals("in flight", inFlight.get(5, TimeUnit.SECONDS), "the batch in hand is still written");
    }

    /** Holds the writer until the test lets it go. */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
