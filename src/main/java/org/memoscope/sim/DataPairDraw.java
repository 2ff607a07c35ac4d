package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;

/**
 * One repetition of the two-model experiment on a {@link DataSource}: two training sets of n
 * (disjoint for a finite set), both linear models fitted ({@link LinearModelFit}, the Gram
 * route below n = d, the covariance route above, on two threads), and both sampled with the
 * same seeds {@code z_1..z_s}; shared by {@link DataExperiment} and {@link SampleGrid}, which
 * therefore see the same draws.
 *
 * <p>Seeds, through {@link DrawSeeds#derive} from the root seed: training set a (a = 0, 1) of
 * repetition r at n from keys (d, n, r, {@value #TRAINING}, a), the held-out vectors from
 * (d, n, r, {@value #HELD_OUT}), sampling seed j from (d, r, {@value #SAMPLING}, j). The
 * sampling seeds do not depend on n, so seed j is the same z at every n and a row of a sample
 * grid can be followed along the ladder. A finite set draws its split and held-out images
 * from the first training seed alone.
 */
final class DataPairDraw {

    /** Key of a training set draw (distinct from the kinds of {@link DrawSeeds}). */
    static final int TRAINING = 11;
    /** Key of the held-out draw. */
    static final int HELD_OUT = 12;
    /** Key of a sampling seed. */
    static final int SAMPLING = 13;

    final DataSource.TrainingDraw training;
    final LinearModelFit first;
    final LinearModelFit second;
    /** Samples of model 1, d x s, column j for seed j. */
    final DMatrixRMaj firstSamples;
    /** Samples of model 2 for the same seeds. */
    final DMatrixRMaj secondSamples;

    private DataPairDraw(DataSource.TrainingDraw training, LinearModelFit first,
                         LinearModelFit second, DMatrixRMaj firstSamples,
                         DMatrixRMaj secondSamples) {
        this.training = training;
        this.first = first;
        this.second = second;
        this.firstSamples = firstSamples;
        this.secondSamples = secondSamples;
    }

    /**
     * Draws, fits and samples repetition {@code repetition} at n with {@code seedCount}
     * sampling seeds and up to {@code heldOutCount} held-out vectors.
     *
     * @param checkpoint called between the expensive steps; throws to stop
     */
    static DataPairDraw draw(DataSource source, int n, int repetition, long rootSeed,
                             int seedCount, int heldOutCount, Runnable checkpoint) {
        int d = source.dimension();
        DataSource.TrainingDraw training = source.draw(n, heldOutCount,
                DrawSeeds.derive(rootSeed, d, n, repetition, TRAINING, 0),
                DrawSeeds.derive(rootSeed, d, n, repetition, TRAINING, 1),
                DrawSeeds.derive(rootSeed, d, n, repetition, HELD_OUT));
        checkpoint.run();

        long[] columnSeeds = new long[seedCount];
        for (int j = 0; j < seedCount; j++) {
            columnSeeds[j] = DrawSeeds.derive(rootSeed, d, repetition, SAMPLING, j);
        }
        DMatrixRMaj seeds = SpikedGaussianData.samplingSeeds(d, columnSeeds);

        PairedExecution.Both<Fitted> both = PairedExecution.both(
                () -> Fitted.of(training.first(), seeds, checkpoint),
                () -> Fitted.of(training.second(), seeds, checkpoint));
        checkpoint.run();
        return new DataPairDraw(training, both.first().fit(), both.second().fit(),
                both.first().samples(), both.second().samples());
    }

    /** A fitted model and its samples. */
    private record Fitted(LinearModelFit fit, DMatrixRMaj samples) {

        static Fitted of(DMatrixRMaj trainingSet, DMatrixRMaj seeds, Runnable checkpoint) {
            LinearModelFit fit = LinearModelFit.fit(trainingSet, 0, checkpoint);
            return new Fitted(fit, fit.sample(seeds));
        }
    }
}
