package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Power-law population spectra with planted spikes, and their Gaussian sampler. */
class PowerLawSpectrumTest {

    @Test
    void bulkFollowsThePowerLawWithMeanOne() {
        PowerLawSpectrum spectrum = new PowerLawSpectrum(100, 1.5);
        double[] bulk = spectrum.bulkEigenvalues();

        assertEquals(1, Arrays.stream(bulk).average().orElseThrow(), 1e-12);
        for (int j = 1; j < bulk.length; j++) {
            assertEquals(Math.pow((j + 1.0) / j, -1.5), bulk[j] / bulk[j - 1], 1e-12);
        }
        assertArrayEquals(bulk, spectrum.eigenvalues());
    }

    @Test
    void alphaZeroWithSpikesIsTheSpikedModel() {
        PowerLawSpectrum spectrum = new PowerLawSpectrum(50, 0, 3.0, 0.5);
        double[] eigenvalues = spectrum.eigenvalues();

        assertEquals(4.0, eigenvalues[0], 1e-12);
        assertEquals(1.5, eigenvalues[1], 1e-12);
        for (int j = 2; j < 50; j++) {
            assertEquals(1.0, eigenvalues[j], 1e-12);
        }
        assertEquals(1 + 3.5 / 50, Arrays.stream(eigenvalues).average().orElseThrow(), 1e-12);
    }

    @Test
    void spikesAddToTheTopBulkEigenvalues() {
        PowerLawSpectrum bulk = new PowerLawSpectrum(20, 1);
        PowerLawSpectrum spiked = bulk.withSpikes(2, 1);

        double[] expected = bulk.eigenvalues();
        expected[0] += 2;
        expected[1] += 1;
        assertArrayEquals(expected, spiked.eigenvalues(), 1e-12);
        assertArrayEquals(new double[] {2, 1}, spiked.spikeStrengths());
        assertArrayEquals(new double[] {0, 1, 0, 0}, Arrays.copyOf(spiked.latentFactor(2), 4));
    }

    @Test
    void samplesHaveThePopulationVariances() {
        PowerLawSpectrum spectrum = new PowerLawSpectrum(8, 2, 5);
        int count = 20_000;
        double[][] samples = spectrum.sample(count, 9);

        double[] eigenvalues = spectrum.eigenvalues();
        for (int j = 0; j < 8; j++) {
            double sumOfSquares = 0;
            for (double[] sample : samples) {
                sumOfSquares += sample[j] * sample[j];
            }
            // The variance estimate has relative standard deviation sqrt(2/n) = 1%: allow 5.
            assertEquals(eigenvalues[j], sumOfSquares / count, 0.05 * eigenvalues[j],
                    "coordinate " + j);
        }
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        PowerLawSpectrum spectrum = new PowerLawSpectrum(10, 1, 2);

        double[][] first = spectrum.sample(6, 4);
        double[][] prefix = spectrum.sample(3, 4);

        assertTrue(Arrays.deepEquals(first, spectrum.sample(6, 4)));
        assertTrue(Arrays.deepEquals(Arrays.copyOf(first, 3), prefix));
        assertTrue(!Arrays.deepEquals(first, spectrum.sample(6, 5)));
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PowerLawSpectrum(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawSpectrum(10, -1));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawSpectrum(10, 1, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new PowerLawSpectrum(2, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PowerLawSpectrum(10, 1).latentFactor(11));
    }
}
