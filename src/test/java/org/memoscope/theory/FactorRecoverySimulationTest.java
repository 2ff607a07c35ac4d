package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memoscope.model.Estimate;

/**
 * Q_k = (v_k . u_k)^2 and the top-r eigenspace distance against seeded simulations of
 * {@code x ~ N(0, diag(lambda))}, where v_k = e_k and the overlap is the k-th coordinate of
 * the k-th top sample eigenvector.
 *
 * <p>Tolerance for a single overlap: 3 SE over the draws plus a finite-size allowance of
 * 0.03. In 200-draw runs at d = 500 the simulated mean sat below the theory by 0.001 to
 * 0.022 for every factor at least twice its threshold (n from 100 to 300), a bias that
 * shrinks with n (spike beta = 3 at gamma = 1/2: -0.016 at n = 250, -0.005 at n = 500).
 * Factors near or below their threshold are not compared one by one: there the finite-n
 * transition is smooth (e.g. alpha = 0.5, gamma = 0.6, k = 4: simulated 0.30, theory 0.20).
 */
class FactorRecoverySimulationTest {

    private static final int DIMENSION = 500;
    private static final int DRAWS = 40;
    private static final int FACTORS = 3;
    /** Top sample eigenvectors computed per draw (for the rank-4 eigenspace). */
    private static final int COMPUTED = 4;
    private static final double ALLOWANCE = 0.03;

    /** Power-law cases {alpha, gamma}: factor 3 sits at 2.4x, 5.8x and 8.7x its threshold. */
    private static final double[][] POWER_LAWS = {{0.5, 0.6}, {1, 0.3}, {1.5, 0.2}};
    private static final PopulationSpectrum SPIKED = PopulationSpectrum.spiked(DIMENSION, 3, 2, 1);
    private static final PopulationSpectrum SPIKED_SMALL = PopulationSpectrum.spiked(400, 3, 2, 1);
    private static final Measured[] POWER_LAW_MEASURED = new Measured[POWER_LAWS.length];
    private static Measured spikedLowLoad;
    private static Measured spikedHighLoad;

    @BeforeAll
    static void simulateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Measured>> powerLaws = new ArrayList<>();
            for (int i = 0; i < POWER_LAWS.length; i++) {
                PopulationSpectrum spectrum = powerLaw(i);
                double gamma = POWER_LAWS[i][1];
                long seed = 100 + i;
                powerLaws.add(pool.submit(() -> simulate(spectrum, gamma, DRAWS, seed)));
            }
            Future<Measured> low = pool.submit(() -> simulate(SPIKED, 0.5, DRAWS, 300));
            Future<Measured> high = pool.submit(() -> simulate(SPIKED_SMALL, 2, 20, 301));
            for (int i = 0; i < POWER_LAWS.length; i++) {
                POWER_LAW_MEASURED[i] = powerLaws.get(i).get();
            }
            spikedLowLoad = low.get();
            spikedHighLoad = high.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void powerLawTopFactors() {
        for (int i = 0; i < POWER_LAWS.length; i++) {
            double gamma = POWER_LAWS[i][1];
            for (int k = 0; k < FACTORS; k++) {
                double theory = FactorRecovery.of(powerLaw(i), k + 1).latentRecovery(gamma);
                Estimate overlap = POWER_LAW_MEASURED[i].overlaps[k];
                assertEquals(theory, overlap.mean(), 3 * overlap.standardError() + ALLOWANCE,
                        "alpha " + POWER_LAWS[i][0] + ", k = " + (k + 1));
            }
        }
    }

