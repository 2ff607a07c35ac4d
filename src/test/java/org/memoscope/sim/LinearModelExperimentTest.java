package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memoscope.compute.JobCancelledException;
import org.memoscope.compute.JobContext;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.theory.BbpTransition;
import org.memoscope.theory.MarchenkoPastur;
import org.memoscope.theory.Memorisation;

/**
 * The simulation against the theory ({@link MarchenkoPastur}, {@link BbpTransition},
 * {@link Memorisation}) and its contract: determinism, cancellation, the load limit
 * of curves.
 *
 * <p>Tolerances. A mean over draws is compared within 4 of its standard errors
 * (a two-sided 4-sigma band: a correct simulation fails it with probability about
 * 6e-5), plus, where stated, an allowance for the finite-size bias, which the
 * standard error does not cover. For q that bias is O(1/d): the spikes shift
 * normalised traces by {@code sum beta / d}, and the mean of a cosine differs from
 * the ratio of mean traces by O(1/d); the allowance is {@code (1 + sum beta) / d}.
 * For m the allowance is the stated accuracy of {@link Memorisation#finiteDimension},
 * 1.5% for d &gt;= 200.
 * All runs are seeded, so each check is a fixed computation.
 */
class LinearModelExperimentTest {

    private static final ExplorerParameters BASE = ExplorerParameters.DEFAULTS
            .withSeedCount(64).withRepetitions(2).withSeed(2024);
    /** One strong spike (threshold gamma = 1/4) and one weak one (threshold 4). */
    private static final double[] STRONG_AND_WEAK = {2.0, 0.5};
    /** Relative accuracy of the finite-d memorisation approximation at d &gt;= 200. */
    private static final double MEMORISATION_ACCURACY = 0.015;

    /**
     * beta = (2, 0.5) at d = 1000 (d = 500 for gamma = 2, where d = 1000 would need a
     * 1000 x 1000 eigendecomposition on 2000 points for one check): q and its trace
     * form match q(gamma); the strong spike is recovered above its threshold 1/4 and
     * not at gamma = 0.1; the weak one is not recovered below its threshold 4.
     */
    @ParameterizedTest
    @CsvSource({"0.1, 1000", "0.25, 1000", "0.5, 1000", "1.0, 1000", "2.0, 500"})
    void matchesTheory(double loadRatio, int dimension) {
        ExplorerParameters parameters = BASE.withDimension(dimension)
                .withSpikeStrengths(STRONG_AND_WEAK);
        SimulationPoint point = LinearModelExperiment.measure(parameters, loadRatio,
                JobContext.NONE);

        double expected = MarchenkoPastur.convergence(loadRatio, 0);
        double bias = (1 + 2.0 + 0.5) / dimension;
        assertWithin(expected, point.convergence(), bias);
        assertWithin(expected, point.convergenceTrace(), bias);
        double memorisation = Memorisation.finiteDimension(point.sampleCount(), dimension, 0);
        assertWithin(memorisation, point.memorisation(), MEMORISATION_ACCURACY * memorisation);

        // Above threshold Q fluctuates by O(1/sqrt(d)) per fit and its finite-d bias is
        // of that order at most: allowance 0.03 ~ 1/sqrt(1000) (0.045 ~ 1/sqrt(500)).
        // Below threshold the top eigenvector is delocalised and Q = O(1/d) times a
        // factor that grows towards the threshold (smoothed over a window
        // |gamma - 1/beta^2| ~ d^(-1/3)); gamma = 0.1 and gamma <= 2 are far from 1/4
        // and 4, and 0.05 is many times the 1/d scale yet far below recovered values.
        if (loadRatio >= 0.5) {
            assertWithin(BbpTransition.latentRecovery(loadRatio, 2.0),
                    point.latentRecovery(0), 1 / Math.sqrt(dimension));
        } else if (loadRatio <= 0.1) {
            assertTrue(point.latentRecovery(0).mean() < 0.05, "strong spike below threshold");
        }
        assertTrue(point.latentRecovery(1).mean() < 0.05, "weak spike below threshold");
    }

    /** beta = 0.5 at gamma = 12 (three times its threshold 4), at d = 400 to keep n small. */
    @Test
    void weakSpikeIsRecoveredAboveItsThreshold() {
        ExplorerParameters parameters = BASE.withDimension(400).withRepetitions(4)
                .withSpikeStrengths(new double[] {0.5});
        SimulationPoint point = LinearModelExperiment.measure(parameters, 12, JobContext.NONE);

        // Allowance 0.05 ~ 1/sqrt(400), the per-fit fluctuation scale of Q at d = 400.
        assertWithin(BbpTransition.latentRecovery(12, 0.5), point.latentRecovery(0), 0.05);
        assertTrue(point.latentRecovery(0).mean() > 0.4, "weak spike recovered");
    }

