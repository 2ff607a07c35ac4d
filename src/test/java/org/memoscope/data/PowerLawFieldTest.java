package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Power-law Gaussian fields: spectrum slope and level, unit variance, seeds, eigenbasis. */
class PowerLawFieldTest {

    private static final int SIDE = 32;
    private static final int SLOPE_IMAGES = 200;
    private static final int FIRST_BIN = 2;
    private static final int LAST_BIN = 12;

    /**
     * Tolerance on the fitted slope. Binning |k| into unit annuli biases the fit of the exact
     * population spectrum by under 0.01 over |k| = 2..12, and the seed-to-seed spread of the
     * fit from 200 images of 32x32 is about 0.01 (each annulus averages hundreds of independent
     * Fourier coefficients), so 0.05 is several standard deviations from either effect.
     */
    private static final double SLOPE_TOLERANCE = 0.05;

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 3})
    void radialSpectrumHasTheRequestedSlopeAndLevel(double alpha) {
        PowerLawField field = new PowerLawField(SIDE, alpha);
        ImageSet images = field.generate(SLOPE_IMAGES, 20 + (long) alpha);

        double[] empirical = radialAverage(meanPeriodogram(images));
        double[] population = radialAverage(populationPowers(field));

        assertEquals(-alpha, fittedSlope(empirical), SLOPE_TOLERANCE);
        // Each annulus holds >= 12 modes x 200 images, half of them independent (X(-k) is the
        // conjugate of X(k)): a relative error near 3%, so 10% is over three deviations.
        for (int bin = FIRST_BIN; bin <= LAST_BIN; bin++) {
            assertEquals(1, empirical[bin] / population[bin], 0.1, "annulus " + bin);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 2, 3, 4})
    void everyPixelHasUnitVariance(double alpha) {
        PowerLawField field = new PowerLawField(16, alpha);
        int count = 1000;
        ImageSet images = field.generate(count, 30);

        double sumOfSquares = 0;
        for (double value : images.copyPixels()) {
            sumOfSquares += value * value;
        }
        double pooledVariance = sumOfSquares / ((double) count * field.dimension());

        // The pooled estimate sums independent chi-square modes: its variance is
        // 2 sum(lambda^2) / (d^2 n) exactly; allow five standard deviations.
        double sumOfSquaredEigenvalues = 0;
        for (double lambda : field.eigenvalues()) {
            sumOfSquaredEigenvalues += lambda * lambda;
        }
        double d = field.dimension();
        double standardDeviation = Math.sqrt(2 * sumOfSquaredEigenvalues / (d * d * count));
        assertEquals(1, pooledVariance, 5 * standardDeviation);
    }

    @Test
    void theSameSeedGivesTheSameFields() {
        PowerLawField field = new PowerLawField(16, 2);

        double[] first = field.generate(10, 7).copyPixels();
        double[] again = field.generate(10, 7).copyPixels();
        double[] prefix = field.generate(4, 7).copyPixels();
        double[] other = field.generate(10, 8).copyPixels();

        assertArrayEquals(first, again);
        assertArrayEquals(Arrays.copyOf(first, prefix.length), prefix);
        assertFalse(Arrays.equals(first, other));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 2, 4})
    void eigenvaluesHaveMeanOneAndDescend(double alpha) {
        PowerLawField field = new PowerLawField(24, alpha);
        double[] eigenvalues = field.eigenvalues();

        assertEquals(24 * 24, eigenvalues.length);
        assertEquals(1, Arrays.stream(eigenvalues).average().orElseThrow(), 1e-12);
        for (int k = 1; k < eigenvalues.length; k++) {
            assertTrue(eigenvalues[k] <= eigenvalues[k - 1], "descending at " + k);
        }
        // The mean mode shares the power of |k| = 1: five equal top eigenvalues.
        assertEquals(eigenvalues[0], eigenvalues[4], 1e-12);
        assertEquals(alpha == 0, eigenvalues[5] == eigenvalues[0]);
    }

    @Test
    void eigenvectorsAreOrthonormalAndDiagonaliseTheCovariance() {
        PowerLawField field = new PowerLawField(12, 2.5);
        int count = field.dimension();
        double[][] vectors = field.eigenvectors(count);
        double[] eigenvalues = field.eigenvalues();

        for (int a = 0; a < count; a += 7) {
            for (int b = 0; b < count; b++) {
                assertEquals(a == b ? 1 : 0, dot(vectors[a], vectors[b]), 1e-12,
                        "vectors " + a + ", " + b);
            }
            assertArrayEquals(scaled(vectors[a], eigenvalues[a]),
                    applyCovariance(field, vectors[a]), 1e-12, "eigenvector " + a);
        }
        assertEquals(field.modes().get(0).power(), eigenvalues[0]);
    }

    @Test
    void sizesAndExponentsOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PowerLawField(7, 1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawField(65, 1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawField(16, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawField(16, 4.1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawField(16, Double.NaN));
    }

    /** (1/d) |DFT x|^2 averaged over the images: an unbiased estimate of P(k). */
    private static double[] meanPeriodogram(ImageSet images) {
        int side = images.width();
        int d = images.dimension();
        DoubleFFT_2D fft = new DoubleFFT_2D(side, side);
        double[] mean = new double[d];
        double[] work = new double[2 * d];
        for (int i = 0; i < images.count(); i++) {
            Arrays.fill(work, 0);
            for (int k = 0; k < d; k++) {
                work[2 * k] = images.value(i, k);
            }
            fft.complexForward(work);
            for (int k = 0; k < d; k++) {
                double re = work[2 * k];
                double im = work[2 * k + 1];
                mean[k] += (re * re + im * im) / d / images.count();
            }
        }
        return mean;
    }

    private static double[] populationPowers(PowerLawField field) {
        int side = field.side();
        double[] power = new double[field.dimension()];
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                power[row * side + column] = field.power(row, column);
            }
        }
        return power;
    }

    /** Mean power in each annulus round(|k|) = bin. */
    private static double[] radialAverage(double[] power) {
        double[] sum = new double[SIDE];
        int[] modes = new int[SIDE];
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                int bin = (int) Math.round(radius(row, column));
                if (bin < SIDE) {
                    sum[bin] += power[row * SIDE + column];
                    modes[bin]++;
                }
            }
        }
        double[] average = new double[SIDE];
        for (int bin = 0; bin < SIDE; bin++) {
            average[bin] = modes[bin] == 0 ? Double.NaN : sum[bin] / modes[bin];
        }
        return average;
    }

    /** Least-squares slope of log power against the mean log |k| of each annulus. */
    private static double fittedSlope(double[] radialPower) {
        double[] logRadiusSum = new double[SIDE];
        int[] modes = new int[SIDE];
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                double radius = radius(row, column);
                int bin = (int) Math.round(radius);
                if (bin >= FIRST_BIN && bin <= LAST_BIN) {
                    logRadiusSum[bin] += Math.log(radius);
                    modes[bin]++;
                }
            }
        }
        int points = LAST_BIN - FIRST_BIN + 1;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumXy = 0;
        for (int bin = FIRST_BIN; bin <= LAST_BIN; bin++) {
            double x = logRadiusSum[bin] / modes[bin];
            double y = Math.log(radialPower[bin]);
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumXy += x * y;
        }
        return (points * sumXy - sumX * sumY) / (points * sumXx - sumX * sumX);
    }

    private static double radius(int row, int column) {
        int rowFrequency = row <= SIDE / 2 ? row : row - SIDE;
        int columnFrequency = column <= SIDE / 2 ? column : column - SIDE;
        return Math.hypot(rowFrequency, columnFrequency);
    }

    /** Sigma v for the circulant covariance: the inverse DFT of P(k) times the DFT of v. */
    private static double[] applyCovariance(PowerLawField field, double[] vector) {
        int side = field.side();
        int d = field.dimension();
        double[] work = new double[2 * d];
        for (int k = 0; k < d; k++) {
            work[2 * k] = vector[k];
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(side, side);
        fft.complexForward(work);
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                int k = row * side + column;
                double power = field.power(row, column);
                work[2 * k] *= power;
                work[2 * k + 1] *= power;
            }
        }
        fft.complexInverse(work, true);
        double[] result = new double[d];
        for (int k = 0; k < d; k++) {
            result[k] = work[2 * k];
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

    private static double[] scaled(double[] vector, double factor) {
        double[] result = new double[vector.length];
        for (int k = 0; k < vector.length; k++) {
            result[k] = factor * vector[k];
        }
        return result;
    }
}
