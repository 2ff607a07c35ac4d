package org.memoscope.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the layers compute with: a choice of {@link ConvKernels} and a number of threads
 * across which batches are split.
 *
 * <p>{@link #forEachRange} cuts {@code [0, count)} into contiguous ranges, one per
 * thread, runs the first on the calling thread and the others on the engine's daemon
 * workers, and returns when all are done. Layers only split work whose result does not
 * depend on the cut (per-image outputs, or partial sums over fixed chunks of images added
 * afterwards in chunk order), so results are bit-identical for every thread count.
 *
 * <p>A layer step is often shorter than waking a parked thread, so idle workers spin for
 * {@value #SPIN_NANOS} ns before they park. Calls are serialised; a call made from inside
 * a running task runs on the calling thread alone.
 *
 * <p>Trade-off: spinning longer (1 ms was tried) keeps the workers ahead when other
 * programs load the cores, but burns CPU the UI thread and those programs need; with
 * 50 µs a contended machine runs a step at about single-thread speed.
 */
public final class Engine {

    private static final long SPIN_NANOS = 50_000;

    private static final Engine DEFAULT = new Engine(ConvKernels.selected(),
            Runtime.getRuntime().availableProcessors());

    private final ConvKernels kernels;

    private final int threads;

    private final Thread[] workers;

    private final AtomicInteger unfinished = new AtomicInteger();

    private final Object callLock = new Object();

    private volatile Job job;

    private volatile Thread activeCaller;

    private volatile boolean stopped;

    private volatile Throwable failure;

    /** One call of {@link #forEachRange}, published to the workers all at once. */
    private record Job(long generation, RangeTask task, int count, int parts, Thread caller) {

        int from(int part) {
            return (int) ((long) count * part / parts);
        }
    }

    private Engine(ConvKernels kernels, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.kernels = kernels;
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            workers[i] = new Thread(() -> work(part), "memoscope-nn-" + part);
            workers[i].setDaemon(true);
            workers[i].start();
        }
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

    /** Stops the worker threads; later calls run on the calling thread alone. */
    public void shutdown() {
        if (this == DEFAULT) {
            return;
        }
        stopped = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
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
        Thread current = Thread.currentThread();
        if (parts <= 1 || stopped || isWorker(current) || current == activeCaller) {
            if (count > 0) {
                task.run(0, count);
            }
            return;
        }
        synchronized (callLock) {
            activeCaller = current;
            failure = null;
            unfinished.set(parts - 1);
            long generation = job == null ? 1 : job.generation() + 1;
            Job next = new Job(generation, task, count, parts, current);
            job = next;
            for (int i = 0; i < parts - 1; i++) {
                LockSupport.unpark(workers[i]);
            }
            try {
                task.run(0, next.from(1));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            awaitWorkers();
            activeCaller = null;
            rethrow(failure);
        }
    }

    private void work(int part) {
        long seen = 0;
        while (!stopped) {
            long spinStart = System.nanoTime();
            Job current = job;
            while ((current == null || current.generation() == seen) && !stopped) {
                if (System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                current = job;
            }
            if (stopped) {
                return;
            }
            seen = current.generation();
            if (part < current.parts()) {
                try {
                    current.task().run(current.from(part), current.from(part + 1));
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                if (unfinished.decrementAndGet() == 0) {
                    LockSupport.unpark(current.caller());
                }
            }
        }
    }

    private void awaitWorkers() {
        long spinStart = System.nanoTime();
        while (unfinished.get() > 0) {
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private boolean isWorker(Thread thread) {
        for (Thread worker : workers) {
            if (worker == thread) {
                return true;
            }
        }
        return false;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        } else if (failure instanceof Error) {
            throw (Error) failure;
        } else if (failure != null) {
            throw new IllegalStateException("parallel batch work failed", failure);
        }
    }
}
