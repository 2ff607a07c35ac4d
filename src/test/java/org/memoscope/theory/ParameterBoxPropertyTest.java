package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;

/**
 * Fault suite, theory: every theory function over the whole parameter box
 * (gamma 1e-3..1e3, beta 0..10, lambda 0..10, d 2..4096), at the box's corners and at
 * {@value #RANDOM_CASES} seeded random points drawn log-uniformly in gamma and d, uniformly
 * in beta and lambda, with extra weight on the edges (beta = 0, lambda = 0, d = 2, the ends
 * of the gamma range). Checked: no NaN or infinity, except the BBP threshold of beta = 0,
 * which is +Infinity by documentation; values in their documented ranges; the documented
 * orderings (q rises with gamma and with a ridge, m falls with a ridge, Q = 0 up to the
 * threshold, the top eigenvalue never below the bulk edge); invalid arguments refused with
 * IllegalArgumentException. Tolerances are rounding-level (1e-12) except where stated.
 */
class ParameterBoxPropertyTest {

    private static final int RANDOM_CASES = 4000;
    private static final double MIN_LOAD = 1e-3;
    private static final double MAX_LOAD = 1e3;
    private static final double MAX_BETA = 10;
    private static final double MAX_RIDGE = 10;
    private static final int MAX_DIMENSION = 4096;

    /** One point of the box. */
    private record Case(double gamma, double beta, double ridge, int d) {

        String describe() {
            return "gamma = " + gamma + ", beta = " + beta + ", ridge = " + ridge + ", d = " + d;
        }
    }

    @Test
    void everyFunctionIsFiniteAndInRangeAtCornersAndRandomPoints() {
        List<Case> cases = corners();
        cases.addAll(randomCases(new SplittableRandom(20261204L), RANDOM_CASES));
        int checked = 0;
        for (Case c : cases) {
            checkPoint(c);
            checked++;
        }
        assertEquals(16 + RANDOM_CASES, checked);
    }

