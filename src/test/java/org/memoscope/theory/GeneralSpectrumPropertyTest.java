package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Fault suite, general-spectrum theory: {@link DeterministicEquivalent},
 * {@link FactorRecovery} and {@link ModelDistances} for power-law spectra over the box
 * alpha 0..4, d 2..4096, gamma 1e-3..1e3, ridge 0..10, at the corners of (alpha, d) and
 * at {@value #SPECTRA} seeded random spectra with {@value #LOADS} random loads and ridges
 * each. Checked: every value finite and in its range (q in [0, 1], Q in [0, 1], distances
 * in their documented intervals, thresholds finite and non-negative), q not falling as
 * the load grows (to 1e-9), a ridge not lowering q (to 1e-9), and the flat spectrum
 * (alpha = 0) reproducing the Marchenko-Pastur q (to 1e-9).
 */
class GeneralSpectrumPropertyTest {

    private static final int SPECTRA = 300;
    private static final int LOADS = 12;
    private static final double MAX_ALPHA = 4;

    @Test
    void everyValueIsFiniteAndInRange() {
        SplittableRandom random = new SplittableRandom(404L);
        int cases = 0;
        for (int s = 0; s < SPECTRA + 4; s++) {
            double alpha;
            int d;
            if (s < 4) {
                alpha = s % 2 == 0 ? 0 : MAX_ALPHA;
                d = s < 2 ? 2 : 4096;
            } else {
                alpha = random.nextInt(10) == 0 ? (random.nextBoolean() ? 0 : MAX_ALPHA)
                        : MAX_ALPHA * random.nextDouble();
                d = (int) Math.round(Math.exp(Math.log(2) + random.nextDouble()
                        * (Math.log(4096) - Math.log(2))));
            }
            PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(d, alpha);
            DeterministicEquivalent equivalent = DeterministicEquivalent.of(spectrum);
            double[] loads = new double[LOADS];
            for (int i = 0; i < LOADS; i++) {
                loads[i] = Math.exp(Math.log(1e-3) + random.nextDouble() * Math.log(1e6));
            }
            loads[0] = 1e-3;
            loads[LOADS - 1] = 1e3;
            Arrays.sort(loads);
            double ridge = random.nextInt(4) == 0 ? 0 : 10 * random.nextDouble();
            double[] plain = equivalent.convergence(loads, 0);
            double[] ridged = equivalent.convergence(loads, ridge);
            double[] distance = ModelDistances.wassersteinToPopulation(spectrum, loads);
            int factors = Math.min(3, d);
            for (int i = 0; i < LOADS; i++) {
                String at = "alpha = " + alpha + ", d = " + d + ", gamma = " + loads[i]
                        + ", ridge = " + ridge;
                assertUnit(plain[i], "q at " + at);
                assertUnit(ridged[i], "q with ridge at " + at);
                assertTrue(ridged[i] >= plain[i] - 1e-9, "ridge lowered q at " + at);
                if (i > 0) {
                    assertTrue(plain[i] >= plain[i - 1] - 1e-9, "q fell with gamma at " + at);
                }
                assertTrue(distance[i] >= 0 && distance[i] <= 2, "W2 " + distance[i] + " at "
                        + at);
                double[] recovery = FactorRecovery.latentRecovery(spectrum, factors, loads[i]);
                for (int k = 0; k < factors; k++) {
                    assertUnit(recovery[k], "Q" + (k + 1) + " at " + at);
                }
                double eigenspace = ModelDistances.eigenspaceDistance(spectrum, factors,
                        loads[i]);
                assertTrue(eigenspace >= -1e-12 && eigenspace <= factors + 1e-12,
                        "eigenspace distance " + eigenspace + " at " + at);
                cases++;
            }
            for (int k = 1; k <= factors; k++) {
                double threshold = FactorRecovery.of(spectrum, k).threshold();
                assertTrue(Double.isFinite(threshold) && threshold >= 0,
                        "threshold " + threshold + " for alpha = " + alpha + ", d = " + d);
            }
            if (alpha == 0) {
                for (int i = 0; i < LOADS; i++) {
                    assertEquals(MarchenkoPastur.convergence(loads[i], ridge), ridged[i], 1e-9,
                            "flat spectrum, gamma = " + loads[i]);
                }
            }
        }
        assertEquals((SPECTRA + 4) * LOADS, cases);
    }

    @Test
    void argumentsOutsideTheBoxAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.powerLaw(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.powerLaw(10, -1));
        assertThrows(IllegalArgumentException.class,
                () -> PopulationSpectrum.powerLaw(10, Double.NaN));
        DeterministicEquivalent equivalent =
                DeterministicEquivalent.of(PopulationSpectrum.powerLaw(50, 1));
        for (double gamma : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> equivalent.convergence(gamma));
        }
        assertThrows(IllegalArgumentException.class, () -> equivalent.convergence(1, -0.5));
    }

    private static void assertUnit(double value, String what) {
        assertTrue(value >= 0 && value <= 1, what + " = " + value);
    }
}