    @Test
    void powerLawEigenspaceNeedsTheLeakage() {
        // r - ||V^T U||^2, r = 3 at alpha 0.5 (factor 4 is near its threshold there) and
        // r = 4 at alpha 1 and 1.5. With the leakage between close top factors the theory
        // matched 200-draw runs at d = 500 to 0.03 (alpha 0.5, r = 3: 0.914 vs 0.941 in 40
        // draws; alpha 1: 0.563 vs 0.564; alpha 1.5: 0.292 vs 0.309); tolerance 3 SE + 0.04.
        // Without the leakage (r - sum Q_k) the theory is too pessimistic by 0.16 to 0.28
        // (1.104, 0.843, 0.486): the leakage must bring it closer in every case.
        int[] ranks = {3, 4, 4};
        for (int i = 0; i < POWER_LAWS.length; i++) {
            PopulationSpectrum spectrum = powerLaw(i);
            double gamma = POWER_LAWS[i][1];
            int rank = ranks[i];
            double theory = ModelDistances.eigenspaceDistance(spectrum, rank, gamma);
            Estimate distance = POWER_LAW_MEASURED[i].eigenspaceDistances[rank - 1];
            assertEquals(theory, distance.mean(), 3 * distance.standardError() + 0.04,
                    "alpha " + POWER_LAWS[i][0]);
            double withoutLeakage = rank;
            for (int k = 1; k <= rank; k++) {
                withoutLeakage -= FactorRecovery.of(spectrum, k).latentRecovery(gamma);
            }
            assertTrue(Math.abs(theory - distance.mean())
                    < Math.abs(withoutLeakage - distance.mean()), "alpha " + POWER_LAWS[i][0]);
        }
    }

    @Test
    void spikedFactorsAboveAndBelowTheirThresholds() {
        // Sigma = I + spikes 3, 2, 1 (thresholds 1/9, 1/4, 1). At gamma = 1/2 the first two are
        // compared as above and the third, below threshold, must stay small (theory 0; finite
        // size leaves 0.02 at d = 500, so at most 0.06). At gamma = 2 (d = 400, n = 800, 20
        // draws) all three are recovered.
        for (int k = 0; k < 2; k++) {
            double theory = FactorRecovery.of(SPIKED, k + 1).latentRecovery(0.5);
            Estimate overlap = spikedLowLoad.overlaps[k];
            assertEquals(theory, overlap.mean(), 3 * overlap.standardError() + ALLOWANCE,
                    "k = " + (k + 1));
        }
        assertTrue(spikedLowLoad.overlaps[2].mean() < 0.06,
                "below threshold: " + spikedLowLoad.overlaps[2].mean());
        for (int k = 0; k < FACTORS; k++) {
            double theory = FactorRecovery.of(SPIKED_SMALL, k + 1).latentRecovery(2);
            Estimate overlap = spikedHighLoad.overlaps[k];
            assertEquals(theory, overlap.mean(), 3 * overlap.standardError() + ALLOWANCE,
                    "k = " + (k + 1));
        }
    }

    private static PopulationSpectrum powerLaw(int index) {
        return PopulationSpectrum.powerLaw(DIMENSION, POWER_LAWS[index][0]);
    }

    /** Overlaps (e_k . u_k)^2 and distances r - ||V^T U||^2, index k - 1 and r - 1. */
    private record Measured(Estimate[] overlaps, Estimate[] eigenspaceDistances) {
    }

    private static Measured simulate(PopulationSpectrum spectrum, double gamma, int draws,
                                     long seed) {
        double[] lambda = spectrum.toArray();
        int n = (int) Math.round(gamma * lambda.length);
        SpectrumSimulation simulation = new SpectrumSimulation(seed);
        double[][] overlaps = new double[COMPUTED][draws];
        double[][] distances = new double[COMPUTED][draws];
        for (int draw = 0; draw < draws; draw++) {
            DMatrixRMaj top = SpectrumSimulation.topSampleEigenvectors(
                    simulation.data(n, lambda), COMPUTED);
            for (int k = 0; k < COMPUTED; k++) {
                overlaps[k][draw] = top.get(k, k) * top.get(k, k);
            }
            for (int rank = 1; rank <= COMPUTED; rank++) {
                double captured = 0;
                for (int k = 0; k < rank; k++) {
                    for (int l = 0; l < rank; l++) {
                        captured += top.get(k, l) * top.get(k, l);
                    }
                }
                distances[rank - 1][draw] = rank - captured;
            }
        }
        Estimate[] overlapEstimates = new Estimate[COMPUTED];
        Estimate[] distanceEstimates = new Estimate[COMPUTED];
        for (int k = 0; k < COMPUTED; k++) {
            overlapEstimates[k] = Estimate.of(overlaps[k]);
            distanceEstimates[k] = Estimate.of(distances[k]);
        }
        return new Measured(overlapEstimates, distanceEstimates);
    }
}
