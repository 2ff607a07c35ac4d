package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.compute.JobCancelledException;
import org.memoscope.compute.JobContext;
import org.memoscope.data.IdxReader;
import org.memoscope.data.IdxWriter;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;
import org.memoscope.data.PowerLawSpectrum;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.model.Estimate;
import org.memoscope.theory.BbpTransition;
import org.memoscope.theory.MarchenkoPastur;

/**
 * The data experiment end to end on a generated IDX image set, and on the Gaussian sources
 * against the theory where the theory is known in closed form.
 *
 * <p>Tolerances: a mean over draws is compared within 4 standard errors (a correct
 * simulation fails with probability about 6e-5), plus the O(1/d) finite-size allowance
 * stated at each check, which the standard error does not cover. Runs are seeded, so every
 * check is a fixed computation.
 */
class DataExperimentTest {

    @TempDir
    Path directory;

    /** 300 quantised 8x8 power-law fields (alpha = 2) written as gzip IDX and read back. */
    private DataSource smallImageSet() throws IOException {
        ImageSet fields = new PowerLawField(8, 2).generate(300, 77);
        double[] pixels = fields.copyPixels();
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = 0.5 + 0.15 * pixels[k];
        }
        Path file = directory.resolve("fields-idx3-ubyte.gz");
        IdxWriter.writeImages(file, ImageSet.of("fields", 300, 8, 8, pixels),
                IdxWriter.Compression.GZIP);
        return DataSource.imageSet(new IdxReader().readImages(file));
    }

    @Test
    void imageSetDrawsAreDisjointAndRepeatable() throws IOException {
        DataSource source = smallImageSet();
        DataSource.TrainingDraw draw = source.draw(100, 64, 5, 6, 7);

        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int[] indices : new int[][] {draw.firstIndices(), draw.secondIndices(),
            draw.heldOutIndices()}) {
            for (int index : indices) {
                seen.add(index);
                total++;
            }
        }
        assertEquals(100 + 100 + 64, total);
        assertEquals(total, seen.size(), "the two training sets and the held-out images "
                + "share an image");
        assertArrayEquals(draw.firstIndices(), source.draw(100, 64, 5, 6, 7).firstIndices());

        DataSource.TrainingDraw full = source.draw(150, 64, 5, 6, 7);
        assertEquals(0, full.heldOut().numRows, "no image is left over at 2n = N");
    }

    @Test
    void imageSetEndToEnd() throws IOException {
        DataSource source = smallImageSet();
        DataExperiment.Request request = new DataExperiment.Request(source,
                new int[] {1, 8, 64, 140}, 48, 2, 3, 11);
        DataCurve curve = DataExperiment.run(request, JobContext.NONE);

        assertEquals(4, curve.points().size());
        assertArrayEquals(new int[] {1, 8, 64, 140}, curve.sampleCounts());
        assertEquals(48, curve.seedCount());
        DataPoint single = curve.points().get(0);
        assertEquals(1, single.memorisation().mean(), 1e-12,
                "at n = 1 a sample is a multiple of the training image");
        for (int i = 1; i < 4; i++) {
            double lower = curve.points().get(i - 1).convergence().mean();
            double higher = curve.points().get(i).convergence().mean();
            assertTrue(higher > lower, "q should rise with n: " + lower + " then " + higher);
        }
        DataPoint largest = curve.points().get(3);
        assertTrue(largest.convergence().mean() > 0.8, "q at gamma = 2.2: "
                + largest.convergence());
        assertTrue(largest.memorisation().mean() < single.memorisation().mean());
        assertEquals(2 * 20, largest.memorisationBaseline().draws(),
                "held-out images are those left over: 300 - 280 = 20 per repetition");
        assertEquals(3, largest.latentRecovery().length);

        DataCurve again = DataExperiment.run(request, JobContext.NONE);
        for (int i = 0; i < 4; i++) {
            assertSamePoint(curve.points().get(i), again.points().get(i));
        }
    }

    @Test
    void refusesTwoSetsLargerThanTheImageSet() throws IOException {
        DataSource source = smallImageSet();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DataExperiment.Request(source, new int[] {10, 151}, 8, 1, 1, 1));
        assertTrue(refused.getMessage().contains("151"), refused.getMessage());
        assertTrue(refused.getMessage().contains("302"), refused.getMessage());
        assertTrue(refused.getMessage().contains("300"), refused.getMessage());
    }

    /**
     * Identity spectrum (alpha = 0) at d = 400: the trace form of q matches the
     * Marchenko–Pastur q(gamma) within 4 SE plus 2/d, and the mean cosine within 4 SE plus
     * 2/d as well (for a flat spectrum the two agree to O(1/d)).
     */
    @Test
    void flatSpectrumMatchesMarchenkoPastur() {
        DataSource source = DataSource.powerLawSpectrum(new PowerLawSpectrum(400, 0));
        DataCurve curve = DataExperiment.run(new DataExperiment.Request(source,
                new int[] {100, 400, 800}, 32, 3, 0, 5), JobContext.NONE);
        for (DataPoint point : curve.points()) {
            double expected = MarchenkoPastur.convergence(point.loadRatio(), 0);
            assertWithin(expected, point.convergenceTrace(), 2.0 / 400, "q trace form");
            assertWithin(expected, point.convergence(), 2.0 / 400, "q mean cosine");
        }
    }

    /**
     * One spike beta = 3 at d = 400 (threshold gamma = 1/9): Q_1 matches the BBP overlap
     * within 4 SE plus 0.05 (its finite-d correction is O(d^(-1/2)) near threshold; here
     * well above it) at gamma = 0.5 and 2.
     */
    @Test
    void spikeRecoveryMatchesBbp() {
        DataSource source = DataSource.spiked(400, 3);
        DataCurve curve = DataExperiment.run(new DataExperiment.Request(source,
                new int[] {200, 800}, 8, 4, 1, 9), JobContext.NONE);
        assertArrayEquals(new int[] {1}, curve.factorGroupSizes());
        for (DataPoint point : curve.points()) {
            double expected = BbpTransition.latentRecovery(point.loadRatio(), 3);
            assertWithin(expected, point.latentRecovery(1), 0.05, "Q_1");
        }
    }

    /**
     * Power-law fields: the top eigenvalue is shared by five Fourier modes, so Q_1 is measured
     * against a five-dimensional eigenspace and tends to 1 at large n; the baseline of fresh
     * fields is below 1 and m at n = 1 is 1.
     */
    @Test
    void fieldRecoveryUsesTheDegenerateGroup() {
        DataSource source = DataSource.powerLawField(new PowerLawField(8, 2));
        DataCurve curve = DataExperiment.run(new DataExperiment.Request(source,
                new int[] {1, 640}, 16, 1, 6, 3), JobContext.NONE);
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 4}, curve.factorGroupSizes());
        DataPoint large = curve.points().get(1);
        for (int k = 1; k <= 5; k++) {
            assertTrue(large.latentRecovery(k).mean() > 0.95, "Q_" + k + " at gamma = 10: "
                    + large.latentRecovery(k));
        }
        DataPoint single = curve.points().get(0);
        assertEquals(1, single.memorisation().mean(), 1e-12);
        assertTrue(single.memorisationBaseline().mean() < 0.9);
        assertEquals(16, single.memorisationBaseline().draws());
    }

    @Test
    void cancelsBetweenSizes() {
        DataSource source = DataSource.spiked(200, 2);
        AtomicInteger reports = new AtomicInteger();
        JobContext context = new JobContext() {
            @Override
            public boolean isCancelled() {
                return reports.get() >= 3;
            }

            @Override
            public void reportProgress(double fraction, String message) {
                reports.incrementAndGet();
            }
        };
        assertThrows(JobCancelledException.class, () -> DataExperiment.run(
                new DataExperiment.Request(source, new int[] {50, 100, 200}, 8, 1, 1, 1),
                context));
    }

    @Test
    void reportsProgressInOrderUpToOne() {
        DataSource source = DataSource.spiked(100, 2);
        List<Double> fractions = new ArrayList<>();
        JobContext context = new JobContext() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void reportProgress(double fraction, String message) {
                fractions.add(fraction);
            }
        };
        DataExperiment.run(new DataExperiment.Request(source, new int[] {10, 50, 200}, 4, 3,
                1, 1), context);
        assertTrue(fractions.size() >= 9, "one report per repetition: " + fractions);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress " + fractions);
        }
        assertEquals(1, fractions.get(fractions.size() - 1), 0);
    }

    @Test
    void refusesSizesBeyondTheHeap() {
        DataSource source = DataSource.spiked(4000, 2);
        DataExperiment.Request request = new DataExperiment.Request(source,
                new int[] {10, 400_000_000}, 8, 1, 1, 1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataExperiment.run(request, JobContext.NONE));
        assertTrue(refused.getMessage().contains("memory"), refused.getMessage());
        assertTrue(refused.getMessage().contains("400000000"), refused.getMessage());
    }

    private static void assertWithin(double expected, Estimate estimate, double bias,
                                     String what) {
        double tolerance = 4 * estimate.standardError() + bias;
        assertTrue(Math.abs(estimate.mean() - expected) <= tolerance, what + ": expected "
                + expected + ", measured " + estimate + " (tolerance " + tolerance + ")");
    }

    private static void assertSamePoint(DataPoint expected, DataPoint actual) {
        assertEquals(expected.convergence(), actual.convergence());
        assertEquals(expected.convergenceTrace(), actual.convergenceTrace());
        assertEquals(expected.memorisation(), actual.memorisation());
        assertEquals(expected.memorisationBaseline(), actual.memorisationBaseline());
        assertEquals(Arrays.asList(expected.latentRecovery()),
                Arrays.asList(actual.latentRecovery()));
    }
}
