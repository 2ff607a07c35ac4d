package org.memoscope.theory;

import java.util.Arrays;

/**
 * The eigenvalues {@code lambda_1 >= ... >= lambda_d >= 0} of a population covariance Sigma,
 * held as distinct values in decreasing order with their multiplicities, so that an
 * isotropic bulk of any size costs one entry.
 *
 * <p>Three sources (theory note, §1):
 * <ul>
 *   <li>{@link #powerLaw}: {@code lambda_j ∝ j^(-alpha)}, j = 1..d, rescaled to mean 1;</li>
 *   <li>{@link #spiked}: {@code Sigma = I + sum_k beta_k v_k v_k^T}, eigenvalues
 *       {@code 1 + beta_k} and 1 with multiplicity d - r (mean {@code 1 + sum beta_k / d});</li>
 *   <li>{@link #of}: any non-negative values, e.g. estimated from a data set. Zeros (a
 *       rank-deficient estimate) are kept: they count in the dimension d and in normalised
 *       traces {@code tau = Tr / d}, and contribute nothing else.</li>
 * </ul>
 * Immutable.
 */
public final class PopulationSpectrum {

    /** Negative inputs down to this fraction of the largest value are read as roundoff zeros. */
    private static final double ROUNDOFF = 1e-12;

    private final double[] values;
    private final int[] multiplicities;
    private final int dimension;
    private final int zeroCount;
    private final double mean;

