package org.memoscope.compute;

/**
 * A unit of background work producing an immutable result. Implementations
 * check {@link JobContext#checkCancelled()} in their long loops.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Job<T> {

    T run(JobContext context);
}
