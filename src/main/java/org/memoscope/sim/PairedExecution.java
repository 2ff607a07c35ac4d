package org.memoscope.sim;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.memoscope.compute.JobCancelledException;

/**
 * Runs the two halves of a simulation step at once: the first on one shared
 * background worker, the second on the calling thread, so a step uses two cores.
 * Each half is sequential and the caller combines the halves in a fixed order,
 * so results do not depend on timing or on the number of cores.
 *
 * <p>If the caller's half fails, the worker's half is cancelled (interrupted;
 * the halves check for interruption between steps); a failure of the worker's
 * half is rethrown on the caller. Two callers at once share the worker and simply
 * queue.
 *
 * <p>With the system property {@value #THREADS_PROPERTY}{@code =1} (or
 * {@link #setSingleThreaded} in tests) both halves run one after the other on the
 * calling thread; results are the same to the bit, which the determinism tests check.
 */
final class PairedExecution {

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "memoscope-simulation-worker");
        thread.setDaemon(true);
        return thread;
    });

    /** System property: "1" runs both halves on the caller's thread. */
    static final String THREADS_PROPERTY = "memoscope.simulation.threads";

    private static volatile boolean singleThreaded =
            "1".equals(System.getProperty(THREADS_PROPERTY));

    private PairedExecution() {
    }

    /** Runs both halves on the caller (true) or on two threads (false, the default). */
    static void setSingleThreaded(boolean value) {
        singleThreaded = value;
    }

    /** The results of the two halves. */
    record Both<T>(T first, T second) {
    }

    /** Runs both halves; {@code onWorker}'s result is the first. */
    static <T> Both<T> both(Supplier<T> onWorker, Supplier<T> onCaller) {
        if (singleThreaded) {
            T first = onWorker.get();
            return new Both<>(first, onCaller.get());
        }
        Future<T> background = WORKER.submit(onWorker::get);
        T second;
        try {
            second = onCaller.get();
        } catch (RuntimeException | Error failure) {
            background.cancel(true);
            throw failure;
        }
        return new Both<>(join(background), second);
    }

    /** Throws {@link JobCancelledException} if the current thread has been interrupted. */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new JobCancelledException();
        }
    }

    private static <T> T join(Future<T> background) {
        try {
            return background.get();
        } catch (InterruptedException interrupted) {
            background.cancel(true);
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("simulation step failed", cause);
        }
    }
}
