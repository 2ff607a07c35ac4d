package org.memoscope.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleConsumer;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.memoscope.compute.JobContext;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.model.Estimate;

/**
 * The two-model experiment of theory.md, section 3, on any {@link DataSource}, over a ladder
 * of training-set sizes n. At each n and repetition ({@link DataPairDraw}): two training sets
 * of n (disjoint random subsets for a finite image set), both linear models
 * {@code x_a(z) = S_a^(1/2) z} fitted, sampled with the same seeds, and measured:
 *
 * <ul>
 *   <li>convergence {@code q = cos(x_1(z), x_2(z))}, one draw per (repetition, seed), and its
 *       trace form {@code Tr(A1 A2) / sqrt(Tr(A1^2) Tr(A2^2))}, one per repetition;</li>
 *   <li>memorisation {@code m = max_mu |cos(x_a(z), x_mu)|} over model a's own training set,
 *       averaged over a = 1, 2, one draw per (repetition, seed);</li>
 *   <li>the memorisation baseline: the same nearest-training |cosine| for held-out real
 *       vectors (as many as seeds; fresh draws for the Gaussian sources, images in neither
 *       training set for a finite set), averaged over the two training sets, one draw per
 *       (repetition, held-out vector);</li>
 *   <li>latent recovery Q_k, k = 1..r, against the population (or full-data) eigenvectors,
 *       group-wise where eigenvalues are degenerate ({@link FactorGroups}), one draw per
 *       (repetition, model).</li>
 * </ul>
 *
 * <p>Cosines are taken on the vectors as drawn: zero-mean Gaussian data, or images minus the
 * mean image of the set (the mean-removed cosine). No ridge.
 *
 * <p>Every random number comes from the request's root seed ({@link DataPairDraw}), so a
 * request gives bit-identical results on every run. Cancellation is checked before each n,
 * between the draw, fit and sampling steps, and between measurements; progress is the share
 * of the modelled cost ({@link SimulationBudget#estimatedSeconds}) done.
 * {@link #checkFeasible} refuses up front a request whose matrices would not fit in the heap.
 */
public final class DataExperiment {

    /** Largest number of latent factors measured. */
    public static final int MAX_FACTORS = 20;

    private DataExperiment() {
    }

    /**
     * What to measure.
     *
     * @param source       the data
     * @param sampleCounts the ladder of n per model, each at least 1 and at most the
     *                     source's {@link DataSource#maxSampleCount()}
     * @param seedCount    sampling seeds per repetition (also the held-out vectors), >= 1
     * @param repetitions  independent pairs of training sets per n, >= 1
     * @param factorCount  r, the Q_k measured, 0..{@value #MAX_FACTORS} and at most d
     * @param seed         root seed
     */
    public record Request(DataSource source, int[] sampleCounts, int seedCount, int repetitions,
                         int factorCount, long seed) {

        /** Checks the ranges that do not depend on the heap; copies the ladder. */
        public Request {
            Objects.requireNonNull(source, "source");
            sampleCounts = sampleCounts.clone();
            if (sampleCounts.length == 0) {
                throw new IllegalArgumentException("the ladder of n is empty");
            }
            for (int n : sampleCounts) {
                source.checkSampleCount(n);
            }
            if (seedCount < 1 || repetitions < 1) {
                throw new IllegalArgumentException("need at least one seed and one repetition,"
                        + " got " + seedCount + " and " + repetitions);
            }
            if (factorCount < 0 || factorCount > Math.min(MAX_FACTORS, source.dimension())) {
                throw new IllegalArgumentException("factor count must be in 0.."
                        + Math.min(MAX_FACTORS, source.dimension()) + ", got " + factorCount);
            }
        }

        /** A copy of the ladder. */
        @Override
        public int[] sampleCounts() {
            return sampleCounts.clone();
        }
    }

    /**
     * Runs the request.
     *
     * @throws IllegalArgumentException if {@link #checkFeasible} refuses it, or a factor lies in
     *                                  a degenerate group too large to measure
     * @throws org.memoscope.compute.JobCancelledException when {@code context} is cancelled
     */
    public static DataCurve run(Request request, JobContext context) {
        checkFeasible(request);
        Runnable checkpoint = checkpoint(context);
        DataSource source = request.source();
        int d = source.dimension();
        context.reportProgress(0, "population eigenvectors of " + source.description());
        FactorGroups groups = FactorGroups.of(source, request.factorCount());
        checkpoint.run();

        int[] ladder = request.sampleCounts();
        double[] cost = new double[ladder.length];
        double totalCost = 0;
        for (int i = 0; i < ladder.length; i++) {
            cost[i] = SimulationBudget.estimatedSeconds(ladder[i], d, request.seedCount())
                    * request.repetitions();
            totalCost += cost[i];
        }

        List<DataPoint> points = new ArrayList<>();
        double done = 0;
        for (int i = 0; i < ladder.length; i++) {
            context.checkCancelled();
            String step = String.format(Locale.ROOT, "n = %d (gamma = %.3g), %d of %d",
                    ladder[i], (double) ladder[i] / d, i + 1, ladder.length);
            double start = done / totalCost;
            double width = cost[i] / totalCost;
            DoubleConsumer progress = share -> context.reportProgress(start + width * share,
                    step);
            points.add(measure(request, ladder[i], groups, progress, checkpoint));
            done += cost[i];
        }
        context.reportProgress(1, "measured " + ladder.length + " sizes on "
                + source.description());
        return new DataCurve(source.description(), d, ladder, request.seedCount(),
                request.repetitions(), request.seed(), groups.groupSizes(), points);
    }

