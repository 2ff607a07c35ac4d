package org.memoscope.compute;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one kind of job in the background, keeping only the newest request: a
 * submission cancels the job before it, and a cancelled or superseded job never
 * reaches its listener, not even if it finished a moment before being replaced.
 *
 * <p>Jobs run one at a time on a single worker thread, so a burst of slider
 * moves leaves at most one job running and one waiting. Outcomes are handed to
 * the delivery executor (for the window, {@code Platform::runLater}); the check
 * that the job is still current happens on that executor, right before the
 * listener is called, so staleness is decided where the result is drawn.
 *
 * @param <T> the result type
 */
public final class LatestJobRunner<T> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LatestJobRunner.class.getName());

    private final ExecutorService worker;
    private final Executor delivery;
    private final AtomicLong generation = new AtomicLong();
    private volatile Future<?> running;

    /**
     * @param name     thread name, for diagnostics
     * @param delivery where listener calls run
     */
    public LatestJobRunner(String name, Executor delivery) {
        this.delivery = Objects.requireNonNull(delivery);
        this.worker = Executors.newSingleThreadExecutor(daemonThreads(name));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        };
    }

    /**
     * Cancels whatever ran before and schedules {@code job}.
     *
     * @return the job's generation number, increasing with each submission
     */
    public long submit(Job<T> job, JobListener<T> listener) {
        long myGeneration = generation.incrementAndGet();
        Future<?> previous = running;
        if (previous != null) {
            previous.cancel(false);
        }
        JobContext context = new JobContext() {
            @Override
            public boolean isCancelled() {
                return generation.get() != myGeneration || Thread.currentThread().isInterrupted();
            }

            @Override
            public void reportProgress(double fraction, String message) {
                deliver(myGeneration, () -> listener.progress(fraction, message));
            }
        };
        running = worker.submit(() -> execute(job, context, listener, myGeneration));
        return myGeneration;
    }

    private void execute(Job<T> job, JobContext context, JobListener<T> listener, long myGeneration) {
        if (context.isCancelled()) {
            return;
        }
        try {
            T result = job.run(context);
            deliver(myGeneration, () -> listener.succeeded(result));
        } catch (JobCancelledException cancelled) {
            LOG.log(System.Logger.Level.DEBUG, "job {0} cancelled", myGeneration);
        } catch (RuntimeException | OutOfMemoryError error) {
            LOG.log(System.Logger.Level.WARNING, "background job failed", error);
            deliver(myGeneration, () -> listener.failed(error));
        }
    }

    private void deliver(long myGeneration, Runnable call) {
        delivery.execute(() -> {
            if (generation.get() == myGeneration) {
                call.run();
            }
        });
    }

    /** Cancels the current job; nothing more is delivered until the next submission. */
    public void cancel() {
        generation.incrementAndGet();
        Future<?> previous = running;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** True when {@code jobGeneration} is still the newest submission. */
    public boolean isCurrent(long jobGeneration) {
        return generation.get() == jobGeneration;
    }

    @Override
    public void close() {
        cancel();
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
