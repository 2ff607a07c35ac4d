package org.memoscope.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The linear diffusion model: the samplers run with the exact Wiener denoiser must give the
 * closed-form linear model of theory.md, section 2 (pitfall "Same linear model, two routes").
 */
class LinearDiffusionTest {

    /** A fine ladder: 400 levels from s = 1e-4 to 1e4 (step ratio r = 0.955). */
    private static final NoiseSchedule FINE = new NoiseSchedule(400, 1e-4, 1e4);

    /**
     * The probability-flow sampler from x_T = z equals
     * {@code S^(1/2) (abar_T S + (1 - abar_T) I)^(-1/2) z} for every seed, with n < d (Gram
     * route, rank n) and n > d. Tolerance 1 % of the sample's norm: the per-step DDIM error
     * bound of {@link Sampler} at r = 0.955 is 1.3e-4, and a direction of variance lambda
     * collects it over the few tens of levels with s within a factor 10 of lambda; every
     * training eigenvalue here is far above s_1 = 1e-4, so the last step adds nothing visible.
     */
    @Test
    void deterministicSamplerReproducesTheClosedForm() {
        for (int n : new int[] {12, 80}) {
            double[][] training = spikedData(new Random(10 + n), n, 40, 4.0);
            WienerDenoiser wiener = WienerDenoiser.fit(training);
            int count = 16;
            double[] samples = Sampler.generate(wiener, FINE, Sampler.Kind.DETERMINISTIC, 7, 0,
                    count, () -> { });
            double[] closed = wiener.sample(seeds(7, count, 40), count,
                    FINE.alphaBar(FINE.levels()));
            for (int j = 0; j < count; j++) {
                double error = distance(samples, closed, j, 40) / norm(closed, j, 40);
                assertTrue(error < 0.01, "n = " + n + ", seed " + j + ": relative error "
                        + error);
            }
        }
    }

