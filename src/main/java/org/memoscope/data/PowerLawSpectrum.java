package org.memoscope.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An abstract power-law population spectrum with optional planted spikes, and a sampler for
 * the Gaussian data it describes.
 *
 * <p>Bulk. {@code mu_j = c j^(-alpha)}, j = 1..d, with c chosen so that the mean of the mu_j
 * is 1 ({@code tau(Sigma) = 1}); alpha = 0 gives the identity.
 *
 * <p>Spikes. Strengths {@code beta_1..beta_r >= 0} are added to the top r bulk eigenvalues,
 * {@code lambda_k = mu_k + beta_k} for {@code k <= r} and {@code lambda_j = mu_j} otherwise,
 * without renormalising. With alpha = 0 this is exactly the spiked model
 * {@code Sigma = I + sum_k beta_k v_k v_k^T} of the theory, whose normalised trace is
 * {@code 1 + sum_k beta_k / d}, an O(1/d) change.
 *
 * <p>Coordinates. Sigma is diagonal: entry j of {@link #eigenvalues()} is the variance of
 * coordinate j, and the latent factor v_k is the coordinate axis e_k. The entries are in
 * descending order whenever the spike strengths are non-increasing. Samples are
 * {@code x = sqrt(lambda) . z} with {@code z ~ N(0, I_d)}, drawn from a seeded
 * {@link SplittableRandom}; any rotation of them has the same spectrum.
 */
public final class PowerLawSpectrum {

    private final int dimension;
    private final double alpha;
    private final double[] spikeStrengths;
    private final double[] bulk;
    private final double[] eigenvalues;

    /** The bulk spectrum of dimension {@code dimension} and exponent {@code alpha}, no spikes. */
    public PowerLawSpectrum(int dimension, double alpha) {
        this(dimension, alpha, new double[0]);
    }

    /**
     * The bulk spectrum with spikes of strengths {@code spikeStrengths} (beta_1, beta_2, ...)
     * added to its top eigenvalues.
     *
     * @throws IllegalArgumentException if {@code dimension < 1}, alpha is negative or infinite,
     *                                  a strength is negative or not finite, or there are more
     *                                  spikes than d
     */
    public PowerLawSpectrum(int dimension, double alpha, double... spikeStrengths) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (spikeStrengths.length > dimension) {
            throw new IllegalArgumentException(spikeStrengths.length + " spikes do not fit in"
                    + " dimension " + dimension);
        }
        for (double beta : spikeStrengths) {
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("spike strengths must be finite and >= 0,"
                        + " got " + Arrays.toString(spikeStrengths));
            }
        }
        this.dimension = dimension;
        this.alpha = alpha;
        this.spikeStrengths = spikeStrengths.clone();
        this.bulk = bulk(dimension, alpha);
        this.eigenvalues = bulk.clone();
        for (int k = 0; k < spikeStrengths.length; k++) {
            eigenvalues[k] += spikeStrengths[k];
        }
    }

    private static double[] bulk(int dimension, double alpha) {
        double[] mu = new double[dimension];
        double sum = 0;
        for (int j = 1; j <= dimension; j++) {
            mu[j - 1] = Math.pow(j, -alpha);
            sum += mu[j - 1];
        }
        double mean = sum / dimension;
        for (int j = 0; j < dimension; j++) {
            mu[j] /= mean;
        }
        return mu;
    }

    /** The same bulk with spikes of strengths {@code strengths} instead of the current ones. */
    public PowerLawSpectrum withSpikes(double... strengths) {
        return new PowerLawSpectrum(dimension, alpha, strengths);
    }

    /** The dimension d. */
    public int dimension() {
        return dimension;
    }

    /** The exponent alpha of the bulk. */
    public double alpha() {
        return alpha;
    }

    /** A copy of the spike strengths beta_1..beta_r (empty without spikes). */
    public double[] spikeStrengths() {
        return spikeStrengths.clone();
    }

    /** The bulk eigenvalues mu_j (mean 1, descending), without the spikes. */
    public double[] bulkEigenvalues() {
        return bulk.clone();
    }

    /** The population eigenvalues lambda_j, bulk plus spikes, in coordinate order. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The latent factor v_k (k = 1..d), the coordinate axis e_k. */
    public double[] latentFactor(int k) {
        if (k < 1 || k > dimension) {
            throw new IllegalArgumentException("factor index must be in 1.." + dimension
                    + ", got " + k);
        }
        double[] axis = new double[dimension];
        axis[k - 1] = 1;
        return axis;
    }

    /**
     * {@code count} samples x ~ N(0, diag(lambda)), one per row. The same seed gives the same
     * samples, and the first rows do not depend on count.
     */
    public double[][] sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        double[] scale = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            scale[j] = Math.sqrt(eigenvalues[j]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] samples = new double[count][dimension];
        for (double[] sample : samples) {
            for (int j = 0; j < dimension; j++) {
                sample[j] = scale[j] * random.nextGaussian();
            }
        }
        return samples;
    }
}
