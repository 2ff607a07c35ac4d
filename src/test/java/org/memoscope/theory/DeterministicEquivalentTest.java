package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeterministicEquivalentTest {

    private static final double[] RIDGES = {1e-6, 1e-3, 0.1, 1, 10};

    @Test
    void identityReducesToMarchenkoPastur() {
        // Sigma = I is one node, so only the trapezoidal rule in s errs: step 0.5 in a strip
        // of half-width pi gives ~exp(-2 pi^2 / 0.5) and the tails stop at 1e-12; measured
        // 1e-11 at worst. Tolerance 1e-9 absolute (the brief asks for 1e-6).
        DeterministicEquivalent identity =
                DeterministicEquivalent.of(PopulationSpectrum.spiked(500));
        for (int i = 0; i <= 200; i++) {
            double gamma = Math.pow(10, -2 + 4 * i / 200.0);
            assertEquals(MarchenkoPastur.convergence(gamma), identity.convergence(gamma), 1e-9,
                    "gamma = " + gamma);
            assertEquals(MarchenkoPastur.meanSquareRoot(1 / gamma),
                    identity.meanSquareRoot(gamma, 0), 1e-9, "gamma = " + gamma);
            for (double ridge : RIDGES) {
                assertEquals(MarchenkoPastur.convergence(gamma, ridge),
                        identity.convergence(gamma, ridge), 1e-9,
                        "gamma = " + gamma + ", ridge = " + ridge);
            }
        }
    }

    @Test
    void identityKappaHasClosedForm() {
        // For Sigma = I, t = kappa (1 - c / (1 + kappa)) is a quadratic in kappa with root
        // ((t + c - 1) + sqrt((t + c - 1)^2 + 4 t)) / 2, and kappa_0 = max(c - 1, 0).
        // Newton to 4 ulps of the bracket: 1e-12 relative.
        DeterministicEquivalent identity =
                DeterministicEquivalent.of(PopulationSpectrum.spiked(10));
        for (double gamma : new double[] {0.01, 0.3, 1, 2.5, 100}) {
            double c = 1 / gamma;
            assertEquals(Math.max(c - 1, 0), identity.kappaAtZero(gamma), 1e-12 * c);
            for (double t : new double[] {1e-12, 1e-6, 0.01, 1, 30, 1e6}) {
                double b = t + (c - 1);
                double expected = b > 0 ? (b + Math.sqrt(b * b + 4 * t)) / 2
                        : 2 * t / (Math.sqrt(b * b + 4 * t) - b);
                assertEquals(expected, identity.kappa(t, gamma), 1e-12 * expected,
                        "gamma = " + gamma + ", t = " + t);
            }
        }
    }

    @Test
    void kappaSolvesItsEquationForAnySpectrum() {
        // Residual of t = kappa (1 - c tau(Sigma / (Sigma + kappa))) summed directly over the
        // uncompressed eigenvalues (the solver works on the exact equivalent here), relative
        // to kappa: a sum of d terms in double precision, 1e-11.
        for (PopulationSpectrum spectrum : awkwardSpectra()) {
            DeterministicEquivalent equivalent = DeterministicEquivalent.exact(spectrum);
            for (double gamma : new double[] {1e-3, 0.05, 0.5, 1, 3, 1e3}) {
                double previous = equivalent.kappaAtZero(gamma);
                assertTrue(previous >= 0 && Double.isFinite(previous));
                for (double t : new double[] {0, 1e-300, 1e-12, 1e-3, 0.7, 50, 1e9}) {
                    double kappa = equivalent.kappa(t, gamma);
                    assertTrue(Double.isFinite(kappa) && kappa >= previous,
                            "kappa must be finite and increase with t: " + kappa);
                    double residual = t - kappa * (1 - trace(spectrum, kappa) / gamma);
                    assertEquals(0, residual, 1e-11 * kappa + 1e-300, "gamma = " + gamma
                            + ", t = " + t);
                    previous = kappa;
                }
            }
        }
    }

    @Test
    void kappaIntegralMatchesDirectIntegrationInT() {
        // Independent route: F(lambda) = (2/pi) ∫_0^∞ lambda / (lambda + kappa(u^2)) du with a
        // root solve at every node, graded Gauss–Legendre on [0, U] (41 panels of 16) and
        // u = U / v on the tail. Both sides converge far below 1e-9; tolerance 1e-8 relative.
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(300, 1.5);
        DeterministicEquivalent equivalent = DeterministicEquivalent.of(spectrum);
        for (double gamma : new double[] {0.1, 1, 7}) {
            for (double lambda : new double[] {spectrum.largest(1), 1, spectrum.largest(300)}) {
                double direct = directSquareRootSymbol(equivalent, spectrum, lambda, gamma);
                assertEquals(direct, equivalent.squareRootEquivalent(lambda, gamma, 0),
                        1e-8 * direct, "gamma = " + gamma + ", lambda = " + lambda);
            }
        }
    }

    @Test
    void compressionChangesConvergenceByLessThanOneInTenMillion() {
        // Two-point Gauss rules on bins of width 0.1 in ln(lambda): the bound in
        // CompressedSpectrum is 2e-7 of a bin's weight; measured at most 3e-8 on q.
        Random random = new Random(17);
        double[] estimated = new double[4096];
        for (int i = 0; i < 3000; i++) {
            estimated[i] = 5 * Math.pow(random.nextDouble(), 3);
        }
        PopulationSpectrum[] spectra = {PopulationSpectrum.powerLaw(4096, 0.25),
            PopulationSpectrum.powerLaw(4096, 0.5), PopulationSpectrum.powerLaw(4096, 1),
            PopulationSpectrum.powerLaw(4096, 2), PopulationSpectrum.of(estimated)};
        for (PopulationSpectrum spectrum : spectra) {
            DeterministicEquivalent compressed = DeterministicEquivalent.of(spectrum);
            DeterministicEquivalent exact = DeterministicEquivalent.exact(spectrum);
            assertTrue(compressed.nodeCount() < 300, "nodes " + compressed.nodeCount());
            for (int i = 0; i <= 20; i++) {
                double gamma = Math.pow(10, -2 + 4 * i / 20.0);
                for (double ridge : new double[] {0, 0.1}) {
                    assertEquals(exact.convergence(gamma, ridge),
                            compressed.convergence(gamma, ridge), 1e-7, "gamma = " + gamma);
                }
            }
        }
    }

    @Test
    void zeroEigenvaluesOnlyRescaleTheLoad() {
        // d - d' zero eigenvalues: the non-zero block is a d'-dimensional problem at load
        // n / d' = gamma d / d', and tau_d = (d'/d) tau_d' cancels in q. Exact identity;
        // both sides are computed on different node sets, so 1e-9.
        double[] positive = new double[200];
        double[] padded = new double[500];
        for (int j = 0; j < 200; j++) {
            positive[j] = Math.pow(j + 1, -1.0);
            padded[j] = positive[j];
        }
        DeterministicEquivalent full = DeterministicEquivalent.of(PopulationSpectrum.of(padded));
        DeterministicEquivalent block = DeterministicEquivalent.of(PopulationSpectrum.of(positive));
        for (double gamma : new double[] {0.01, 0.2, 0.4, 0.41, 1, 5, 100}) {
            assertEquals(block.convergence(gamma * 500 / 200), full.convergence(gamma), 1e-9,
                    "gamma = " + gamma);
        }
    }

    @Test
    void convergenceIgnoresTheScaleOfSigma() {
        // Sigma -> a Sigma scales kappa by a and F by sqrt(a): q is unchanged. The rule's range
        // moves with the scales, so agreement is at the quadrature level, 1e-10.
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(400, 1.2);
        double[] scaled = new double[400];
        for (int j = 0; j < 400; j++) {
            scaled[j] = 1e-5 * spectrum.largest(j + 1);
        }
        DeterministicEquivalent original = DeterministicEquivalent.of(spectrum);
        DeterministicEquivalent shrunk = DeterministicEquivalent.of(PopulationSpectrum.of(scaled));
        for (double gamma : new double[] {0.02, 0.5, 1, 20}) {
            assertEquals(original.convergence(gamma), shrunk.convergence(gamma), 1e-10);
        }
    }

    @Test
    void everyValueIsFiniteAndInRange() {
        // Property sweep: q in [0, 1] and increasing in gamma (checked on a 1% grid step),
        // kappa finite, for awkward spectra, loads 1e-3..1e3 and ridges 0..10. The increase
        // check allows 1e-9 for quadrature noise.
        double[] loads = new double[121];
        for (int i = 0; i < loads.length; i++) {
            loads[i] = Math.pow(10, -3 + 6 * i / 120.0);
        }
        for (PopulationSpectrum spectrum : awkwardSpectra()) {
            DeterministicEquivalent equivalent = DeterministicEquivalent.of(spectrum);
            for (double ridge : new double[] {0, 1e-9, 1, 10}) {
                double[] curve = equivalent.convergence(loads, ridge);
                for (int i = 0; i < curve.length; i++) {
                    assertTrue(curve[i] >= 0 && curve[i] <= 1, "q = " + curve[i]);
                    if (i > 0) {
                        assertTrue(curve[i] >= curve[i - 1] - 1e-9,
                                "q decreased at gamma = " + loads[i] + ", ridge " + ridge);
                    }
                }
            }
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        DeterministicEquivalent identity = DeterministicEquivalent.of(PopulationSpectrum.spiked(5));
        assertThrows(IllegalArgumentException.class, () -> identity.convergence(0));
        assertThrows(IllegalArgumentException.class, () -> identity.convergence(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> identity.convergence(1, -1));
        assertThrows(IllegalArgumentException.class, () -> identity.kappa(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.of(1, -0.5));
    }

    /** Spectra that stress the solver: rank deficiency, huge ranges, one non-zero value. */
    private static PopulationSpectrum[] awkwardSpectra() {
        double[] deficient = new double[300];
        for (int j = 0; j < 120; j++) {
            deficient[j] = Math.pow(j + 1, -2.0);
        }
        double[] wide = new double[50];
        for (int j = 0; j < 50; j++) {
            wide[j] = Math.pow(10, -6 * j);
        }
        double[] single = new double[40];
        single[0] = 3;
        return new PopulationSpectrum[] {PopulationSpectrum.powerLaw(1000, 3),
            PopulationSpectrum.of(deficient), PopulationSpectrum.of(wide),
            PopulationSpectrum.of(single), PopulationSpectrum.spiked(64, 10, 0.5, 0.5),
            PopulationSpectrum.of(2, 2, 2, 1e-12, 0)};
    }

    /** tau(Sigma (Sigma + kappa)^(-1)) summed over every eigenvalue. */
    private static double trace(PopulationSpectrum spectrum, double kappa) {
        double sum = 0;
        for (int rank = 1; rank <= spectrum.dimension(); rank++) {
            double lambda = spectrum.largest(rank);
            sum += lambda > 0 ? lambda / (lambda + kappa) : 0;
        }
        return sum / spectrum.dimension();
    }

    private static double directSquareRootSymbol(DeterministicEquivalent equivalent,
                                                 PopulationSpectrum spectrum, double lambda,
                                                 double gamma) {
        double split = Math.sqrt(spectrum.mean() / gamma + spectrum.largest(1) + 1);
        double[][] inner = GaussLegendre.graded(split, 40, 16);
        double sum = 0;
        for (int i = 0; i < inner[0].length; i++) {
            double u = inner[0][i];
            sum += inner[1][i] * lambda / (lambda + equivalent.kappa(u * u, gamma));
        }
        double[][] outer = GaussLegendre.graded(1, 30, 16);
        for (int i = 0; i < outer[0].length; i++) {
            double v = outer[0][i];
            double u = split / v;
            sum += outer[1][i] * split / (v * v) * lambda
                    / (lambda + equivalent.kappa(u * u, gamma));
        }
        return 2 / Math.PI * sum;
    }
}
