package org.memoscope.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the layers compute with: a choice of {@link ConvKernels} and a number of threads
 * across which batches are split.
 *
 * <p>{@link #forEachRange} cuts {@code [0, count)} into contiguous ranges, one per
 * thread, runs the first on the calling thread and the others on daemon workers, and
 * returns when all are done. Layers only split work whose result does not depend on the
 * cut (per-image outputs, or per fixed chunk partial sums reduced afterwards in chunk
 * order), so results are bit-identical for every thread count.
 */
public final class Engine {

    private static final Engine DEFAULT = new Engine(ConvKernels.selected(),
            Runtime.getRuntime().availableProcessors());

    private final ConvKernels kernels;

    private final int threads;

    private final ExecutorService workers;

    private Engine(ConvKernels kernels, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.kernels = kernels;
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "memoscope-nn-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The selected kernels on all available processors, shared by the whole JVM. */
    public static Engine defaultEngine() {
        return DEFAULT;
    }

    /**
     * An engine with its own worker threads (daemon threads that live as long as the JVM
     * unless {@link #shutdown()} is called).
     */
    public static Engine create(ConvKernels kernels, int threads) {
        return new Engine(kernels, threads);
    }

    public ConvKernels kernels() {
        return kernels;
    }

    public int threads() {
        return threads;
    }

    /** Stops the worker threads; the engine must not be used afterwards. */
    public void shutdown() {
        if (workers != null && this != DEFAULT) {
            workers.shutdown();
        }
    }

    /** Work on a contiguous range {@code [from, to)} of items. */
    @FunctionalInterface
    public interface RangeTask {

        void run(int from, int to);
    }

    /** Runs {@code task} over {@code [0, count)}, split across the engine's threads. */
    public void forEachRange(int count, RangeTask task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            if (count > 0) {
                task.run(0, count);
            }
            return;
        }
        List<Future<?>> pending = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int from = (int) ((long) count * part / parts);
            int to = (int) ((long) count * (part + 1) / parts);
            pending.add(workers.submit(() -> task.run(from, to)));
        }
        Throwable failure = null;
        try {
            task.run(0, count / parts);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        } else if (failure instanceof Error) {
            throw (Error) failure;
        } else if (failure != null) {
            throw new IllegalStateException("parallel batch work failed", failure);
        }
    }
}
