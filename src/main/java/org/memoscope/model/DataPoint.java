package org.memoscope.model;

/**
 * The order parameters measured at one training-set size n on a data source (two linear
 * models on disjoint training sets of n, sampled with shared seeds). Standard errors are over
 * all (repetition, seed) draws for q, m and the baseline, over repetitions for the trace form
 * and over (repetition, model) for Q_k.
 *
 * @param sampleCount          n per model
 * @param dimension            d
 * @param convergence          q: mean cosine between the two models' samples for one seed
 * @param convergenceTrace     q in trace form {@code Tr(A1 A2) / sqrt(Tr(A1^2) Tr(A2^2))},
 *                             {@code A_a = S_a^(1/2)}
 * @param memorisation         m: mean over samples of the largest |cosine| to a training
 *                             vector of the sample's own model, averaged over both models
 * @param memorisationBaseline the same nearest-training |cosine| for held-out real vectors
 *                             (fresh draws, or images in neither training set): the level m
 *                             falls to when samples are as new as real data; NaN with 0 draws
 *                             when a finite set has no image left over
 * @param latentRecovery       Q_k, k = 1..r: the squared length of the projection of the
 *                             learnt k-th eigenvector on the population eigenspace of the
 *                             group of equal eigenvalues that holds population rank k
 */
public record DataPoint(int sampleCount, int dimension, Estimate convergence,
                        Estimate convergenceTrace, Estimate memorisation,
                        Estimate memorisationBaseline, Estimate[] latentRecovery) {

    /** Copies the array. */
    public DataPoint {
        latentRecovery = latentRecovery.clone();
    }

    /** The load gamma = n / d. */
    public double loadRatio() {
        return (double) sampleCount / dimension;
    }

    /** A copy of the Q_k estimates. */
    @Override
    public Estimate[] latentRecovery() {
        return latentRecovery.clone();
    }

    /** Q_k for k = 1..r. */
    public Estimate latentRecovery(int factor) {
        return latentRecovery[factor - 1];
    }
}
