package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.memoscope.data.SampleSpectrum.PrincipalComponents;

/** Sample-covariance spectra: convergence to the population, and the two routes agreeing. */
class SampleSpectrumTest {

    @Test
    void estimatedEigenvaluesApproachThePopulation() {
        PowerLawSpectrum population = new PowerLawSpectrum(40, 1.0, 4.0);
        double[] expected = descending(population.eigenvalues());

        double[] estimated = SampleSpectrum.eigenvalues(population.sample(20_000, 3));

        // A separated sample eigenvalue has relative standard deviation sqrt(2/n) = 1% at
        // n = 20000 and a bias of order d/n = 0.2%; 6% leaves room for the largest of the
        // 40 deviations and for the closely spaced tail.
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], estimated[j], 0.06 * expected[j], "eigenvalue " + j);
        }
    }

    @Test
    void gramRouteMatchesCovarianceRoute() {
        int n = 30;
        int d = 50;
        double[][] data = gaussianMatrix(n, d, 4);

        double[] wide = SampleSpectrum.eigenvalues(data);
        double[] tall = SampleSpectrum.eigenvalues(transpose(data));

        // Same non-zero eigenvalues of X^T X and X X^T; the divisors are n and d.
        assertEquals(d, wide.length);
        assertEquals(n, tall.length);
        for (int k = 0; k < n; k++) {
            assertEquals(n * wide[k], d * tall[k], 1e-9 * d * tall[0], "eigenvalue " + k);
        }
        for (int k = n; k < d; k++) {
            assertEquals(0, wide[k], "eigenvalue " + k);
        }
    }

    @Test
    void eigenvectorsSatisfyTheEigenEquationOnBothRoutes() {
        for (int[] shape : new int[][] {{20, 45}, {80, 25}}) {
            double[][] data = gaussianMatrix(shape[0], shape[1], 5);
            PrincipalComponents components = SampleSpectrum.principalComponents(data, 4);
            double[][] covariance = covariance(data);

            for (int k = 0; k < 4; k++) {
                double[] u = components.eigenvectors()[k];
                double mu = components.eigenvalues()[k];
                assertEquals(1, dot(u, u), 1e-12);
                double[] image = multiply(covariance, u);
                for (int j = 0; j < u.length; j++) {
                    assertEquals(mu * u[j], image[j], 1e-9 * mu,
                            "shape " + Arrays.toString(shape) + " vector " + k);
                }
            }
        }
    }

    @Test
    void topEigenvectorsRecoverStrongSpikes() {
        PowerLawSpectrum population = new PowerLawSpectrum(30, 1.0, 8.0, 4.0);

        PrincipalComponents components =
                SampleSpectrum.principalComponents(population.sample(5000, 6), 2);

        // Well above the BBP threshold at n/d = 167: overlaps within 1% of 1 are expected.
        for (int k = 1; k <= 2; k++) {
            double overlap = dot(components.eigenvectors()[k - 1], population.latentFactor(k));
            assertTrue(overlap * overlap > 0.95, "Q_" + k + " = " + overlap * overlap);
        }
    }

    @Test
    void centredImageSetsGiveTheirSpread() {
        ImageSet images = ImageSet.of("pair", 1, 2, new double[][] {{1, 5}, {3, 5}});

        double[] eigenvalues = SampleSpectrum.eigenvalues(images.centred());

        assertEquals(1, eigenvalues[0], 1e-12);
        assertEquals(0, eigenvalues[1], 1e-12);
    }

    @Test
    void moreVectorsThanTheRankAreRefused() {
        double[][] data = gaussianMatrix(3, 10, 7);

        assertThrows(IllegalArgumentException.class,
                () -> SampleSpectrum.principalComponents(data, 4));
    }

    private static double[] descending(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return sorted;
    }

    private static double[][] gaussianMatrix(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return matrix;
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] result = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                result[j][i] = matrix[i][j];
            }
        }
        return result;
    }

    /** (1/n) X^T X, computed directly. */
    private static double[][] covariance(double[][] data) {
        int n = data.length;
        int d = data[0].length;
        double[][] result = new double[d][d];
        for (double[] x : data) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    result[a][b] += x[a] * x[b] / n;
                }
            }
        }
        return result;
    }

    private static double[] multiply(double[][] matrix, double[] vector) {
        double[] result = new double[matrix.length];
        for (int a = 0; a < matrix.length; a++) {
            result[a] = dot(matrix[a], vector);
        }
        return result;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