    /**
     * Refuses, before anything is computed, a request whose largest n would need more memory
     * than the heap has free ({@link #estimatedBytes}); one collection is requested before
     * refusing, since part of the used heap may be garbage.
     *
     * @throws IllegalArgumentException with the sizes, the need and the limit in the message
     */
    public static void checkFeasible(Request request) {
        int largest = 0;
        for (int n : request.sampleCounts()) {
            largest = Math.max(largest, n);
        }
        checkMemory(request.source(), largest, request.seedCount(), request.factorCount());
    }

    static void checkMemory(DataSource source, int n, int seeds, int factors) {
        double needed = estimatedBytes(source, n, seeds, factors);
        long available = SimulationMemory.availableBytes();
        if (needed > available) {
            System.gc();
            available = SimulationMemory.availableBytes();
        }
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "n = %d at dimension d = %d with %d seeds needs about %s of memory, but"
                            + " only %s of the Java heap (maximum %s) is free; use a smaller"
                            + " n, fewer seeds or a larger heap (-Xmx)", n, source.dimension(),
                    seeds, SimulationMemory.formatBytes(needed),
                    SimulationMemory.formatBytes(available),
                    SimulationMemory.formatBytes(Runtime.getRuntime().maxMemory())));
        }
    }

    /**
     * Modelled peak bytes of one repetition at n with s seeds and as many held-out vectors:
     * the simulation's own estimate ({@link SimulationMemory#estimatedBytes}: training sets,
     * fits, overlap, seeds and samples), plus the held-out vectors and their transpose
     * {@code 2 d s}, the eigenvectors Q_k needs {@code 2 (r + 64) d} and, for a finite set,
     * the one-off spectrum of all N images, {@code 4 min(N, d)^2} doubles. The data source's
     * own arrays are already in the heap and count as used.
     */
    static double estimatedBytes(DataSource source, int n, int seeds, int factors) {
        double d = source.dimension();
        double extra = 2.0 * d * seeds + 2.0 * (factors + FactorGroups.MAX_GROUP) * d;
        if (source instanceof ImageSetSource images) {
            double rank = Math.min((double) images.imageCount(), d);
            extra += 4 * rank * rank;
        }
        return SimulationMemory.estimatedBytes(n, source.dimension(), seeds)
                + Double.BYTES * extra;
    }

    /** One point; {@code progress} takes the share 0..1 of its repetitions done. */
    private static DataPoint measure(Request request, int n, FactorGroups groups,
                                     DoubleConsumer progress, Runnable checkpoint) {
        int seeds = request.seedCount();
        int repetitions = request.repetitions();
        int factors = request.factorCount();
        double[] convergence = new double[repetitions * seeds];
        double[] memorisation = new double[repetitions * seeds];
        double[] convergenceTrace = new double[repetitions];
        List<Double> baseline = new ArrayList<>();
        double[][] recovery = new double[factors][2 * repetitions];
        for (int repetition = 0; repetition < repetitions; repetition++) {
            progress.accept((double) repetition / repetitions);
            DataPairDraw draw = DataPairDraw.draw(request.source(), n, repetition,
                    request.seed(), seeds, seeds, checkpoint);

            double[] cosines = SampleGeometry.columnCosines(draw.firstSamples,
                    draw.secondSamples);
            System.arraycopy(cosines, 0, convergence, repetition * seeds, seeds);
            convergenceTrace[repetition] = LinearModelFit.convergenceTrace(draw.first,
                    draw.second);
            checkpoint.run();

            double[] first = SampleGeometry.nearestTrainingCosines(draw.training.first(),
                    draw.firstSamples);
            double[] second = SampleGeometry.nearestTrainingCosines(draw.training.second(),
                    draw.secondSamples);
            for (int j = 0; j < seeds; j++) {
                memorisation[repetition * seeds + j] = (first[j] + second[j]) / 2;
            }
            for (double value : baseline(draw)) {
                baseline.add(value);
            }
            checkpoint.run();

            double[] firstRecovery = groups.recovery(draw.first);
            double[] secondRecovery = groups.recovery(draw.second);
            for (int k = 0; k < factors; k++) {
                recovery[k][2 * repetition] = firstRecovery[k];
                recovery[k][2 * repetition + 1] = secondRecovery[k];
            }
            checkpoint.run();
        }

        Estimate[] latentRecovery = new Estimate[factors];
        for (int k = 0; k < factors; k++) {
            latentRecovery[k] = Estimate.of(recovery[k]);
        }
        double[] baselineDraws = baseline.stream().mapToDouble(Double::doubleValue).toArray();
        return new DataPoint(n, request.source().dimension(), Estimate.of(convergence),
                Estimate.of(convergenceTrace), Estimate.of(memorisation),
                Estimate.of(baselineDraws), latentRecovery);
    }

    /** Nearest-training |cosine| of each held-out vector, mean over the two training sets. */
    private static double[] baseline(DataPairDraw draw) {
        DMatrixRMaj heldOut = draw.training.heldOut();
        if (heldOut.numRows == 0) {
            return new double[0];
        }
        DMatrixRMaj columns = new DMatrixRMaj(heldOut.numCols, heldOut.numRows);
        CommonOps_DDRM.transpose(heldOut, columns);
        double[] first = SampleGeometry.nearestTrainingCosines(draw.training.first(), columns);
        double[] second = SampleGeometry.nearestTrainingCosines(draw.training.second(),
                columns);
        double[] mean = new double[first.length];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (first[j] + second[j]) / 2;
        }
        return mean;
    }

    static Runnable checkpoint(JobContext context) {
        return () -> {
            context.checkCancelled();
            PairedExecution.checkInterrupted();
        };
    }
}