    private PopulationSpectrum(double[] values, int[] multiplicities, int zeroCount) {
        this.values = values;
        this.multiplicities = multiplicities;
        this.zeroCount = zeroCount;
        long count = zeroCount;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            count += multiplicities[i];
            sum += multiplicities[i] * values[i];
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dimension exceeds " + Integer.MAX_VALUE);
        }
        this.dimension = (int) count;
        this.mean = sum / count;
    }

    /**
     * The spectrum of the given eigenvalues, in any order. Values must be finite and
     * non-negative, and at least one must be positive; negative values no larger in size
     * than 1e-12 times the largest value (roundoff in an estimated spectrum) are read as 0.
     */
    public static PopulationSpectrum of(double... eigenvalues) {
        if (eigenvalues == null || eigenvalues.length == 0) {
            throw new IllegalArgumentException("at least one eigenvalue is needed");
        }
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        double largest = sorted[sorted.length - 1];
        if (!(largest > 0) || Double.isInfinite(largest)) {
            throw new IllegalArgumentException("the largest eigenvalue must be finite and > 0, got "
                    + largest);
        }
        if (Double.isNaN(sorted[0]) || sorted[0] < -ROUNDOFF * largest) {
            throw new IllegalArgumentException("eigenvalues must be >= 0, got " + sorted[0]);
        }
        int zeros = 0;
        while (zeros < sorted.length && sorted[zeros] <= 0) {
            zeros++;
        }
        double[] distinct = new double[sorted.length - zeros];
        int[] counts = new int[sorted.length - zeros];
        int size = 0;
        for (int i = sorted.length - 1; i >= zeros; i--) {
            if (size > 0 && sorted[i] == distinct[size - 1]) {
                counts[size - 1]++;
            } else {
                distinct[size] = sorted[i];
                counts[size] = 1;
                size++;
            }
        }
        return new PopulationSpectrum(Arrays.copyOf(distinct, size), Arrays.copyOf(counts, size),
                zeros);
    }

    /** {@code lambda_j = j^(-alpha) / mean_i i^(-alpha)}, j = 1..d; d &gt;= 1, alpha &gt;= 0. */
    public static PopulationSpectrum powerLaw(int dimension, double exponent) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("exponent alpha must be finite and >= 0, got "
                    + exponent);
        }
        double[] raw = new double[dimension];
        double sum = 0;
        for (int j = dimension; j >= 1; j--) {
            raw[j - 1] = Math.pow(j, -exponent);
            sum += raw[j - 1];
        }
        double scale = dimension / sum;
        for (int j = 0; j < dimension; j++) {
            raw[j] *= scale;
        }
        return of(raw);
    }

    /**
     * {@code Sigma = I + sum_k beta_k v_k v_k^T} in dimension d: eigenvalues 1 + beta_k and 1
     * with multiplicity d - r. Needs d &gt; r and every beta_k finite and &gt;= 0; equal
     * strengths give one eigenvalue of higher multiplicity.
     */
    public static PopulationSpectrum spiked(int dimension, double... spikeStrengths) {
        int spikes = spikeStrengths.length;
        if (dimension <= spikes) {
            throw new IllegalArgumentException("dimension " + dimension + " must exceed the "
                    + spikes + " spikes");
        }
        double[] values = new double[spikes + 1];
        int[] counts = new int[spikes + 1];
        for (int k = 0; k < spikes; k++) {
            double beta = spikeStrengths[k];
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("spike strength must be finite and >= 0, got "
                        + beta);
            }
            values[k] = 1 + beta;
            counts[k] = 1;
        }
        values[spikes] = 1;
        counts[spikes] = dimension - spikes;
        return merged(values, counts, 0);
    }

    /** d, counting multiplicities and zeros. */
    public int dimension() {
        return dimension;
    }

    /** tau(Sigma) = Tr(Sigma) / d. */
    public double mean() {
        return mean;
    }

    /** How many eigenvalues are exactly 0. */
    public int zeroCount() {
        return zeroCount;
    }

    /** Number of distinct positive eigenvalues. */
    public int distinctCount() {
        return values.length;
    }

    /** The i-th distinct positive eigenvalue, i = 0 for the largest. */
    public double distinctValue(int index) {
        return values[index];
    }

    /** Multiplicity of {@link #distinctValue(int)}. */
    public int multiplicity(int index) {
        return multiplicities[index];
    }

    /** The rank-th largest eigenvalue counted with multiplicity, rank = 1..d. */
    public double largest(int rank) {
        return rank > dimension - zeroCount ? 0 : values[distinctIndexOfRank(rank)];
    }

    /**
     * Index of the distinct value holding the rank-th largest eigenvalue (rank = 1..d, counted
     * with multiplicity), or -1 when that eigenvalue is 0.
     */
    public int distinctIndexOfRank(int rank) {
        if (rank < 1 || rank > dimension) {
            throw new IllegalArgumentException("rank must be in 1.." + dimension + ", got "
                    + rank);
        }
        int seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += multiplicities[i];
            if (rank <= seen) {
                return i;
            }
        }
        return -1;
    }

    /** All d eigenvalues, decreasing, each repeated by its multiplicity, zeros last. */
    public double[] toArray() {
        double[] all = new double[dimension];
        int position = 0;
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(all, position, position + multiplicities[i], values[i]);
            position += multiplicities[i];
        }
        return all;
    }

    /** The spectrum of Sigma^2 (values that underflow to 0 join the zeros). */
    public PopulationSpectrum squared() {
        double[] squares = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            squares[i] = values[i] * values[i];
        }
        return merged(squares, multiplicities.clone(), zeroCount);
    }

    /**
     * Sorts the values decreasingly, merges equal ones (adding their counts) and moves
     * non-positive ones to the zeros.
     */
    private static PopulationSpectrum merged(double[] values, int[] counts, int zeros) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[] distinct = new double[values.length];
        int[] multiplicity = new int[values.length];
        int size = 0;
        int zeroCount = zeros;
        for (int i : order) {
            if (!(values[i] > 0)) {
                zeroCount += counts[i];
            } else if (size > 0 && values[i] == distinct[size - 1]) {
                multiplicity[size - 1] += counts[i];
            } else {
                distinct[size] = values[i];
                multiplicity[size] = counts[i];
                size++;
            }
        }
        return new PopulationSpectrum(Arrays.copyOf(distinct, size),
                Arrays.copyOf(multiplicity, size), zeroCount);
    }
}