    /** The same seeds with and without a strong spike give the same q. */
    @Test
    void convergenceIsBlindToSpikes() {
        ExplorerParameters flat = BASE.withDimension(500).withSpikeStrengths(new double[] {0});
        SimulationPoint without = LinearModelExperiment.measure(flat, 0.5, JobContext.NONE);
        SimulationPoint with = LinearModelExperiment.measure(
                flat.withSpikeStrengths(new double[] {3}), 0.5, JobContext.NONE);

        // 4 standard errors of the difference of two independent means (conservative:
        // the shared seeds correlate the two) plus the O(beta/d) trace shift of the spike.
        Estimate a = without.convergence();
        Estimate b = with.convergence();
        double combined = Math.hypot(a.standardError(), b.standardError());
        assertEquals(a.mean(), b.mean(), 4 * combined + 3.0 / 500);
        assertTrue(with.latentRecovery(0).mean() > 0.3, "the spike itself is visible in Q");
    }

    /** A ridge raises q and lowers m, to their ridge theory values. */
    @Test
    void ridgeRaisesConvergenceAndLowersMemorisation() {
        ExplorerParameters plain = BASE.withDimension(300).withSpikeStrengths(new double[] {1});
        ExplorerParameters ridged = plain.withRidge(0.5);
        SimulationPoint without = LinearModelExperiment.measure(plain, 0.3, JobContext.NONE);
        SimulationPoint with = LinearModelExperiment.measure(ridged, 0.3, JobContext.NONE);

        double qGap = 4 * Math.hypot(without.convergence().standardError(),
                with.convergence().standardError());
        assertTrue(with.convergence().mean() > without.convergence().mean() + qGap);
        double mGap = 4 * Math.hypot(without.memorisation().standardError(),
                with.memorisation().standardError());
        assertTrue(with.memorisation().mean() < without.memorisation().mean() - mGap);
        assertWithin(MarchenkoPastur.convergence(0.3, 0.5), with.convergence(), 2.0 / 300);
        assertWithin(MarchenkoPastur.convergence(0.3, 0.5), with.convergenceTrace(), 2.0 / 300);
        double memorisation = Memorisation.finiteDimension(90, 300, 0.5);
        assertWithin(memorisation, with.memorisation(), MEMORISATION_ACCURACY * memorisation);
        // A ridge does not move eigenvectors: Q is unchanged, draw for draw.
        assertEquals(without.latentRecovery(0), with.latentRecovery(0));
    }

    /** With one training point and no ridge every sample is that point: m = 1. */
    @Test
    void singleTrainingPointIsMemorised() {
        ExplorerParameters parameters = BASE.withDimension(200);
        SimulationPoint point = LinearModelExperiment.measure(parameters, 1.0 / 200,
                JobContext.NONE);

        assertEquals(1, point.sampleCount());
        // Rounding only: each cosine is 1 to about 1e-15.
        assertEquals(1.0, point.memorisation().mean(), 1e-12);
    }

