package org.memoscope.model;

import java.util.Arrays;

/**
 * Everything that determines one view of the spiked linear model: the load at
 * the cursor, the dimension used for finite-size simulation, the spike strengths
 * of {@code Sigma = I + sum_k beta_k v_k v_k^T}, the ridge, and the seeds.
 *
 * <p>Immutable; the spike array is copied in and out. Two parameter sets with the
 * same values are equal, so a result can be matched to the request that made it.
 *
 * @param loadRatio       gamma = n / d at the cursor, &gt; 0
 * @param dimension       d, the data dimension of simulations, &gt;= 2
 * @param spikeStrengths  beta_k, one to {@value #MAX_SPIKES} values, each &gt;= 0
 * @param ridge           lambda &gt;= 0 added to the learnt covariance
 * @param seedCount       samples z drawn per pair of models, &gt;= 1
 * @param repetitions     independent pairs of training sets per simulated point, &gt;= 1
 * @param seed            root seed of every random draw
 */
public record ExplorerParameters(double loadRatio, int dimension, double[] spikeStrengths,
                                 double ridge, int seedCount, int repetitions, long seed) {

    /** Largest number of planted spikes. */
    public static final int MAX_SPIKES = 5;

    /** The documented defaults the window starts from and "reset" returns to. */
    public static final ExplorerParameters DEFAULTS =
            new ExplorerParameters(1.0, 500, new double[] {2.0}, 0.0, 64, 2, 1L);

    public ExplorerParameters {
        requireFinitePositive("load ratio gamma", loadRatio);
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension d must be at least 2, got " + dimension);
        }
        if (spikeStrengths == null || spikeStrengths.length < 1
                || spikeStrengths.length > MAX_SPIKES) {
            throw new IllegalArgumentException("between 1 and " + MAX_SPIKES
                    + " spike strengths are needed");
        }
        for (double beta : spikeStrengths) {
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException(
                        "spike strength beta must be finite and >= 0, got " + beta);
            }
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge lambda must be finite and >= 0, got " + ridge);
        }
        if (seedCount < 1) {
            throw new IllegalArgumentException("seed count must be at least 1, got " + seedCount);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        spikeStrengths = spikeStrengths.clone();
    }

    private static void requireFinitePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    @Override
    public double[] spikeStrengths() {
        return spikeStrengths.clone();
    }

    /** Number of planted spikes r. */
    public int spikeCount() {
        return spikeStrengths.length;
    }

    /** beta_k for spike {@code k} (0-based). */
    public double spikeStrength(int k) {
        return spikeStrengths[k];
    }

    /** Number of training samples per model at the cursor, n = round(gamma d), at least 1. */
    public int sampleCount() {
        return sampleCount(loadRatio, dimension);
    }

    /** n = round(gamma d), at least 1. */
    public static int sampleCount(double loadRatio, int dimension) {
        return (int) Math.max(1, Math.round(loadRatio * dimension));
    }

    public ExplorerParameters withLoadRatio(double value) {
        return new ExplorerParameters(value, dimension, spikeStrengths, ridge, seedCount,
                repetitions, seed);
    }

    public ExplorerParameters withDimension(int value) {
        return new ExplorerParameters(loadRatio, value, spikeStrengths, ridge, seedCount,
                repetitions, seed);
    }

    public ExplorerParameters withSpikeStrengths(double[] values) {
        return new ExplorerParameters(loadRatio, dimension, values, ridge, seedCount,
                repetitions, seed);
    }

    public ExplorerParameters withRidge(double value) {
        return new ExplorerParameters(loadRatio, dimension, spikeStrengths, value, seedCount,
                repetitions, seed);
    }

    public ExplorerParameters withSeedCount(int value) {
        return new ExplorerParameters(loadRatio, dimension, spikeStrengths, ridge, value,
                repetitions, seed);
    }

    public ExplorerParameters withRepetitions(int value) {
        return new ExplorerParameters(loadRatio, dimension, spikeStrengths, ridge, seedCount,
                value, seed);
    }

    public ExplorerParameters withSeed(long value) {
        return new ExplorerParameters(loadRatio, dimension, spikeStrengths, ridge, seedCount,
                repetitions, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExplorerParameters p
                && Double.compare(loadRatio, p.loadRatio) == 0
                && dimension == p.dimension
                && Arrays.equals(spikeStrengths, p.spikeStrengths)
                && Double.compare(ridge, p.ridge) == 0
                && seedCount == p.seedCount
                && repetitions == p.repetitions
                && seed == p.seed;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(loadRatio);
        h = 31 * h + dimension;
        h = 31 * h + Arrays.hashCode(spikeStrengths);
        h = 31 * h + Double.hashCode(ridge);
        h = 31 * h + seedCount;
        h = 31 * h + repetitions;
        return 31 * h + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "ExplorerParameters[gamma=" + loadRatio + ", d=" + dimension + ", beta="
                + Arrays.toString(spikeStrengths) + ", lambda=" + ridge + ", seeds=" + seedCount
                + ", repetitions=" + repetitions + ", seed=" + seed + "]";
    }
}
