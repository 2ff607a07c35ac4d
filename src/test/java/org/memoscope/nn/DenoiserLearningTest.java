package org.memoscope.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The UNet learns to denoise a low-dimensional Gaussian almost as well as the optimal
 * (Wiener) denoiser.
 *
 * <p>Clean 8x8 images are {@code x = sum_k sqrt(lambda_k) z_k u_k} with four orthonormal
 * smooth patterns {@code u_k} (the 2-D cosines of frequencies 0 and 1 in each direction),
 * {@code lambda_k = 16} so that the mean pixel variance is 1, and {@code z_k ~ N(0, 1)};
 * the noise is Gaussian with sigma 0.5 ({@code s = 0.25}). The best mean squared error per
 * pixel of any denoiser is the Wiener filter's,
 * {@code tr(Sigma - Sigma (Sigma + s I)^-1 Sigma) / d}, computed here from the covariance.
 */
class DenoiserLearningTest {

    private static final int SIDE = 8;

    private static final int PIXELS = SIDE * SIDE;

    private static final double NOISE_VARIANCE = 0.25;

    private static final double EIGENVALUE = 16;

    private static final int STEPS = 2500;

    private static final int BATCH = 32;

    /**
     * After 2500 Adam steps on fresh batches of 32 (about 3 s), the test error must be within
     * 1.3 times the Wiener error; a 2000-image test set estimates it to about 2 %. The run
     * reaches 1.15. It must also not beat the Wiener error by more than that sampling
     * error allows (0.95), which would mean the clean images leak into the input.
     */
    @Test
    void learnsCloseToTheWienerError() {
        double[][] patterns = cosinePatterns();
        double wienerError = wienerError(covariance(patterns));

        // One thread: batches of 32 small images are too little work to share, and the
        // result is the same for any thread count (see UNetTest).
        Engine engine = Engine.create(ConvKernels.selected(), 1);
        UNet network = new UNet(new UNet.Config(2, 8, false), 21, engine);
        double learningRate = 1e-2;
        Adam optimiser = new Adam(learningRate);
        Random random = new Random(22);
        for (int step = 0; step < STEPS; step++) {
            // Cosine decay to 2 % of the initial rate: large steps first, then fine tuning.
            double decay = 0.5 * (1 + Math.cos(Math.PI * step / STEPS));
            optimiser.setLearningRate(learningRate * (0.02 + 0.98 * decay));
            FeatureMaps[] pair = noisyPairs(random, patterns, BATCH);
            network.trainStep(pair[1], pair[0], optimiser);
        }

        FeatureMaps[] test = noisyPairs(new Random(23), patterns, 2000);
        double testError = new MeanSquaredError(engine).loss(network.forward(test[1]), test[0]);
        double ratio = testError / wienerError;
        assertTrue(ratio < 1.3, () -> "test error " + testError + " is " + ratio
                + " times the Wiener error " + wienerError);
        assertTrue(ratio > 0.95, () -> "test error " + testError + " below the Wiener error "
                + wienerError);
    }

    /** The four orthonormal patterns cos(pi (y + 1/2) a / 8) cos(pi (x + 1/2) b / 8). */
    private static double[][] cosinePatterns() {
        int[][] frequencies = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] patterns = new double[frequencies.length][PIXELS];
        for (int k = 0; k < frequencies.length; k++) {
            double norm = 0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double value = Math.cos(Math.PI * (y + 0.5) * frequencies[k][0] / SIDE)
                            * Math.cos(Math.PI * (x + 0.5) * frequencies[k][1] / SIDE);
                    patterns[k][y * SIDE + x] = value;
                    norm += value * value;
                }
            }
            for (int i = 0; i < PIXELS; i++) {
                patterns[k][i] /= Math.sqrt(norm);
            }
        }
        return patterns;
    }

    /** {@code Sigma = lambda sum_k u_k u_k^T}. */
    private static DMatrixRMaj covariance(double[][] patterns) {
        DMatrixRMaj sigma = new DMatrixRMaj(PIXELS, PIXELS);
        for (double[] pattern : patterns) {
            for (int i = 0; i < PIXELS; i++) {
                for (int j = 0; j < PIXELS; j++) {
                    sigma.add(i, j, EIGENVALUE * pattern[i] * pattern[j]);
                }
            }
        }
        return sigma;
    }

    /** {@code tr(Sigma - Sigma (Sigma + s I)^-1 Sigma) / d}. */
    private static double wienerError(DMatrixRMaj sigma) {
        DMatrixRMaj regularised = sigma.copy();
        for (int i = 0; i < PIXELS; i++) {
            regularised.add(i, i, NOISE_VARIANCE);
        }
        DMatrixRMaj solved = new DMatrixRMaj(PIXELS, PIXELS);
        if (!CommonOps_DDRM.solve(regularised, sigma, solved)) {
            throw new IllegalStateException("Sigma + s I is singular");
        }
        DMatrixRMaj explained = new DMatrixRMaj(PIXELS, PIXELS);
        CommonOps_DDRM.mult(sigma, solved, explained);
        return (CommonOps_DDRM.trace(sigma) - CommonOps_DDRM.trace(explained)) / PIXELS;
    }

    /** {@code count} clean images and their noisy versions, as {clean, noisy}. */
    private static FeatureMaps[] noisyPairs(Random random, double[][] patterns, int count) {
        float[] clean = new float[count * PIXELS];
        float[] noisy = new float[count * PIXELS];
        double amplitude = Math.sqrt(EIGENVALUE);
        double noise = Math.sqrt(NOISE_VARIANCE);
        for (int m = 0; m < count; m++) {
            double[] image = new double[PIXELS];
            for (double[] pattern : patterns) {
                double weight = amplitude * random.nextGaussian();
                for (int i = 0; i < PIXELS; i++) {
                    image[i] += weight * pattern[i];
                }
            }
            for (int i = 0; i < PIXELS; i++) {
                clean[m * PIXELS + i] = (float) image[i];
                noisy[m * PIXELS + i] = (float) (image[i] + noise * random.nextGaussian());
            }
        }
        return new FeatureMaps[] {FeatureMaps.fromNchw(clean, count, 1, SIDE, SIDE),
            FeatureMaps.fromNchw(noisy, count, 1, SIDE, SIDE)};
    }
}
