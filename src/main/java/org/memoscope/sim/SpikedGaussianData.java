package org.memoscope.sim;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * Gaussian draws of the spiked model {@code x ~ N(0, Sigma)},
 * {@code Sigma = I + sum_k beta_k v_k v_k^T}, with the latent factors on the
 * coordinate axes, {@code v_k = e_k}: a draw is a standard Gaussian vector whose
 * coordinate k is scaled by {@code sqrt(1 + beta_k)}. Everything the simulation
 * measures (cosines, traces, overlaps with v_k) is invariant under rotations, so
 * this choice loses nothing (theory.md, section 1).
 *
 * <p>Note {@code tau(Sigma) = 1 + sum_k beta_k / d}: the spikes change
 * normalised traces by O(1/d) only, and the data are not rescaled.
 */
final class SpikedGaussianData {

    private SpikedGaussianData() {
    }

    /**
     * An n x d training set, one sample per row, from {@code new SplittableRandom(seed)}.
     *
     * @throws IllegalArgumentException if there are more spikes than dimensions
     */
    static DMatrixRMaj trainingSet(int sampleCount, int dimension, double[] spikeStrengths,
                                   long seed) {
        if (spikeStrengths.length > dimension) {
            throw new IllegalArgumentException("cannot plant " + spikeStrengths.length
                    + " spikes in dimension " + dimension);
        }
        double[] axisScale = new double[spikeStrengths.length];
        for (int k = 0; k < axisScale.length; k++) {
            axisScale[k] = Math.sqrt(1 + spikeStrengths[k]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj samples = new DMatrixRMaj(sampleCount, dimension);
        double[] data = samples.data;
        for (int mu = 0; mu < sampleCount; mu++) {
            int rowStart = mu * dimension;
            for (int j = 0; j < dimension; j++) {
                data[rowStart + j] = random.nextGaussian();
            }
            for (int k = 0; k < axisScale.length; k++) {
                data[rowStart + k] *= axisScale[k];
            }
        }
        return samples;
    }

    /**
     * A d x s matrix of sampling seeds {@code z ~ N(0, I_d)}, column j drawn from
     * {@code new SplittableRandom(columnSeeds[j])}.
     */
    static DMatrixRMaj samplingSeeds(int dimension, long[] columnSeeds) {
        int count = columnSeeds.length;
        DMatrixRMaj seeds = new DMatrixRMaj(dimension, count);
        for (int j = 0; j < count; j++) {
            SplittableRandom random = new SplittableRandom(columnSeeds[j]);
            for (int i = 0; i < dimension; i++) {
                seeds.data[i * count + j] = random.nextGaussian();
            }
        }
        return seeds;
    }
}
