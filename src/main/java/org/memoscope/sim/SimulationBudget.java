package org.memoscope.sim;

/**
 * The interactive budget of the simulation and a cost model for it, which
 * decide how far in load a curve is simulated.
 *
 * <p>Budget: one repetition (two models, {@value #REFERENCE_SEEDS} seeds) should
 * take at most {@value #SECONDS_PER_REPETITION} s on two cores, so a point at the
 * default two repetitions takes about 2 s at the largest load and much less below
 * it; and the two training sets, {@code 2 n d} doubles, should stay within
 * {@value #DATA_MEGABYTES} MB, well under a 512 MB heap (the n x n or d x d
 * matrices are smaller than the data whenever the time budget holds).
 *
 * <p>Cost model of one repetition, wall-clock seconds with the two models on two
 * threads, k = min(n, d), s seeds, constants fitted to `bench/run.sh simulation` on a
 * 2-core machine at load about 1.5 (Java 17 with the Vector API product kernel and the
 * blocked eigendecomposition, 2026-12-04):
 * <pre>
 *   0.01                               fixed cost of a point (threads, small matrices)
 * + 7e-9 n d                           Gaussian training data, per model
 * + 0.1e-9 n d k / 2                   Gram X X^T or covariance X^T X (symmetric half)
 * + 0.2e-9 k^3                         symmetric eigendecomposition with vectors
 * + 0.15e-9 (3 n d + 2 k^2) s          samples and their cosines to the training set
 * + 0.1e-9 (n d k + 2 k^3) / 2         overlap of the two models for n &lt; d (d^3 / 2 for
 *                                      n &gt;= d), split over two threads
 * </pre>
 * Measured against modelled when fitted, d = 784, n = 98 / 392 / 784 / 1568: 17 / 48 / 184
 * / 204 ms against 14 / 54 / 188 / 234 ms; d = 2000, n = 250 / 1000 / 2000 / 4000: 0.036 /
 * 0.51 / 2.4 / 2.7 s against 0.05 / 0.60 / 2.6 / 3.2 s. The later, faster eigendecomposition
 * (same day, 22:55 UTC) takes 4.5 / 36 / 136 / 152 ms and 0.024 / 0.35 / 1.7 / 1.9 s, so
 * the model is now conservative by about 1.5x; the training-data budget caps the load at
 * the sizes the window offers anyway (d = 1024: gamma 8 by data, 7.7 by time). Without the
 * Vector API module the products are slower and the model optimistic.
 */
final class SimulationBudget {

    /** Wall-clock budget of one repetition at {@value #REFERENCE_SEEDS} seeds, seconds. */
    static final double SECONDS_PER_REPETITION = 1.0;
    /** Budget of the training data of both models, megabytes. */
    static final long DATA_MEGABYTES = 128;
    /** Seed count the load limit is computed for (the explorer's default). */
    static final int REFERENCE_SEEDS = 64;

    private SimulationBudget() {
    }

    /** Modelled wall-clock seconds of one repetition at n, d with {@code seeds} seeds. */
    static double estimatedSeconds(int sampleCount, int dimension, int seeds) {
        double n = sampleCount;
        double d = dimension;
        double k = Math.min(n, d);
        double fixed = 0.01;
        double data = 7e-9 * n * d;
        double covariance = 0.1e-9 * n * d * k / 2;
        double eigen = 0.2e-9 * k * k * k;
        double sampling = 0.15e-9 * (3 * n * d + 2 * k * k) * seeds;
        double overlap = 0.1e-9 * (n < d ? n * d * k + 2 * k * k * k : k * k * k) / 2;
        return fixed + data + covariance + eigen + sampling + overlap;
    }

    /** Whether a repetition at n, d fits both budgets at {@value #REFERENCE_SEEDS} seeds. */
    static boolean fits(int sampleCount, int dimension) {
        double dataBytes = 2.0 * sampleCount * dimension * Double.BYTES;
        return dataBytes <= DATA_MEGABYTES * 1024.0 * 1024.0
                && estimatedSeconds(sampleCount, dimension, REFERENCE_SEEDS)
                <= SECONDS_PER_REPETITION;
    }

    /** n / d for the largest n that {@link #fits}; 0 if not even n = 1 does. */
    static double maxLoad(int dimension) {
        if (!fits(1, dimension)) {
            return 0;
        }
        long low = 1;
        long high = 2;
        while (high < Integer.MAX_VALUE / 2 && fits((int) high, dimension)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long middle = (low + high) / 2;
            if (fits((int) middle, dimension)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (double) low / dimension;
    }
}
