package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelDistancesTest {

    @Test
    void pairedDistanceIsTwiceTheMissingConvergence() {
        // Exact arithmetic.
        assertEquals(0, ModelDistances.pairedSampleDistance(1), 0);
        assertEquals(2, ModelDistances.pairedSampleDistance(0), 0);
        assertEquals(0.5, ModelDistances.pairedSampleDistance(0.75), 0);
        assertThrows(IllegalArgumentException.class,
                () -> ModelDistances.pairedSampleDistance(Double.NaN));
    }

    @Test
    void isotropicWassersteinIsTwiceOneMinusRootQ() {
        // Sigma = I: Sigma^2 = I, so the squared-spectrum equivalent is Marchenko–Pastur;
        // same quadrature accuracy as DeterministicEquivalentTest, 1e-9.
        PopulationSpectrum identity = PopulationSpectrum.spiked(700);
        for (int i = 0; i <= 40; i++) {
            double gamma = Math.pow(10, -2 + 4 * i / 40.0);
            assertEquals(ModelDistances.isotropicWassersteinToPopulation(gamma),
                    ModelDistances.wassersteinToPopulation(identity, gamma), 1e-9);
            assertEquals(2 * (1 - Math.sqrt(MarchenkoPastur.convergence(gamma))),
                    ModelDistances.isotropicWassersteinToPopulation(gamma), 1e-15);
        }
    }

    @Test
    void wassersteinFallsWithLoad() {
        // Qualitative: more data, closer to the truth; in [0, 2].
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(2000, 1.5);
        double[] loads = {0.01, 0.1, 1, 10, 100};
        double[] distance = ModelDistances.wassersteinToPopulation(spectrum, loads);
        for (int i = 0; i < loads.length; i++) {
            assertTrue(distance[i] >= 0 && distance[i] <= 2);
            if (i > 0) {
                assertTrue(distance[i] < distance[i - 1]);
            }
        }
    }

    @Test
    void spikedEigenspaceDistanceIsRMinusSumOfBbpOverlaps() {
        // d = 1e9: leakage between spikes is O(1/d) and the single overlaps match BBP to
        // 1e-6 (FactorRecoveryTest); three spikes, 3e-6.
        double[] spikes = {4, 1.5, 0.7};
        PopulationSpectrum spectrum = PopulationSpectrum.spiked(1_000_000_000, spikes);
        for (double gamma : new double[] {0.05, 0.3, 1, 2.5, 40}) {
            double expected = 3;
            for (double beta : spikes) {
                expected -= BbpTransition.latentRecovery(gamma, beta);
            }
            assertEquals(expected, ModelDistances.eigenspaceDistance(spectrum, 3, gamma), 3e-6);
        }
    }

    @Test
    void eigenspaceDistanceStaysInItsRange() {
        // 0 <= r - ||V^T U||^2 <= r for any rank, also cutting through a multiple eigenvalue.
        PopulationSpectrum[] spectra = {PopulationSpectrum.powerLaw(300, 0.5),
            PopulationSpectrum.powerLaw(300, 2), PopulationSpectrum.spiked(300, 2, 2, 1)};
        for (PopulationSpectrum spectrum : spectra) {
            for (int rank : new int[] {1, 2, 3, 5, 10}) {
                for (double gamma : new double[] {0.01, 0.5, 5, 500}) {
                    double distance = ModelDistances.eigenspaceDistance(spectrum, rank, gamma);
                    assertTrue(distance >= 0 && distance <= rank, "distance " + distance);
                }
            }
        }
    }
}
