package org.memoscope.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.memoscope.compute.JobContext;
import org.memoscope.data.ImageSet;
import org.memoscope.data.SampleSpectrum;
import org.memoscope.model.DataCurve;
import org.memoscope.nn.Engine;
import org.memoscope.nn.UNet;
import org.memoscope.sim.DataExperiment;
import org.memoscope.sim.DataSource;
import org.memoscope.sim.SampleGrid;
import org.memoscope.theory.DeterministicEquivalent;
import org.memoscope.theory.PopulationSpectrum;

/**
 * The denoiser-pair experiment (theory.md, section 5; after Kadkhodaie, Guth, Simoncelli &amp;
 * Mallat, ICLR 2024). For each training-set size N of a ladder: two disjoint sets of N images
 * from the pool ({@link ImageSet#disjointSplits}), a blind bias-free UNet trained on each with
 * the same budget ({@link DenoiserTraining}), samples drawn from both with the same initial and
 * injected noise ({@link Sampler}), and measured:
 * <ul>
 *   <li>memorisation m and its fresh-image baseline (held-out images in neither set),</li>
 *   <li>convergence q between paired samples, latent recovery Q_k of the samples' principal
 *       directions against the pool's,</li>
 *   <li>the generalisation gap: each network's denoising error on its own training images
 *       and on held-out images, per noise level, and the distance between the two denoisers
 *       on the same noisy held-out images, per noise level.</li>
 * </ul>
 * Cosines are taken on mean-removed images (the pool is centred). Optionally the linear model
 * on the same pool ({@link DataExperiment}) is measured over the same ladder as a reference.
 *
 * <p>Networks and points are cached ({@link PairCache}) under keys that list everything
 * determining them, so a cancelled sweep resumes where it stopped. Progress counts training
 * steps (a measurement counts as the steps of equal network work), and the message gives an
 * estimate of the time left from the measured time per step.
 */
public final class PairExperiment {

    /** Rows of the sample grid kept per point. */
    public static final int GRID_ROWS = 8;

    /** Latent factors Q_k measured. */
    public static final int FACTORS = 3;

    private PairExperiment() {
    }

    /**
     * What to run.
     *
     * @param data            the image pool
     * @param sampleCounts    the ladder of N, each >= 1, with {@code 2 max(N) + heldOut} at
     *                        most the pool size
     * @param training        network and training budget, the same for every N
     * @param schedule        noise levels for training and sampling
     * @param sampler         the reverse process
     * @param samples         samples per network, 2..4096
     * @param heldOut         held-out images for the baseline and the test error, 1..4096
     * @param measureLevels   noise levels of the per-level errors, 1..64
     * @param seed            split and sampling seed
     * @param linearReference whether to measure the linear model on the same pool
     * @param cacheRoot       cache folder, or null for no cache
     */
    public record Request(PairData data, int[] sampleCounts, TrainingSettings training,
                          NoiseSchedule schedule, Sampler.Kind sampler, int samples,
                          int heldOut, int measureLevels, long seed, boolean linearReference,
                          Path cacheRoot) {

        public Request {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(sampler, "sampler");
            sampleCounts = sampleCounts.clone();
            if (sampleCounts.length == 0) {
                throw new IllegalArgumentException("the ladder of N is empty");
            }
            if (samples < 2 || samples > 4096 || heldOut < 1 || heldOut > 4096) {
                throw new IllegalArgumentException("samples must be in 2..4096 and held-out "
                        + "images in 1..4096");
            }
            if (measureLevels < 1 || measureLevels > 64) {
                throw new IllegalArgumentException("measure levels must be in 1..64");
            }
            int divisor = 1 << (training.levels() - 1);
            if (data.side() % divisor != 0) {
                throw new IllegalArgumentException("a UNet of " + training.levels()
                        + " levels needs an image side divisible by " + divisor + ", got "
                        + data.side());
            }
            for (int n : sampleCounts) {
                if (n < 1 || 2L * n + heldOut > data.count()) {
                    throw new IllegalArgumentException("N = " + n + " needs 2N + " + heldOut
                            + " held-out = " + (2L * n + heldOut) + " images, but the pool "
                            + "has " + data.count());
                }
            }
        }

        /** A copy of the ladder. */
        @Override
        public int[] sampleCounts() {
            return sampleCounts.clone();
        }

        /** Pool size a ladder needs: {@code 2 max(N) + heldOut}. */
        public static int poolSize(int[] ladder, int heldOut) {
            return 2 * Arrays.stream(ladder).max().orElse(1) + heldOut;
        }

        /** The measurement settings as a canonical text, part of the point cache key. */
        String measurementKey() {
            return String.format(Locale.ROOT, "sampler:%s;samples:%d;heldout:%d;levels:%d;"
                    + "seed:%d;grid:%d;factors:%d", sampler, samples, heldOut, measureLevels,
                    seed, GRID_ROWS, FACTORS);
        }
    }

