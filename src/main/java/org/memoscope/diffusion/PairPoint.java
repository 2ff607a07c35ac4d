package org.memoscope.diffusion;

import org.memoscope.model.Estimate;

/**
 * What the pair experiment measured at one training-set size N: two networks A and B trained
 * on disjoint sets of N images, sampled from the same noise.
 *
 * @param sampleCount          N per network
 * @param memorisation         m: per sample, the largest |cosine| to a training image of its
 *                             own network; over the samples of A and B
 * @param memorisationBaseline the same for held-out real images against each training set
 * @param convergence          q: cos(A's sample, B's sample) for the same noise, over samples
 * @param latentRecovery       Q_k, k = 1..r: {@code <v_k, u_k>^2}, u_k the k-th principal
 *                             direction of a network's samples, v_k the pool's; mean of A, B
 * @param noiseLevels          the noise-to-signal ratios s of the per-level measures
 * @param trainError           per level, mean squared error per pixel of the clean-image
 *                             estimate on the network's own training images (mean of A, B)
 * @param testError            the same on held-out images
 * @param denoiserDistance     per level, mean squared difference per pixel between A's and
 *                             B's estimates for the same noisy held-out images
 * @param sampleVariance       mean pixel variance of the samples (the data's is 1)
 * @param lossWindow           training steps per loss-history point
 * @param firstLoss            A's training loss history
 * @param secondLoss           B's training loss history
 * @param grid                 the first few sample pairs with their nearest training images
 * @param seconds              compute time of this point (training and measuring; 0 when all
 *                             of it came from the cache)
 */
public record PairPoint(int sampleCount, Estimate memorisation, Estimate memorisationBaseline,
                        Estimate convergence, double[] latentRecovery, double[] noiseLevels,
                        double[] trainError, double[] testError, double[] denoiserDistance,
                        double sampleVariance, int lossWindow, float[] firstLoss,
                        float[] secondLoss, PairGridRows grid, double seconds) {

    /** The regime these numbers indicate ({@link Regime#classify}). */
    public Regime regime() {
        return Regime.classify(memorisation.mean(), memorisationBaseline.mean(),
                convergence.mean(), meanTrainError());
    }

    /** Training-set denoising error averaged over the noise levels. */
    public double meanTrainError() {
        return mean(trainError);
    }

    /** Held-out denoising error averaged over the noise levels. */
    public double meanTestError() {
        return mean(testError);
    }

    /** Distance between the two denoisers averaged over the noise levels. */
    public double meanDenoiserDistance() {
        return mean(denoiserDistance);
    }

    /** Q_1, or NaN when none was measured. */
    public double topRecovery() {
        return latentRecovery.length == 0 ? Double.NaN : latentRecovery[0];
    }

    /** The same point with another compute time. */
    PairPoint withSeconds(double value) {
        return new PairPoint(sampleCount, memorisation, memorisationBaseline, convergence,
                latentRecovery, noiseLevels, trainError, testError, denoiserDistance,
                sampleVariance, lossWindow, firstLoss, secondLoss, grid, value);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
