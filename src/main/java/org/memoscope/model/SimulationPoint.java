package org.memoscope.model;

/**
 * Finite-size measurement of the order parameters at one load: two linear
 * models fitted on disjoint training sets of size n, sampled with shared seeds.
 * Standard errors are over all (repetition, seed) draws for the per-sample
 * quantities q and m, and over repetitions (x models) for the trace form and Q_k.
 *
 * @param loadRatio        gamma = n / d actually simulated
 * @param sampleCount      n per model
 * @param dimension        d
 * @param convergence      q: mean cosine between the two models' samples for the same seed
 * @param convergenceTrace q in trace form tau(S1^1/2 S2^1/2) / sqrt(tau(S1) tau(S2))
 * @param memorisation     m: mean over samples of the largest |cosine| to a training point
 * @param latentRecovery   Q_k = (v_k . u_k)^2, one per spike
 */
public record SimulationPoint(double loadRatio, int sampleCount, int dimension,
                              Estimate convergence, Estimate convergenceTrace,
                              Estimate memorisation, Estimate[] latentRecovery) {

    public SimulationPoint {
        latentRecovery = latentRecovery.clone();
    }

    @Override
    public Estimate[] latentRecovery() {
        return latentRecovery.clone();
    }

    public Estimate latentRecovery(int k) {
        return latentRecovery[k];
    }
}
