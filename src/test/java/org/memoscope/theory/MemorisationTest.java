package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.memoscope.model.Estimate;

class MemorisationTest {

    @Test
    void expectedMaximumAtSmallCounts() {
        // M_1 = sqrt(2/pi) and M_2 = 2/sqrt(pi) exactly; the interpolant is ~1e-14 accurate.
        assertEquals(Math.sqrt(2 / Math.PI), Memorisation.expectedMaxAbsNormal(1), 1e-15);
        assertEquals(2 / Math.sqrt(Math.PI), Memorisation.expectedMaxAbsNormal(2), 1e-12);
    }

    @Test
    void interpolatedMaximumMatchesDirectQuadrature() {
        // The Chebyshev table against its defining integral at random n up to 2^31:
        // measured worst 8e-15 relative; tolerance 1e-12.
        Random random = new Random(7L);
        for (int i = 0; i < 300; i++) {
            long drawn = Math.round(Math.exp(21.4 * random.nextDouble()));
            int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, drawn));
            double direct = Memorisation.expectedMaxAbsNormalByQuadrature(n);
            assertEquals(direct, Memorisation.expectedMaxAbsNormal(n), 1e-12 * direct, "n = " + n);
        }
    }

    @Test
    void oneTrainingPointIsMemorisedExactly() {
        // x_hat is then a multiple of the training point: m = 1 up to roundoff.
        assertEquals(1.0, Memorisation.smallLoad(1, 0), 1e-15);
        assertEquals(1.0, Memorisation.finiteDimension(1, 2, 0), 1e-15);
        assertEquals(1.0, Memorisation.finiteDimension(1, 4096, 0), 1e-15);
    }

    @Test
    void oneTrainingPointWithRidgeHasClosedForm() {
        // E |w| / sqrt(w^2 + r) = e^(r/2) erfc(sqrt(r/2)); erfc(1/sqrt 2) = P(|Z| > 1)
        // = 0.3173105078629141 (tabulated): 1e-14 absolute.
        assertEquals(Math.exp(0.5) * 0.3173105078629141, Memorisation.smallLoad(1, 1), 1e-14);
    }

    @Test
    void directionAndLengthOfGaussianFactorise() {
        // m(n, 0) = E max|w_mu| / |w| = M_n / E|w| because w/|w| is independent of |w|;
        // E|w| from the Gamma-function recurrence. Both sides ~1e-13 accurate: 1e-12.
        double meanNormOdd = Math.sqrt(2 / Math.PI);
        double meanNormEven = Math.sqrt(Math.PI / 2);
        for (int n = 1; n <= 60; n++) {
            double meanNorm = n % 2 == 1 ? meanNormOdd : meanNormEven;
            double expected = Memorisation.expectedMaxAbsNormal(n) / meanNorm;
            assertEquals(expected, Memorisation.smallLoad(n, 0), 1e-12, "n = " + n);
            if (n % 2 == 1) {
                meanNormOdd *= (n + 1.0) / n;
            } else {
                meanNormEven *= (n + 1.0) / n;
            }
        }
    }

    @Test
    void smallLoadDecreasesWithCountAndRidge() {
        // Strict monotonicity; successive values differ by far more than the ~1e-12
        // quadrature error.
        double previous = 1.0;
        for (int n : new int[] {2, 3, 5, 10, 100, 1000, 100_000, 4_096_000}) {
            double m = Memorisation.smallLoad(n, 0);
            assertTrue(m < previous, "n = " + n);
            previous = m;
            double ridged = m;
            for (double ridge : new double[] {1e-4, 0.1, 1, 10}) {
                double next = Memorisation.smallLoad(n, ridge);
                assertTrue(next < ridged, "n = " + n + ", ridge = " + ridge);
                ridged = next;
            }
        }
    }

    @Test
    void largeCountsFollowTheExtremeValueLaw() {
        // m ~ sqrt(2 ln n / n) with a slowly vanishing (log log n / log n) correction:
        // the ratio stays within [0.85, 1] and increases with n.
        double previous = 0;
        for (int n : new int[] {1_000, 100_000, 4_096_000}) {
            double ratio = Memorisation.smallLoad(n, 0) / Math.sqrt(2 * Math.log(n) / n);
            assertTrue(ratio > 0.85 && ratio < 1 && ratio > previous, "n = " + n + ": " + ratio);
            previous = ratio;
        }
    }

    @Test
    void finiteDimensionTendsToSmallLoad() {
        // At d = 1e8 the finite-d corrections are O(n/d) = 1e-6 relative; tolerance 1e-5.
        for (int n : new int[] {2, 10, 100}) {
            for (double ridge : new double[] {0, 1}) {
                double limit = Memorisation.smallLoad(n, ridge);
                assertEquals(limit, Memorisation.finiteDimension(n, 100_000_000, ridge),
                        1e-5 * limit);
            }
        }
    }

    @Test
    void ridgeLowersFiniteDimensionValue() {
        // Strict inequality at every tested point.
        for (int d : new int[] {2, 20, 200, 4096}) {
            for (int n : new int[] {2, d / 2 + 1, d, 10 * d}) {
                assertTrue(Memorisation.finiteDimension(n, d, 1)
                        < Memorisation.finiteDimension(n, d, 0), "n = " + n + ", d = " + d);
            }
        }
    }

    @Test
    void freshBaselineAgainstExactSphericalLaw() {
        // Exact E max of n |cos| with the spherical law (density ~ (1 - t^2)^((d-3)/2)),
        // integrated here directly. Allowances from the approximation's measured error:
        // 0.5% at d = 200, 1.5% at d = 50, 4.5% at d = 10.
        assertEquals(exactFreshBaseline(400, 200), Memorisation.freshBaseline(400, 200),
                0.005 * exactFreshBaseline(400, 200));
        assertEquals(exactFreshBaseline(10_000, 50), Memorisation.freshBaseline(10_000, 50),
                0.015 * exactFreshBaseline(10_000, 50));
        assertEquals(exactFreshBaseline(400, 10), Memorisation.freshBaseline(400, 10),
                0.045 * exactFreshBaseline(400, 10));
        assertTrue(Memorisation.freshBaseline(4_000_000, 2) <= 1);
    }

    @Test
    void finiteDimensionMatchesSimulationAtDimension200() {
        // Seeded simulation of the exact model (d = 200). Tolerance: 3 standard errors of
        // the Monte Carlo mean plus a model allowance of 2.5% of m. Offline, with 4000
        // draws per point, the approximation was within 1.1% here for ridge 0 and 1
        // (0.1% .. 1.5% for ridge 0.1 and 10); the allowance leaves room for that and for
        // the sampling noise of this smaller run.
        ExactModelSimulation simulation = new ExactModelSimulation(31415L);
        int d = 200;
        double[] ridges = {0, 1};
        for (int n : new int[] {1, 2, 5, 20, 100, 200, 400}) {
            int sets = n >= 100 ? 10 : 20;
            Estimate[] measured = simulation.memorisation(n, d, ridges, sets, 60);
            for (int r = 0; r < ridges.length; r++) {
                double model = Memorisation.finiteDimension(n, d, ridges[r]);
                double tolerance = 3 * measured[r].standardError() + 0.025 * model;
                assertEquals(model, measured[r].mean(), tolerance,
                        "n = " + n + ", ridge = " + ridges[r]);
            }
        }
    }

    @Test
    void finiteDimensionStaysCloseAtSmallDimension() {
        // d = 20 is outside the approximation's design range; its measured misfit there is
        // at most 6% (overshoot at n ~ d). Tolerance: 3 standard errors plus 8% of m.
        ExactModelSimulation simulation = new ExactModelSimulation(16180L);
        double[] ridges = {0, 1};
        for (int n : new int[] {5, 20, 200}) {
            Estimate[] measured = simulation.memorisation(n, 20, ridges, 20, 50);
            for (int r = 0; r < ridges.length; r++) {
                double model = Memorisation.finiteDimension(n, 20, ridges[r]);
                double tolerance = 3 * measured[r].standardError() + 0.08 * model;
                assertEquals(model, measured[r].mean(), tolerance,
                        "n = " + n + ", ridge = " + ridges[r]);
            }
        }
    }

    @Test
    void smallLoadMatchesSimulationAtDimension2000() {
        // At d = 2000 the small-load limit is off by O(n/d) (0.5% at n = 10). Tolerance:
        // 3 standard errors plus 1% of m.
        ExactModelSimulation simulation = new ExactModelSimulation(27182L);
        double[] ridges = {0, 1};
        for (int n : new int[] {1, 3, 10}) {
            Estimate[] measured = simulation.memorisation(n, 2000, ridges, 20, 100);
            for (int r = 0; r < ridges.length; r++) {
                double model = Memorisation.smallLoad(n, ridges[r]);
                double tolerance = 3 * measured[r].standardError() + 0.01 * model;
                assertEquals(model, measured[r].mean(), tolerance,
                        "n = " + n + ", ridge = " + ridges[r]);
            }
        }
    }

    /** E max over n iid |t|, t a coordinate of a uniform unit vector in R^d, by quadrature. */
    private static double exactFreshBaseline(int n, int d) {
        int panels = 200_000;
        double h = 1.0 / panels;
        double exponent = (d - 3) / 2.0;
        double[] cdf = new double[panels + 1];
        double total = 0;
        for (int i = 0; i < panels; i++) {
            double t = (i + 0.5) * h;
            total += Math.pow(1 - t * t, exponent) * h;
            cdf[i + 1] = total;
        }
        double mean = 0;
        for (int i = 0; i < panels; i++) {
            double inside = (cdf[i] + cdf[i + 1]) / 2 / total;
            mean += (1 - Math.pow(inside, n)) * h;
        }
        return mean;
    }
}