    @Test
    void spikedTheoryCurvesAndReadoutsAreFiniteForRandomParameterSets() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int set = 0; set < 200; set++) {
            int spikes = 1 + random.nextInt(ExplorerParameters.MAX_SPIKES);
            double[] betas = new double[spikes];
            for (int k = 0; k < spikes; k++) {
                betas[k] = edgeOrUniform(random, 0, MAX_BETA);
            }
            double ridge = edgeOrUniform(random, 0, MAX_RIDGE);
            int d = logUniformDimension(random);
            double[] grid = new double[40];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = logUniform(random, MIN_LOAD, MAX_LOAD);
            }
            java.util.Arrays.sort(grid);
            ExplorerParameters parameters = new ExplorerParameters(grid[set % grid.length], d,
                    betas, ridge, 64, 2, set);
            TheoryCurves curves = SpikedTheory.curves(parameters, grid);
            for (int i = 0; i < grid.length; i++) {
                String at = parameters + " at gamma = " + grid[i];
                assertUnit(curves.convergence(i), "q " + at);
                assertUnit(curves.memorisation(i), "m " + at);
                for (int k = 0; k < spikes; k++) {
                    assertUnit(curves.latentRecovery(k, i), "Q" + (k + 1) + " " + at);
                }
            }
            TheoryReadout readout = SpikedTheory.readout(parameters);
            for (int k = 0; k < spikes; k++) {
                double threshold = readout.bbpThresholds()[k];
                if (betas[k] == 0) {
                    assertEquals(Double.POSITIVE_INFINITY, threshold, "beta = 0 threshold");
                } else {
                    assertFinite(threshold, "threshold " + parameters);
                }
                assertFinite(readout.topEigenvalues()[k], "top eigenvalue " + parameters);
            }
            assertFinite(readout.bulkEdge(), "bulk edge " + parameters);
        }
    }

    @Test
    void documentedValuesHoldAtTheEdgesOfTheBox() {
        // q(1) = 64/(9 pi^2); duality q(gamma) = gamma q(1/gamma); both ends of the range.
        assertEquals(64 / (9 * Math.PI * Math.PI), MarchenkoPastur.convergence(1), 1e-14);
        for (double gamma : new double[] {MIN_LOAD, 0.01, 0.5}) {
            assertEquals(gamma * MarchenkoPastur.convergence(1 / gamma),
                    MarchenkoPastur.convergence(gamma), 1e-14);
        }
        assertEquals(MIN_LOAD * (1 - MIN_LOAD / 4), MarchenkoPastur.convergence(MIN_LOAD),
                MIN_LOAD * MIN_LOAD);
        assertEquals(1 - 1 / (4 * MAX_LOAD), MarchenkoPastur.convergence(MAX_LOAD),
                1 / (MAX_LOAD * MAX_LOAD));
        // beta = 0: never recovered, threshold +Infinity, top eigenvalue at the bulk edge.
        for (double gamma : new double[] {MIN_LOAD, 1, MAX_LOAD}) {
            assertEquals(0.0, BbpTransition.latentRecovery(gamma, 0));
            assertEquals(MarchenkoPastur.bulkEdge(gamma), BbpTransition.topEigenvalue(gamma, 0));
        }
        assertEquals(Double.POSITIVE_INFINITY, BbpTransition.threshold(0));
        // Q = 0 exactly at the threshold, continuous just above it.
        for (double beta : new double[] {0.1, 1, MAX_BETA}) {
            double threshold = BbpTransition.threshold(beta);
            assertEquals(0.0, BbpTransition.latentRecovery(threshold, beta));
            assertTrue(BbpTransition.latentRecovery(threshold * (1 + 1e-9), beta) < 1e-8);
        }
        // n = 1 memorises perfectly without a ridge, in any dimension.
        for (int d : new int[] {2, 3, 100, MAX_DIMENSION}) {
            assertEquals(1.0, Memorisation.finiteDimension(1, d, 0), 1e-12);
        }
        assertEquals(Math.sqrt(2 / Math.PI), Memorisation.expectedMaxAbsNormal(1), 1e-15);
    }

    @Test
    void argumentsOutsideTheBoxAreRefused() {
        double[] badLoads = {0, -1, Double.NaN, Double.POSITIVE_INFINITY};
        for (double gamma : badLoads) {
            assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.convergence(gamma));
            assertThrows(IllegalArgumentException.class,
                    () -> MarchenkoPastur.convergence(gamma, 0.1));
            assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.bulkEdge(gamma));
            assertThrows(IllegalArgumentException.class,
                    () -> BbpTransition.latentRecovery(gamma, 1));
        }
        for (double beta : new double[] {-1e-9, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> BbpTransition.threshold(beta));
            assertThrows(IllegalArgumentException.class,
                    () -> BbpTransition.topEigenvalue(1, beta));
        }
        for (double ridge : new double[] {-1e-12, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> MarchenkoPastur.convergence(1, ridge));
            assertThrows(IllegalArgumentException.class,
                    () -> Memorisation.finiteDimension(10, 10, ridge));
        }
        assertThrows(IllegalArgumentException.class, () -> Memorisation.finiteDimension(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Memorisation.finiteDimension(5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Memorisation.smallLoad(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Memorisation.freshBaseline(3, 1));
    }

    // ---- one point --------------------------------------------------------------------

    private static void checkPoint(Case c) {
        String at = c.describe();
        double q = MarchenkoPastur.convergence(c.gamma(), c.ridge());
        assertUnit(q, "q at " + at);
        double plain = MarchenkoPastur.convergence(c.gamma());
        assertUnit(plain, "q without ridge at " + at);
        // A ridge raises q (theory note, 4.1).
        assertTrue(q >= plain - 1e-12, "ridge lowered q at " + at + ": " + q + " < " + plain);
        // q rises with the load: compare with a load 1% higher (inside the box).
        double higher = Math.min(MAX_LOAD, c.gamma() * 1.01);
        assertTrue(MarchenkoPastur.convergence(higher, c.ridge()) >= q - 1e-12,
                "q fell with gamma at " + at);

        double c1 = 1 / c.gamma();
        assertFinitePositive(MarchenkoPastur.meanSquareRoot(c1), "E sqrt(lambda) at " + at);
        assertFinitePositive(MarchenkoPastur.meanSquareRoot(c1, c.ridge()),
                "E sqrt(lambda + ridge) at " + at);
        double edge = MarchenkoPastur.bulkEdge(c.gamma());
        assertFinitePositive(edge, "bulk edge at " + at);

        double recovery = BbpTransition.latentRecovery(c.gamma(), c.beta());
        assertTrue(recovery >= 0 && recovery < 1, "Q = " + recovery + " at " + at);
        double threshold = BbpTransition.threshold(c.beta());
        if (c.beta() == 0) {
            assertEquals(Double.POSITIVE_INFINITY, threshold, "documented: beta = 0 at " + at);
        } else {
            assertFinitePositive(threshold, "threshold at " + at);
            if (c.gamma() <= threshold) {
                assertEquals(0.0, recovery, "Q below the threshold at " + at);
            }
        }
        double top = BbpTransition.topEigenvalue(c.gamma(), c.beta());
        assertFinite(top, "top eigenvalue at " + at);
        assertTrue(top >= edge * (1 - 1e-12), "top eigenvalue below the bulk edge at " + at);

        int n = ExplorerParameters.sampleCount(c.gamma(), c.d());
        double m = Memorisation.finiteDimension(n, c.d(), c.ridge());
        assertUnit(m, "m at " + at + ", n = " + n);
        // A ridge lowers m (theory note, 4.1 and 4.3).
        double mPlain = Memorisation.finiteDimension(n, c.d(), 0);
        assertTrue(m <= mPlain + 1e-12, "ridge raised m at " + at + ": " + m + " > " + mPlain);
        assertUnit(Memorisation.smallLoad(n, c.ridge()), "small-load m at " + at);
        assertUnit(Memorisation.freshBaseline(n, c.d()), "fresh baseline at " + at);
        assertFinitePositive(Memorisation.expectedMaxAbsNormal(n), "M_n at " + at);
    }

    // ---- sampling ---------------------------------------------------------------------

    private static List<Case> corners() {
        List<Case> cases = new ArrayList<>();
        for (double gamma : new double[] {MIN_LOAD, MAX_LOAD}) {
            for (double beta : new double[] {0, MAX_BETA}) {
                for (double ridge : new double[] {0, MAX_RIDGE}) {
                    for (int d : new int[] {2, MAX_DIMENSION}) {
                        cases.add(new Case(gamma, beta, ridge, d));
                    }
                }
            }
        }
        return cases;
    }

    private static List<Case> randomCases(SplittableRandom random, int count) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double gamma = random.nextInt(20) == 0
                    ? (random.nextBoolean() ? MIN_LOAD : MAX_LOAD)
                    : logUniform(random, MIN_LOAD, MAX_LOAD);
            cases.add(new Case(gamma, edgeOrUniform(random, 0, MAX_BETA),
                    edgeOrUniform(random, 0, MAX_RIDGE), logUniformDimension(random)));
        }
        return cases;
    }

    /** One time in ten an end of the interval, otherwise uniform in it. */
    private static double edgeOrUniform(SplittableRandom random, double low, double high) {
        int pick = random.nextInt(20);
        if (pick == 0) {
            return low;
        }
        if (pick == 1) {
            return high;
        }
        return low + (high - low) * random.nextDouble();
    }

    private static double logUniform(SplittableRandom random, double low, double high) {
        return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
    }

    private static int logUniformDimension(SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return random.nextBoolean() ? 2 : MAX_DIMENSION;
        }
        return (int) Math.min(MAX_DIMENSION, Math.max(2,
                Math.round(logUniform(random, 2, MAX_DIMENSION))));
    }

    // ---- assertions -------------------------------------------------------------------

    private static void assertFinite(double value, String what) {
        assertTrue(Double.isFinite(value), what + " is " + value);
    }

    private static void assertFinitePositive(double value, String what) {
        assertTrue(Double.isFinite(value) && value > 0, what + " is " + value);
    }

    private static void assertUnit(double value, String what) {
        assertTrue(value >= 0 && value <= 1, what + " = " + value + ", outside [0, 1]");
    }
}