    /** A live view of training: network 0 (A) or 1 (B) at N, its loss history so far. */
    public record LiveLoss(int sampleCount, int network, int step, int steps, int lossWindow,
                           float[] history) {
    }

    /**
     * The outcome.
     *
     * @param description the pool
     * @param request     what was run
     * @param points      one per N, in ladder order
     * @param linear      the linear model on the same pool, or null if not asked for
     * @param notes       cache problems met (corrupt entries recomputed, writes that failed)
     * @param seconds     wall time of the run
     */
    public record Result(String description, Request request, List<PairPoint> points,
                         DataCurve linear, LinearTheory theory, List<String> notes,
                         double seconds) {

        public Result {
            points = List.copyOf(points);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The linear model's convergence in the high-dimensional limit for the pool's own
     * spectrum: {@code q(gamma)} of {@link DeterministicEquivalent#convergence(double)} at
     * {@code gamma = N / d} (theory.md, section 4.1), with the pool's covariance as the
     * population. On a logarithmic grid of N that includes every N of the sweep.
     *
     * @param sampleCounts N, increasing
     * @param convergence  q at each N
     */
    public record LinearTheory(double[] sampleCounts, double[] convergence) {

        public LinearTheory {
            sampleCounts = sampleCounts.clone();
            convergence = convergence.clone();
        }

        @Override
        public double[] sampleCounts() {
            return sampleCounts.clone();
        }

        @Override
        public double[] convergence() {
            return convergence.clone();
        }

        /** q at the grid's N equal to {@code n}, NaN when n is not on the grid. */
        public double convergenceAt(int n) {
            int index = Arrays.binarySearch(sampleCounts, n);
            return index >= 0 ? convergence[index] : Double.NaN;
        }
    }

    /** Points of the theory grid per decade of N. */
    private static final int THEORY_POINTS_PER_DECADE = 20;

    /** {@link LinearTheory} from N = 1 to twice the largest N of {@code ladder}. */
    static LinearTheory linearTheory(ImageSet pool, int[] ladder) {
        int d = pool.dimension();
        DeterministicEquivalent equivalent = DeterministicEquivalent.of(
                PopulationSpectrum.of(SampleSpectrum.eigenvalues(pool)));
        double top = 2.0 * Arrays.stream(ladder).max().orElse(1);
        int steps = (int) Math.ceil(Math.log10(top) * THEORY_POINTS_PER_DECADE);
        java.util.TreeSet<Double> grid = new java.util.TreeSet<>();
        for (int i = 0; i <= steps; i++) {
            grid.add(Math.pow(top, i / (double) Math.max(steps, 1)));
        }
        for (int n : ladder) {
            grid.add((double) n);
        }
        double[] counts = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] convergence = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            convergence[i] = equivalent.convergence(counts[i] / d);
        }
        return new LinearTheory(counts, convergence);
    }

    /** Runs the request without a live loss view. */
    public static Result run(Request request, JobContext context) {
        return run(request, context, live -> { });
    }

    /**
     * Runs the request, calling {@code liveLoss} from the working thread as training goes.
     *
     * @throws org.memoscope.compute.JobCancelledException when {@code context} is cancelled
     */
    public static Result run(Request request, JobContext context, Consumer<LiveLoss> liveLoss) {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        PairCache cache = request.cacheRoot() == null ? null
                : new PairCache(request.cacheRoot());
        Progress progress = new Progress(context, request);
        double[][] factors = SampleSpectrum.principalComponents(request.data().pool(), FACTORS)
                .eigenvectors();

        List<PairPoint> points = new ArrayList<>();
        for (int n : request.sampleCounts()) {
            context.checkCancelled();
            points.add(point(request, n, cache, notes, progress, factors, liveLoss));
        }
        DataCurve linear = null;
        if (request.linearReference()) {
            JobContext share = new JobContext() {
                @Override
                public boolean isCancelled() {
                    return context.isCancelled();
                }

                @Override
                public void reportProgress(double fraction, String message) {
                    context.reportProgress(Progress.NETWORK_SHARE
                            + (1 - Progress.NETWORK_SHARE) * fraction,
                            "linear model on the same images: " + message);
                }
            };
            linear = cachedLinearReference(request, cache, notes, share);
        }
        context.reportProgress(1, String.format(Locale.ROOT, "done: %d sizes in %s",
                points.size(), Progress.duration((System.nanoTime() - start) / 1e9)));
        LinearTheory theory = linearTheory(request.data().pool(), request.sampleCounts());
        return new Result(request.data().description(), request, points, linear, theory, notes,
                (System.nanoTime() - start) / 1e9);
    }

    /** The linear model on the same pool and ladder, same seed (repetition 0 only). */
    static DataCurve linearReference(Request request, JobContext context) {
        DataSource source = DataSource.imageSet(request.data().pool());
        return DataExperiment.run(new DataExperiment.Request(source, request.sampleCounts(),
                linearSeeds(request), 1, FACTORS, request.seed()), context);
    }

    /** {@link #linearReference}, from the cache when it holds it (and stored there if not). */
    private static DataCurve cachedLinearReference(Request request, PairCache cache,
                                                   List<String> notes, JobContext context) {
        String key = linearKey(request);
        if (cache != null) {
            var cached = cache.loadLinear(key, notes);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        DataCurve linear = linearReference(request, context);
        if (cache != null) {
            cache.saveLinear(key, linear, notes);
        }
        return linear;
    }

    private static int linearSeeds(Request request) {
        return Math.min(request.samples(), 256);
    }

    /** Everything that determines the linear reference; "v1" names its algorithm. */
    static String linearKey(Request request) {
        return String.format(Locale.ROOT, "pair-linear-v1;%s;n:%s;seeds:%d;factors:%d;seed:%d",
                request.data().identity(), Arrays.toString(request.sampleCounts()),
                linearSeeds(request), FACTORS, request.seed());
    }

    private static PairPoint point(Request request, int n, PairCache cache, List<String> notes,
                                   Progress progress, double[][] factors,
                                   Consumer<LiveLoss> liveLoss) {
        PairData data = request.data();
        ImageSet.DisjointSplit split = data.pool().disjointSplits(n, splitSeed(request));
        int[][] sets = {split.firstIndices(), split.secondIndices()};
        String pointKey = pointKey(request, n);
        if (cache != null) {
            var cached = cache.loadPoint(pointKey, n, notes);
            if (cached.isPresent()) {
                progress.skip(progress.pointUnits(n));
                return cached.get().withSeconds(0);
            }
        }
        long start = System.nanoTime();
        Engine engine = Engine.defaultEngine();
        DenoiserTraining.Result[] trained = new DenoiserTraining.Result[2];
        for (int network = 0; network < 2; network++) {
            trained[network] = network(request, n, network, sets[network], cache, notes,
                    progress, liveLoss, engine);
        }
        progress.message(n, "sampling and measuring");
        UNet[] networks = new UNet[2];
        for (int network = 0; network < 2; network++) {
            networks[network] = DenoiserTraining.restore(request.training(),
                    trained[network].weights(), engine);
        }
        long measureStart = System.nanoTime();
        PairMeasures measures = new PairMeasures(request, data, sets, heldOut(data, split,
                request), factors, progress.checkpoint());
        PairPoint point = measures.measure(n, networks, trained);
        progress.measured(progress.measureUnits(n), (System.nanoTime() - measureStart) / 1e9);
        point = point.withSeconds((System.nanoTime() - start) / 1e9);
        if (cache != null) {
            cache.savePoint(pointKey, point, notes);
        }
        return point;
    }

    private static DenoiserTraining.Result network(Request request, int n, int network,
                                                   int[] indices, PairCache cache,
                                                   List<String> notes, Progress progress,
                                                   Consumer<LiveLoss> liveLoss, Engine engine) {
        String key = networkKey(request, n, network);
        TrainingSettings settings = request.training();
        if (cache != null) {
            var cached = cache.loadNetwork(key, settings.network().parameterCount(), notes);
            if (cached.isPresent()) {
                progress.skip(settings.steps());
                DenoiserTraining.Result result = cached.get();
                liveLoss.accept(new LiveLoss(n, network, settings.steps(), settings.steps(),
                        result.lossWindow(), result.lossHistory()));
                return result;
            }
        }
        PairData data = request.data();
        int window = DenoiserTraining.lossWindow(settings.steps());
        float[] history = new float[(settings.steps() + window - 1) / window];
        double[] sum = new double[1];
        long seed = NoiseStreams.mix(settings.seed() * 31 + network);
        DenoiserTraining.Result result = DenoiserTraining.train(data.floatImages(indices), n,
                data.side(), request.schedule(), settings, seed, NoiseStreams.mix(seed + n),
                engine, (step, loss) -> {
                    sum[0] += loss;
                    if (step % window == 0 || step == settings.steps()) {
                        int filled = (step - 1) / window;
                        int inWindow = step - filled * window;
                        history[filled] = (float) (sum[0] / inWindow);
                        sum[0] = 0;
                        liveLoss.accept(new LiveLoss(n, network, step, settings.steps(), window,
                                Arrays.copyOf(history, filled + 1)));
                    }
                    progress.trained(n, network, step);
                }, progress.checkpoint());
        if (cache != null) {
            cache.saveNetwork(key, result, notes);
        }
        return result;
    }

    /** Images in neither training set: the first {@code heldOut} of a seeded shuffle. */
    private static int[] heldOut(PairData data, ImageSet.DisjointSplit split, Request request) {
        boolean[] used = new boolean[data.count()];
        for (int index : split.firstIndices()) {
            used[index] = true;
        }
        for (int index : split.secondIndices()) {
            used[index] = true;
        }
        int[] rest = new int[data.count() - split.firstIndices().length
                - split.secondIndices().length];
        int k = 0;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                rest[k++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(NoiseStreams.mix(request.seed() + 17));
        int count = Math.min(request.heldOut(), rest.length);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rest.length - i);
            int swap = rest[i];
            rest[i] = rest[j];
            rest[j] = swap;
        }
        int[] chosen = Arrays.copyOf(rest, count);
        Arrays.sort(chosen);
        return chosen;
    }

    private static long splitSeed(Request request) {
        return NoiseStreams.mix(request.seed() * 7 + 3);
    }

    static String networkKey(Request request, int n, int network) {
        return String.format(Locale.ROOT, "pair-network;%s;n:%d;split:%d;network:%d;%s;%s",
                request.data().identity(), n, splitSeed(request), network,
                request.training().key(), request.schedule().key());
    }

    static String pointKey(Request request, int n) {
        return networkKey(request, n, 0) + ";" + networkKey(request, n, 1) + ";"
                + request.measurementKey();
    }

    /**
     * The sample grid of a point: A's and B's samples and the nearest training image of
     * each, in the original pixel scale (mean added back), gray range from the training
     * images shown.
     */
    public static SampleGrid sampleGrid(PairPoint point, PairData data, long seed) {
        PairGridRows rows = point.grid();
        List<SampleGrid.Row> gridRows = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < rows.size(); j++) {
            double[] firstNearest = data.toDisplay(data.pool().image(rows.firstNearest()[j]));
            double[] secondNearest = data.toDisplay(
                    data.pool().image(rows.secondNearest()[j]));
            for (double[] image : List.of(firstNearest, secondNearest)) {
                for (double value : image) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
            gridRows.add(new SampleGrid.Row(j, data.toDisplay(rows.firstSamples()[j]),
                    data.toDisplay(rows.secondSamples()[j]), firstNearest, secondNearest,
                    rows.firstNearest()[j], rows.secondNearest()[j], rows.sampleCosine()[j],
                    rows.firstNearestCosine()[j], rows.secondNearestCosine()[j]));
        }
        if (!(high > low)) {
            high = low + 1;
        }
        return new SampleGrid(data.label() + " (networks A and B)", point.sampleCount(), seed,
                data.side(), data.side(), low, high, gridRows);
    }
}