    /** At isotropic data the mean cosine matches the trace form, below and above n = d. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0})
    void traceFormMatchesMeanCosine(double loadRatio) {
        int d = 400;
        ExplorerParameters parameters = BASE.withDimension(d)
                .withSpikeStrengths(new double[] {0});
        SimulationPoint point = LinearModelExperiment.measure(parameters, loadRatio,
                JobContext.NONE);

        // The trace form is what the cosine concentrates on; their gap is O(1/d) bias
        // (mean of a ratio vs ratio of means), allowance 1/d, plus 4 SE of both.
        double tolerance = 4 * Math.hypot(point.convergence().standardError(),
                point.convergenceTrace().standardError()) + 1.0 / d;
        assertEquals(point.convergenceTrace().mean(), point.convergence().mean(), tolerance);
    }

    @Test
    void sameParametersGiveIdenticalResults() {
        ExplorerParameters parameters = BASE.withDimension(150)
                .withSpikeStrengths(STRONG_AND_WEAK).withRidge(0.2);
        SimulationPoint first = LinearModelExperiment.measure(parameters, 0.6, JobContext.NONE);
        SimulationPoint second = LinearModelExperiment.measure(parameters, 0.6, JobContext.NONE);
        assertSamePoint(first, second);

        SimulationCurve curve = LinearModelExperiment.curve(parameters,
                new double[] {0.1, 0.6, 3.0}, JobContext.NONE);
        assertSamePoint(first, curve.points().get(1));
        assertTrue(first.convergence().standardError() > 0, "draws differ");
    }

    @Test
    void cancelledContextStopsMeasurement() {
        ExplorerParameters parameters = BASE.withDimension(800).withRepetitions(20);
        JobContext cancelled = new RecordingContext(0);
        assertThrows(JobCancelledException.class,
                () -> LinearModelExperiment.measure(parameters, 0.5, cancelled));

        // Cancelled at the first progress report: the run (about 20 x 0.4 s) stops
        // inside its first repetition, before a second report.
        RecordingContext midway = new RecordingContext(1);
        assertThrows(JobCancelledException.class,
                () -> LinearModelExperiment.measure(parameters, 0.5, midway));
        assertEquals(1, midway.fractions.size());
    }

    @Test
    void cancellationSeenOnTheWorkerReachesTheCaller() {
        JobContext workerOnly = new JobContext() {
            @Override
            public boolean isCancelled() {
                return Thread.currentThread().getName().startsWith("memoscope-simulation");
            }

            @Override
            public void reportProgress(double fraction, String message) {
            }
        };
        assertThrows(JobCancelledException.class, () -> LinearModelExperiment.measure(
                BASE.withDimension(300), 0.5, workerOnly));
    }

    @Test
    void curveSkipsLoadsBeyondTheBudgetAndReportsProgress() {
        int d = 100;
        double limit = LinearModelExperiment.maxSimulatedLoad(d);
        ExplorerParameters parameters = BASE.withDimension(d).withRepetitions(1);
        RecordingContext context = new RecordingContext(Integer.MAX_VALUE);
        SimulationCurve curve = LinearModelExperiment.curve(parameters,
                new double[] {0.05, 0.5, 3.0, 2 * limit}, context);

        assertEquals(parameters, curve.parameters());
        assertEquals(3, curve.points().size());
        assertEquals(0.5, curve.points().get(1).loadRatio(), 1e-12);
        for (int i = 1; i < context.fractions.size(); i++) {
            assertTrue(context.fractions.get(i) >= context.fractions.get(i - 1));
        }
        assertEquals(1.0, context.fractions.get(context.fractions.size() - 1));
    }

    @Test
    void loadLimitShrinksWithDimensionAndAdmitsTheReferencePoint() {
        assertTrue(LinearModelExperiment.maxSimulatedLoad(1000) >= 0.5);
        assertTrue(LinearModelExperiment.maxSimulatedLoad(500)
                > LinearModelExperiment.maxSimulatedLoad(1000));
        assertTrue(LinearModelExperiment.maxSimulatedLoad(1000)
                > LinearModelExperiment.maxSimulatedLoad(2000));
        double smallD = 50;
        double dataBytes = 2 * LinearModelExperiment.maxSimulatedLoad(50) * smallD * smallD * 8;
        assertTrue(dataBytes <= SimulationBudget.DATA_MEGABYTES * 1024 * 1024);
    }

    @Test
    void moreSpikesThanDimensionsIsRejected() {
        ExplorerParameters parameters = BASE.withDimension(2)
                .withSpikeStrengths(new double[] {1, 1, 1});
        assertThrows(IllegalArgumentException.class,
                () -> LinearModelExperiment.measure(parameters, 1, JobContext.NONE));
    }

    private static void assertWithin(double expected, Estimate estimate, double allowance) {
        double tolerance = 4 * estimate.standardError() + allowance;
        assertEquals(expected, estimate.mean(), tolerance);
    }

    private static void assertSamePoint(SimulationPoint expected, SimulationPoint actual) {
        assertEquals(expected.loadRatio(), actual.loadRatio());
        assertEquals(expected.sampleCount(), actual.sampleCount());
        assertEquals(expected.convergence(), actual.convergence());
        assertEquals(expected.convergenceTrace(), actual.convergenceTrace());
        assertEquals(expected.memorisation(), actual.memorisation());
        assertArrayEquals(expected.latentRecovery(), actual.latentRecovery());
    }

    /** Records progress; cancelled once {@code cancelAfter} reports have arrived. */
    private static final class RecordingContext implements JobContext {

        final List<Double> fractions = new ArrayList<>();
        private final int cancelAfter;

        RecordingContext(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public synchronized boolean isCancelled() {
            return fractions.size() >= cancelAfter;
        }

        @Override
        public synchronized void reportProgress(double fraction, String message) {
            fractions.add(fraction);
        }
    }
}