    /**
     * The ancestral sampler with the Wiener denoiser draws from N(0, S), up to its
     * discretisation: on a ladder of ratio r it shrinks every variance by a common factor
     * that tends to 1 as r does (0.89 at 80 levels over s = 1e-4..1e4, 0.99 at 1000 levels;
     * from the exact variance recursion). With 1000 levels over s = 1e-3..1e3 (ratio 0.986)
     * and 3000 samples of dimension 6, each covariance entry must be within 2 % of the larger
     * variance (the bias) plus four Monte-Carlo standard errors
     * {@code sqrt((S_ii S_kk + S_ik^2) / 3000)} of S's entry.
     */
    @Test
    void ancestralSamplerDrawsFromTheEmpiricalCovariance() {
        int d = 6;
        double[][] training = spikedData(new Random(3), 4, d, 1.0);
        WienerDenoiser wiener = WienerDenoiser.fit(training);
        int count = 3000;
        double[] samples = Sampler.generate(wiener, new NoiseSchedule(1000, 1e-3, 1e3),
                Sampler.Kind.STOCHASTIC, 11, 0, count, () -> { });
        DMatrixRMaj empirical = covariance(samples, count, d);
        DMatrixRMaj exact = covariance(flatten(training), training.length, d);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double sii = exact.get(i, i);
                double skk = exact.get(k, k);
                double sik = exact.get(i, k);
                double tolerance = 0.02 * Math.max(sii, skk)
                        + 4 * Math.sqrt((sii * skk + sik * sik) / count);
                assertEquals(sik, empirical.get(i, k), tolerance,
                        "covariance entry (" + i + ", " + k + ")");
            }
        }
    }

    /**
     * Two Wiener denoisers fitted on disjoint training sets and run through the
     * deterministic sampler with the same seeds give the closed-form linear model's
     * convergence {@code q = E_z cos(S1^(1/2) z, S2^(1/2) z)} (same seeds, tolerance 0.005:
     * the sampler is within 1 % of the closed form per sample, and with s_T = 1e4 the closed
     * form differs from S^(1/2) z by O(lambda / s_T)), and latent recovery: the top
     * eigenvector of the sampler's output covariance M M^T (M the sampler's linear map, found
     * by running it on the basis vectors) overlaps the spike as the top eigenvector of S does
     * (tolerance 0.005).
     */
    @Test
    void wienerRouteReproducesClosedFormConvergenceAndRecovery() {
        int d = 50;
        int n = 40;
        Random random = new Random(5);
        double[][] first = spikedData(random, n, d, 3.0);
        double[][] second = spikedData(random, n, d, 3.0);
        WienerDenoiser firstWiener = WienerDenoiser.fit(first);
        WienerDenoiser secondWiener = WienerDenoiser.fit(second);

        int count = 64;
        double[] firstSamples = Sampler.generate(firstWiener, FINE,
                Sampler.Kind.DETERMINISTIC, 21, 0, count, () -> { });
        double[] secondSamples = Sampler.generate(secondWiener, FINE,
                Sampler.Kind.DETERMINISTIC, 21, 0, count, () -> { });
        double[] z = seeds(21, count, d);
        double[] firstClosed = firstWiener.squareRootSample(z, count);
        double[] secondClosed = secondWiener.squareRootSample(z, count);
        double sampled = 0;
        double closed = 0;
        for (int j = 0; j < count; j++) {
            sampled += cosine(firstSamples, secondSamples, j, d) / count;
            closed += cosine(firstClosed, secondClosed, j, d) / count;
        }
        assertEquals(closed, sampled, 0.005, "q by the sampler vs closed form");
        assertTrue(closed > 0.2 && closed < 0.9, "q in an informative range: " + closed);

        for (WienerDenoiser wiener : new WienerDenoiser[] {firstWiener, secondWiener}) {
            double[] identity = new double[d * d];
            for (int i = 0; i < d; i++) {
                identity[i * d + i] = 1;
            }
            SplittableRandom[] unused = new SplittableRandom[d];
            double[] map = Sampler.run(wiener, FINE, Sampler.Kind.DETERMINISTIC, identity, d,
                    unused, () -> { });
            double[] top = topEigenvector(covariance(map, d, d));
            double viaSampler = Math.pow(top[0], 2);
            double viaClosedForm = Math.pow(wiener.eigenvector(0)[0], 2);
            assertEquals(viaClosedForm, viaSampler, 0.005, "Q by the sampler vs closed form");
            assertTrue(viaClosedForm > 0.5, "the spike is recovered: Q = " + viaClosedForm);
        }
    }

    /** n vectors {@code x = z + sqrt(beta) z' e_1}: covariance I + beta e_1 e_1^T. */
    static double[][] spikedData(Random random, int n, int d, double beta) {
        double[][] data = new double[n][d];
        for (double[] row : data) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextGaussian();
            }
            row[0] += Math.sqrt(beta) * random.nextGaussian();
        }
        return data;
    }

    private static double[] seeds(long seed, int count, int d) {
        double[] z = new double[count * d];
        for (int j = 0; j < count; j++) {
            NoiseStreams.gaussians(NoiseStreams.stream(seed, j), z, j * d, d);
        }
        return z;
    }

    private static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /** {@code (1/count) sum_j x_j x_j^T} of the vectors laid end to end. */
    private static DMatrixRMaj covariance(double[] vectors, int count, int d) {
        DMatrixRMaj data = DMatrixRMaj.wrap(count, d, vectors);
        DMatrixRMaj result = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(data, data, result);
        CommonOps_DDRM.scale(1.0 / count, result);
        return result;
    }

    private static double[] topEigenvector(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(
                symmetric.numRows, true, true);
        assertTrue(eig.decompose(symmetric.copy()));
        int best = 0;
        for (int i = 1; i < symmetric.numRows; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) {
                best = i;
            }
        }
        double[] vector = eig.getEigenVector(best).data.clone();
        double norm = Math.sqrt(dot(vector, vector));
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] vectors, int j, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += vectors[j * d + i] * vectors[j * d + i];
        }
        return Math.sqrt(sum);
    }

    private static double distance(double[] a, double[] b, int j, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double difference = a[j * d + i] - b[j * d + i];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(double[] a, double[] b, int j, int d) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < d; i++) {
            dot += a[j * d + i] * b[j * d + i];
            na += a[j * d + i] * a[j * d + i];
            nb += b[j * d + i] * b[j * d + i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
