package org.memoscope.sim;

import java.util.Locale;

/**
 * The memory one simulated point needs, checked before anything is allocated, so a
 * parameter choice that cannot fit in the heap is refused with a message instead of
 * ending in an {@link OutOfMemoryError} halfway through.
 *
 * <p>Estimate, in doubles, for n training samples per model in dimension d, s seeds and
 * k = min(n, d), with the two models alive at once:
 * <pre>
 *   2 n d        the two training sets
 * + 2 * 6 k^2    each fit: the k x k Gram or covariance matrix, the eigendecomposition's
 *                working copies (tridiagonal form, its Q, the rotated vectors) and the
 *                sorted eigenvectors kept by the fit
 * + 4 k^2 + n d  the overlap of the two fits, split in two halves (row blocks, partial
 *                products and their sum)
 * + 7 d s + 4 n s  seeds, samples and their projections
 * + 2 n d        for n &lt; d, the transposed training sets the Gram route keeps
 * </pre>
 * A JVM whose whole heap (-Xmx) is this estimate plus 24 MB runs such a point to the end
 * (checked at d = 784 to 1500, n = d/8 to 4d, 64 to 512 seeds). The heap free for it is
 * {@code maxMemory - (totalMemory - freeMemory)}; when the estimate exceeds that, one
 * collection is requested and the check repeated, since part of the used heap may be
 * garbage.
 */
final class SimulationMemory {

    private static final long BYTES_PER_DOUBLE = Double.BYTES;

    private SimulationMemory() {
    }

    /** Estimated peak bytes of one point (see the class comment). */
    static double estimatedBytes(int sampleCount, int dimension, int seeds) {
        double n = sampleCount;
        double d = dimension;
        double s = seeds;
        double k = Math.min(n, d);
        double doubles = 2 * n * d + 12 * k * k + 4 * k * k + n * d + 7 * d * s + 4 * n * s
                + (n < d ? 2 * n * d : 0);
        return doubles * BYTES_PER_DOUBLE;
    }

    /** Bytes of heap this JVM could still allocate: the maximum less what is in use. */
    static long availableBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Throws when a point at n, d with {@code seeds} seeds would not fit in the heap.
     *
     * @throws IllegalArgumentException naming the sizes, the memory needed and the heap
     */
    static void require(int sampleCount, int dimension, int seeds) {
        double needed = estimatedBytes(sampleCount, dimension, seeds);
        if (needed <= availableBytes()) {
            return;
        }
        System.gc();
        long available = availableBytes();
        if (needed <= available) {
            return;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "simulating n = %d training samples per model in dimension d = %d with %d "
                        + "seeds needs about %s of memory, but only %s of the Java heap "
                        + "(maximum %s) is free; lower d, the load or the seeds, or give "
                        + "Java a larger heap (-Xmx)",
                sampleCount, dimension, seeds, formatBytes(needed), formatBytes(available),
                formatBytes(Runtime.getRuntime().maxMemory())));
    }

    static String formatBytes(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f bytes", value)
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
