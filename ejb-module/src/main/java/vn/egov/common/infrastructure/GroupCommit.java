package vn.egov.common.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: many threads submit items and wait; one writer thread takes every item waiting at
 * that moment (up to a maximum) and writes them with one call, so a batch costs one transaction
 * instead of one per item. A submitter is answered only when its item's batch returned. A batch
 * that fails is written again one item per call, so one bad item never fails the others; an item
 * that fails alone gets its own failure.
 *
 * @param <T> what is submitted
 * @param <R> what each item's writing returns
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /** How often an idle writer looks whether it was stopped. */
    private static final long POLL_MILLIS = 200;

    /** Thrown to a submitter when the writer has stopped or stops before writing its item. */
    public static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("the group committer has stopped");
        }
    }

    private record Waiting<T, R>(T item, CompletableFuture<R> result) {}

    private final Function<List<T>, List<R>> write;
    private final int batchMax;
    private final BlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * Starts the writer thread. {@code write} takes a batch and returns one result per item in the
     * same order, or throws to fail the whole batch.
     */
    public GroupCommit(String name, ThreadFactory threads, int batchMax, Function<List<T>, List<R>> write) {
        if (batchMax < 1) {
            throw new IllegalArgumentException("batchMax must be at least 1");
        }
        this.write = write;
        this.batchMax = batchMax;
        this.writer = threads.newThread(this::run);
        writer.setName(name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the item with whatever else is waiting and returns its result; rethrows the failure
     * of its write as it was thrown.
     *
     * @throws TimeoutException if the item was not written within the timeout (it may still be)
     * @throws StoppedException if the writer stopped first
     */
    public R submit(T item, long timeout, TimeUnit unit) throws TimeoutException {
        if (!running) {
            throw new StoppedException();
        }
        Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.result().get(timeout, unit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
    }

    /** How many items wait for the writer now. */
    public int waiting() {
        return queue.size();
    }

    /**
     * Stops taking items: the batch in hand is still written (waited for up to {@code waitMillis}),
     * items still waiting fail with {@link StoppedException}.
     */
    public void stop(long waitMillis) {
        running = false;
        try {
            writer.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }

    private void failWaiting() {
        List<Waiting<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.result().completeExceptionally(new StoppedException()));
    }

    private void run() {
        List<Waiting<T, R>> batch = new ArrayList<>(batchMax);
        while (running) {
            try {
                Waiting<T, R> first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchMax - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "group commit writer failure", e);
            } finally {
                // Answers every item taken, whatever happened: no submitter waits for nothing.
                batch.forEach(w -> w.result().completeExceptionally(new StoppedException()));
                batch.clear();
            }
        }
        failWaiting();
    }

    private void write(List<Waiting<T, R>> batch) {
        if (batch.size() > 1) {
            try {
                List<R> results = write.apply(batch.stream().map(Waiting::item).toList());
                if (results.size() != batch.size()) {
                    throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a batch failed; writing its items one by one", e);
            }
        }
        for (Waiting<T, R> waiting : batch) {
            try {
                waiting.result().complete(write.apply(List.of(waiting.item())).get(0));
            } catch (RuntimeException e) {
                waiting.result().completeExceptionally(e);
            }
        }
    }
}
