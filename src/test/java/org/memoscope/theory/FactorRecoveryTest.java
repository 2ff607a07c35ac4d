package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FactorRecoveryTest {

    /** Large enough that the O(1/d) finite-dimension terms are below 1e-7. */
    private static final int HUGE = 1_000_000_000;
    private static final double[] SPIKES = {3, 2, 1, 0.5};

    @Test
    void identityPlusSpikesReducesToBbp() {
        // At d = 1e9 the other spikes enter T1, T2 with weight 1e-9 and coefficients below
        // 20, and Q is Lipschitz in them with constant 1/(gamma + T1) <= 100 on this grid:
        // 1e-6 absolute, also across each threshold.
        PopulationSpectrum spectrum = PopulationSpectrum.spiked(HUGE, SPIKES);
        for (int i = 0; i <= 80; i++) {
            double gamma = Math.pow(10, -2 + 4 * i / 80.0);
            for (int k = 0; k < SPIKES.length; k++) {
                FactorRecovery factor = FactorRecovery.of(spectrum, k + 1);
                assertEquals(BbpTransition.latentRecovery(gamma, SPIKES[k]),
                        factor.latentRecovery(gamma), 1e-6, "gamma = " + gamma);
                assertEquals(BbpTransition.threshold(SPIKES[k]), factor.threshold(),
                        1e-6 * factor.threshold());
                if (gamma > factor.threshold() * 1.001) {
                    assertEquals(BbpTransition.topEigenvalue(gamma, SPIKES[k]),
                            factor.outlierEigenvalue(gamma).getAsDouble(), 1e-6);
                }
            }
        }
    }

    @Test
    void finiteDimensionCorrectionIsOrderOneOverD() {
        // Q(d) - Q_BBP must shrink tenfold from d = 1000 to d = 10000 (ratio within 8..12:
        // second-order terms are O(1/d^2) relative to the first).
        double gamma = 0.6;
        double limit = BbpTransition.latentRecovery(gamma, 3);
        double small = FactorRecovery.of(PopulationSpectrum.spiked(1000, SPIKES), 1)
                .latentRecovery(gamma) - limit;
        double large = FactorRecovery.of(PopulationSpectrum.spiked(10000, SPIKES), 1)
                .latentRecovery(gamma) - limit;
        assertEquals(10, small / large, 2);
    }

    @Test
    void largeLoadIsSecondOrderPerturbationTheory() {
        // gamma (1 - Q) = (T1 + T2) gamma / (gamma + T1) -> (1/d) sum_j lambda lambda_j /
        // (lambda - lambda_j)^2; at gamma = 1e8 the relative gap is T1/gamma < 1e-7: 1e-6.
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(500, 1);
        double gamma = 1e8;
        for (int k = 1; k <= 10; k++) {
            double lambda = spectrum.largest(k);
            double expected = 0;
            for (int j = 1; j <= 500; j++) {
                double other = spectrum.largest(j);
                if (j != k) {
                    expected += lambda * other / ((lambda - other) * (lambda - other)) / 500;
                }
            }
            double deficit = gamma * (1 - FactorRecovery.of(spectrum, k).latentRecovery(gamma));
            assertEquals(expected, deficit, 1e-6 * expected, "k = " + k);
        }
    }

    @Test
    void overlapAndLeakageAddUpToOne() {
        // Exact identity Q + sum_j m_j (v_j . u_k)^2 = 1 above the threshold (the leakage is
        // the split of 1 - Q over the other eigenvalues); sums of ~500 terms: 1e-12.
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(500, 0.7);
        for (double gamma : new double[] {0.2, 1, 30}) {
            for (int k = 1; k <= 4; k++) {
                FactorRecovery factor = FactorRecovery.of(spectrum, k);
                if (gamma <= factor.threshold()) {
                    continue;
                }
                double total = factor.latentRecovery(gamma);
                for (int j = 0; j < spectrum.distinctCount(); j++) {
                    double other = spectrum.distinctValue(j);
                    if (other != factor.populationEigenvalue()) {
                        total += spectrum.multiplicity(j) * factor.leakage(other, gamma);
                    }
                }
                assertEquals(1, total, 1e-12, "gamma = " + gamma + ", k = " + k);
            }
        }
    }

    @Test
    void equalSpikesShareTheirEigenspace() {
        // Two spikes of strength 2 form one two-dimensional factor: the eigenspace keeps the
        // BBP share, each single overlap half of it (d = 1e9: 1e-6 as above).
        PopulationSpectrum spectrum = PopulationSpectrum.spiked(HUGE, 2, 2);
        for (double gamma : new double[] {0.1, 0.5, 4}) {
            double bbp = BbpTransition.latentRecovery(gamma, 2);
            for (int rank : new int[] {1, 2}) {
                FactorRecovery factor = FactorRecovery.of(spectrum, rank);
                assertEquals(2, factor.multiplicity());
                assertEquals(bbp, factor.eigenspaceRecovery(gamma), 1e-6);
                assertEquals(bbp / 2, factor.latentRecovery(gamma), 1e-6);
            }
        }
    }

    @Test
    void deeperFactorsNeedMoreData() {
        // Power laws: gaps between consecutive eigenvalues shrink relative to the eigenvalues,
        // so thresholds grow with rank and Q falls with rank at a fixed load.
        for (double alpha : new double[] {0.5, 1, 1.5, 2}) {
            PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(1000, alpha);
            double[] recovery = FactorRecovery.latentRecovery(spectrum, 20, 0.5);
            for (int k = 1; k < 20; k++) {
                assertTrue(FactorRecovery.of(spectrum, k + 1).threshold()
                        > FactorRecovery.of(spectrum, k).threshold(), "alpha " + alpha);
                assertTrue(recovery[k] <= recovery[k - 1]);
                assertTrue(recovery[k] >= 0 && recovery[k] < 1);
            }
        }
    }

    @Test
    void belowThresholdNothingIsRecovered() {
        FactorRecovery factor = FactorRecovery.of(PopulationSpectrum.powerLaw(300, 1), 5);
        double below = factor.threshold() * 0.99;
        assertEquals(0, factor.latentRecovery(below), 0);
        assertFalse(factor.outlierEigenvalue(below).isPresent());
        assertEquals(0, factor.leakage(1, below), 0);
    }

    @Test
    void zeroEigenvaluesDefineNoFactor() {
        PopulationSpectrum deficient = PopulationSpectrum.of(4, 2, 1, 0, 0);
        assertTrue(FactorRecovery.of(deficient, 3).latentRecovery(2) > 0);
        assertThrows(IllegalArgumentException.class, () -> FactorRecovery.of(deficient, 4));
        assertThrows(IllegalArgumentException.class, () -> FactorRecovery.of(deficient, 6));
        assertThrows(IllegalArgumentException.class,
                () -> FactorRecovery.of(deficient, 1).latentRecovery(0));
    }
}
