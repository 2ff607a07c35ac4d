package org.memoscope.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.compute.JobCancelledException;
import org.memoscope.compute.JobContext;
import org.memoscope.data.ImageSet;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.sim.SampleGrid;

/**
 * The pair experiment end to end on a tiny problem (8x8 power-law fields, N = 1 and 3,
 * a few dozen training steps), the cache round trip and the handling of corrupt entries.
 * The point is the plumbing, not the physics: the numbers only have to be well formed and
 * reproducible.
 */
class PairExperimentTest {

    @TempDir
    Path cacheRoot;

    static PairExperiment.Request tinyRequest(Path cache, int[] ladder) {
        PairData data = PairData.powerLaw(8, 2.0, PairExperiment.Request.poolSize(ladder, 8),
                4);
        TrainingSettings training = new TrainingSettings(2, 4, 30, 8, 5e-3, 2);
        return new PairExperiment.Request(data, ladder, training,
                new NoiseSchedule(12, 1e-2, 1e3), Sampler.Kind.STOCHASTIC, 8, 8, 3, 9, true,
                cache);
    }

    @Test
    void runsEndToEndWithWellFormedNumbers() {
        List<String> messages = new ArrayList<>();
        AtomicInteger live = new AtomicInteger();
        JobContext context = new JobContext() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void reportProgress(double fraction, String message) {
                messages.add(message);
            }
        };
        PairExperiment.Result result = PairExperiment.run(tinyRequest(null, new int[] {1, 3}),
                context, loss -> live.incrementAndGet());

        assertEquals(2, result.points().size());
        for (PairPoint point : result.points()) {
            assertInUnitRange(point.memorisation().mean());
            assertInUnitRange(point.memorisationBaseline().mean());
            assertTrue(Math.abs(point.convergence().mean()) <= 1);
            assertEquals(PairExperiment.FACTORS, point.latentRecovery().length);
            assertEquals(3, point.trainError().length);
            assertTrue(point.meanTestError() >= 0 && point.meanDenoiserDistance() >= 0);
            assertTrue(point.sampleVariance() > 0);
            assertEquals(8, point.grid().size());
            assertTrue(point.firstLoss().length > 0 && point.secondLoss().length > 0);
        }
        assertEquals(2, result.linear().points().size());
        assertLinearTheoryWellFormed(result);
        assertTrue(live.get() >= 4, "live loss updates: " + live.get());
        assertTrue(messages.stream().anyMatch(m -> m.contains("left")), messages.toString());

