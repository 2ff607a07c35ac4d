package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;

/**
 * What one trained model of a repetition yields: the fit, its samples for the
 * shared seeds, the memorisation {@code max_mu |cos(x(z_j), x_mu)|} of each
 * sample, and the latent recovery {@code Q_k = (v_k . u_k)^2} of each spike.
 */
record ModelDraw(LinearModelFit fit, DMatrixRMaj samples, double[] memorisation,
                 double[] latentRecovery) {

    /** Draws the training set of {@code model} (0 or 1), fits it and measures it. */
    static ModelDraw draw(PointSetup setup, int repetition, int model, DMatrixRMaj seeds,
                          Runnable checkpoint) {
        long seed = DrawSeeds.trainingSet(setup.rootSeed(), setup.dimension(),
                setup.sampleCount(), repetition, model);
        DMatrixRMaj trainingSet = SpikedGaussianData.trainingSet(setup.sampleCount(),
                setup.dimension(), setup.spikeStrengths(), seed);
        checkpoint.run();

        LinearModelFit fit = LinearModelFit.fit(trainingSet, setup.ridge(), checkpoint);
        DMatrixRMaj samples = fit.sample(seeds);
        checkpoint.run();

        double[] memorisation = SampleGeometry.nearestTrainingCosines(trainingSet, samples);
        int[] spikeRanks = setup.spikeRanks();
        double[] latentRecovery = new double[spikeRanks.length];
        for (int k = 0; k < spikeRanks.length; k++) {
            double component = fit.eigenvectorComponent(spikeRanks[k], k);
            latentRecovery[k] = component * component;
        }
        return new ModelDraw(fit, samples, memorisation, latentRecovery);
    }
}
