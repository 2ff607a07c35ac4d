package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;

/**
 * One repetition of the two-model experiment (theory.md, section 3): two
 * training sets drawn independently, both fitted, both sampled with the same
 * seeds {@code z_1..z_s}, and measured.
 *
 * <ul>
 *   <li>{@code convergence[j] = cos(x_1(z_j), x_2(z_j))};</li>
 *   <li>{@code memorisation[j]}: the mean over the two models of
 *       {@code max_mu |cos(x_a(z_j), x_mu)|}, x_mu in model a's own training set;</li>
 *   <li>{@code latentRecovery[k][a] = (v_k . u_k)^2} for model a;</li>
 *   <li>{@code convergenceTrace = Tr(A1 A2) / sqrt(Tr(A1^2) Tr(A2^2))} with
 *       {@code A_a = (S_a + lambda I)^(1/2)}, so {@code Tr(A_a^2) = Tr(S_a) + lambda d}:
 *       the trace form {@code tau(S1^(1/2) S2^(1/2)) / sqrt(tau(S1) tau(S2))} with the
 *       ridge included throughout, the value the cosine concentrates on.</li>
 * </ul>
 *
 * <p>The two models are fitted on two threads, and the trace form is computed by
 * {@link LinearModelFit#convergenceTrace}.
 */
record RepetitionDraw(double[] convergence, double[] memorisation,
                      double[][] latentRecovery, double convergenceTrace) {

    static RepetitionDraw draw(PointSetup setup, int repetition, Runnable checkpoint) {
        long[] seedSeeds = new long[setup.seedCount()];
        for (int j = 0; j < seedSeeds.length; j++) {
            seedSeeds[j] = DrawSeeds.samplingSeed(setup.rootSeed(), setup.dimension(),
                    setup.sampleCount(), repetition, j);
        }
        DMatrixRMaj seeds = SpikedGaussianData.samplingSeeds(setup.dimension(), seedSeeds);

        PairedExecution.Both<ModelDraw> models = PairedExecution.both(
                () -> ModelDraw.draw(setup, repetition, 0, seeds, checkpoint),
                () -> ModelDraw.draw(setup, repetition, 1, seeds, checkpoint));
        ModelDraw first = models.first();
        ModelDraw second = models.second();
        checkpoint.run();

        double convergenceTrace = LinearModelFit.convergenceTrace(first.fit(), second.fit());

        double[] convergence = SampleGeometry.columnCosines(first.samples(), second.samples());
        double[] memorisation = new double[setup.seedCount()];
        for (int j = 0; j < memorisation.length; j++) {
            memorisation[j] = (first.memorisation()[j] + second.memorisation()[j]) / 2;
        }
        double[][] latentRecovery = new double[setup.spikeStrengths().length][];
        for (int k = 0; k < latentRecovery.length; k++) {
            latentRecovery[k] = new double[] {
                first.latentRecovery()[k], second.latentRecovery()[k]};
        }
        return new RepetitionDraw(convergence, memorisation, latentRecovery, convergenceTrace);
    }
}