        SampleGrid grid = PairExperiment.sampleGrid(result.points().get(0),
                result.request().data(), 9);
        assertEquals(8, grid.rows().size());
        assertEquals(64, grid.rows().get(0).firstSample().length);
    }

    /**
     * A second run of the same request reloads every point from the cache and gives the same
     * numbers; a point entry with one flipped byte and a network entry cut short are reported
     * (a note in the result), recomputed and rewritten, with the same numbers again.
     */
    @Test
    void cacheRoundTripAndCorruptEntries() throws IOException {
        PairExperiment.Request request = tinyRequest(cacheRoot, new int[] {2});
        PairExperiment.Result first = PairExperiment.run(request, JobContext.NONE);
        assertTrue(first.notes().isEmpty(), first.notes().toString());
        assertTrue(first.points().get(0).seconds() > 0);

        PairExperiment.Result second = PairExperiment.run(request, JobContext.NONE);
        assertEquals(0, second.points().get(0).seconds(), "loaded from the cache");
        assertSame(first.points().get(0), second.points().get(0));

        PairCache cache = new PairCache(cacheRoot);
        Path point = cache.file("point", PairExperiment.pointKey(request, 2));
        Path network = cache.file("net", PairExperiment.networkKey(request, 2, 1));
        assertTrue(Files.exists(point) && Files.exists(network));
        byte[] bytes = Files.readAllBytes(point);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(point, bytes);
        byte[] weights = Files.readAllBytes(network);
        Files.write(network, java.util.Arrays.copyOf(weights, weights.length - 5));

        PairExperiment.Result third = PairExperiment.run(request, JobContext.NONE);
        assertEquals(2, third.notes().size(), third.notes().toString());
        assertTrue(third.notes().stream().allMatch(note -> note.contains("recomputing")));
        assertTrue(third.points().get(0).seconds() > 0, "recomputed");
        assertSame(first.points().get(0), third.points().get(0));

        PairExperiment.Result fourth = PairExperiment.run(request, JobContext.NONE);
        assertTrue(fourth.notes().isEmpty(), "rewritten entries load cleanly");
        assertEquals(0, fourth.points().get(0).seconds());
    }

    /**
     * The linear reference is cached beside the points: a second run reloads the same curve,
     * a corrupted entry is reported, recomputed (same curve) and rewritten.
     */
    @Test
    void linearReferenceIsCachedAndACorruptEntryRecomputed() throws IOException {
        PairExperiment.Request request = tinyRequest(cacheRoot, new int[] {2});
        PairExperiment.Result first = PairExperiment.run(request, JobContext.NONE);
        Path linear = new PairCache(cacheRoot).file("linear", PairExperiment.linearKey(request));
        assertTrue(Files.exists(linear));
        byte[] stored = Files.readAllBytes(linear);

        PairExperiment.Result second = PairExperiment.run(request, JobContext.NONE);
        assertTrue(second.notes().isEmpty(), second.notes().toString());
        assertEquals(describe(first.linear()), describe(second.linear()));

        byte[] corrupt = stored.clone();
        corrupt[corrupt.length - 9] ^= 0x01;
        Files.write(linear, corrupt);
        PairExperiment.Result third = PairExperiment.run(request, JobContext.NONE);
        assertEquals(1, third.notes().size(), third.notes().toString());
        assertTrue(third.notes().get(0).contains("recomputing"), third.notes().get(0));
        assertEquals(describe(first.linear()), describe(third.linear()));
        assertArrayEquals(stored, Files.readAllBytes(linear), "rewritten as before");
    }

    /**
     * The q theory grid holds every N of the sweep, runs from N = 1 to twice the largest, and q
     * rises from 0 towards 1, equal at each N to the deterministic equivalent itself.
     */
    private static void assertLinearTheoryWellFormed(PairExperiment.Result result) {
        PairExperiment.LinearTheory theory = result.theory();
        double[] counts = theory.sampleCounts();
        double[] q = theory.convergence();
        assertEquals(1, counts[0], 1e-12);
        assertEquals(6, counts[counts.length - 1], 1e-9);
        for (int i = 1; i < counts.length; i++) {
            assertTrue(counts[i] > counts[i - 1]);
            assertTrue(q[i] > q[i - 1] && q[i] < 1, "q rises below 1 at N = " + counts[i]);
        }
        assertTrue(q[0] > 0);
        ImageSet pool = result.request().data().pool();
        var equivalent = org.memoscope.theory.DeterministicEquivalent.of(
                org.memoscope.theory.PopulationSpectrum.of(
                        org.memoscope.data.SampleSpectrum.eigenvalues(pool)));
        for (int n : result.request().sampleCounts()) {
            assertEquals(equivalent.convergence(n / (double) pool.dimension()),
                    theory.convergenceAt(n), 0);
        }
        assertTrue(Double.isNaN(theory.convergenceAt(5)), "5 is not on the grid");
    }

    /**
     * Entries whose checksum holds but whose content is wrong (a negative key length, a NaN
     * weight, the point of another N) are rejected, deleted and recomputed, never loaded; so
     * is a cache file that is no regular file.
     */
    @Test
    void entriesWithAValidChecksumButWrongContentAreRecomputed() throws IOException {
        PairExperiment.Request request = tinyRequest(cacheRoot, new int[] {2});
        PairExperiment.Result first = PairExperiment.run(request, JobContext.NONE);
        PairCache cache = new PairCache(cacheRoot);
        Path point = cache.file("point", PairExperiment.pointKey(request, 2));
        Path networkA = cache.file("net", PairExperiment.networkKey(request, 2, 0));
        Path networkB = cache.file("net", PairExperiment.networkKey(request, 2, 1));

        rewrite(point, (bytes, payload) -> java.nio.ByteBuffer.wrap(bytes).putInt(payload, 999));
        rewrite(networkA, (bytes, payload) -> java.nio.ByteBuffer.wrap(bytes)
                .putFloat(payload + Integer.BYTES, Float.NaN));
        PairExperiment.Result second = PairExperiment.run(request, JobContext.NONE);
        assertEquals(2, second.notes().size(), second.notes().toString());
        assertTrue(second.notes().stream().anyMatch(n -> n.contains("another N")));
        assertTrue(second.notes().stream().anyMatch(n -> n.contains("non-finite")));
        assertSame(first.points().get(0), second.points().get(0));

        rewrite(networkB, (bytes, payload) -> java.nio.ByteBuffer.wrap(bytes)
                .putInt(Long.BYTES + Integer.BYTES, -5));
        Files.delete(point);
        PairExperiment.Result third = PairExperiment.run(request, JobContext.NONE);
        assertEquals(1, third.notes().size(), third.notes().toString());
        assertTrue(third.notes().get(0).contains("malformed header"), third.notes().get(0));
        assertSame(first.points().get(0), third.points().get(0));

        Files.delete(point);
        Files.delete(networkA);
        Files.createDirectories(networkA);
        PairExperiment.Result fourth = PairExperiment.run(request, JobContext.NONE);
        assertTrue(fourth.notes().stream().anyMatch(n -> n.contains("not a regular file")),
                fourth.notes().toString());
        assertSame(first.points().get(0), fourth.points().get(0));
    }

    private interface Edit {
        void apply(byte[] bytes, int payloadStart);
    }

    /** Edits an entry's bytes and recomputes its CRC-32, so the checksum still holds. */
    private static void rewrite(Path entry, Edit edit) throws IOException {
        byte[] bytes = Files.readAllBytes(entry);
        int keyLength = java.nio.ByteBuffer.wrap(bytes).getInt(Long.BYTES + Integer.BYTES);
        edit.apply(bytes, Long.BYTES + 2 * Integer.BYTES + keyLength);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        Files.write(entry, bytes);
    }

    /** Every field of a curve as text (records with arrays compare arrays by reference). */
    private static String describe(DataCurve curve) {
        StringBuilder text = new StringBuilder(curve.source() + curve.dimension()
                + Arrays.toString(curve.sampleCounts()) + curve.seedCount()
                + curve.repetitions() + curve.seed()
                + Arrays.toString(curve.factorGroupSizes()));
        for (DataPoint point : curve.points()) {
            text.append(point.sampleCount()).append(point.dimension())
                    .append(point.convergence()).append(point.convergenceTrace())
                    .append(point.memorisation()).append(point.memorisationBaseline())
                    .append(Arrays.toString(point.latentRecovery()));
        }
        return text.toString();
    }

    /** Cancelling stops the run; the finished networks are cached and later reused. */
    @Test
    void cancelledSweepResumesFromTheCache() throws IOException {
        PairExperiment.Request request = tinyRequest(cacheRoot, new int[] {1, 2});
        AtomicInteger steps = new AtomicInteger();
        JobContext cancelDuringSecondPoint = new JobContext() {
            @Override
            public boolean isCancelled() {
                return steps.get() > 2 * 30 + 40;
            }

            @Override
            public void reportProgress(double fraction, String message) {
            }
        };
        assertThrows(JobCancelledException.class, () -> PairExperiment.run(request,
                cancelDuringSecondPoint, live -> steps.set(live.network() * 30 + live.step()
                        + (live.sampleCount() == 2 ? 60 : 0))));
        try (Stream<Path> files = Files.list(cacheRoot.resolve("pair"))) {
            long saved = files.count();
            assertTrue(saved >= 3, "N = 1 point and networks, N = 2 network A: " + saved);
        }
        PairExperiment.Result resumed = PairExperiment.run(request, JobContext.NONE);
        assertEquals(0, resumed.points().get(0).seconds(), "N = 1 from the cache");
        assertTrue(resumed.points().get(1).seconds() > 0);
    }

    @Test
    void regimeLabels() {
        assertEquals(Regime.MEMORISING, Regime.classify(0.99, 0.6, 0.0));
        assertEquals(Regime.GENERALISING, Regime.classify(0.62, 0.6, 0.8));
        assertEquals(Regime.GENERALISING, Regime.classify(0.5, 0.6, 0.8), "below baseline");
        assertEquals(Regime.TRANSITION, Regime.classify(0.75, 0.6, 0.55));
        assertEquals(Regime.TRANSITION, Regime.classify(0.95, 0.6, 0.7), "copies that agree");
        assertEquals(1.0, Regime.excess(1, 0.6), 1e-12);
        assertEquals(0.0, Regime.excess(0.6, 0.6), 1e-12);
        assertEquals(Regime.UNTRAINED, Regime.classify(0.62, 0.6, 0.95, 1.0),
                "agreement of networks that learnt nothing");
        assertEquals(Regime.GENERALISING, Regime.classify(0.62, 0.6, 0.8, 0.4));
    }

    /** 28x28 images become 14x14 block means inside a 16x16 frame, then unit variance. */
    @Test
    void poolIsShrunkPaddedCentredAndScaled() {
        double[] pixels = new double[3 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37 % 101) / 100.0;
        }
        ImageSet raw = ImageSet.of("raw", 3, 28, 28, pixels);
        ImageSet sized = PairData.toSide(raw, 16);
        assertEquals(16, sized.height());
        assertEquals(0, sized.pixel(0, 0, 5));
        assertEquals(0, sized.pixel(1, 15, 15));
        double block = (raw.pixel(2, 0, 0) + raw.pixel(2, 0, 1) + raw.pixel(2, 1, 0)
                + raw.pixel(2, 1, 1)) / 4;
        assertEquals(block, sized.pixel(2, 1, 1), 1e-12);

        PairData data = PairData.fromImages(raw, "raw", "test", 16, 3);
        double sum = 0;
        for (double value : data.pool().copyPixels()) {
            sum += value * value;
        }
        assertEquals(1.0, sum / (3 * 256), 1e-9);
        PairData other = PairData.fromImages(raw, "raw", "test", 16, 2);
        assertFalse(data.identity().equals(other.identity()));
        assertArrayEquals(sized.image(1), data.toDisplay(data.pool().image(1)), 1e-9);
    }

    private static void assertSame(PairPoint expected, PairPoint actual) {
        assertEquals(expected.memorisation(), actual.memorisation());
        assertEquals(expected.convergence(), actual.convergence());
        assertEquals(expected.memorisationBaseline(), actual.memorisationBaseline());
        assertArrayEquals(expected.testError(), actual.testError());
        assertArrayEquals(expected.firstLoss(), actual.firstLoss());
        assertArrayEquals(expected.grid().firstSamples()[0], actual.grid().firstSamples()[0]);
    }

    private static void assertInUnitRange(double value) {
        assertTrue(value >= 0 && value <= 1, "value " + value);
    }
}
