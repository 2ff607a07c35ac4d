package org.memoscope.model;

import java.util.List;

/**
 * The result of a data experiment over a ladder of training-set sizes, tagged with the
 * request that produced it, so that it can be reproduced and checked against the current
 * request before it is shown.
 *
 * @param source           description of the data source
 * @param dimension        d
 * @param sampleCounts     the ladder of n, in the order measured
 * @param seedCount        sampling seeds (and held-out vectors) per repetition
 * @param repetitions      independent pairs of training sets per n
 * @param seed             root seed of every random draw
 * @param factorGroupSizes for k = 1..r, how many population eigenvectors share the
 *                         eigenvalue of rank k (the subspace Q_k is measured against)
 * @param points           one point per n, in ladder order
 */
public record DataCurve(String source, int dimension, int[] sampleCounts, int seedCount,
                        int repetitions, long seed, int[] factorGroupSizes,
                        List<DataPoint> points) {

    /** Copies the arrays and the list. */
    public DataCurve {
        sampleCounts = sampleCounts.clone();
        factorGroupSizes = factorGroupSizes.clone();
        points = List.copyOf(points);
    }

    /** A copy of the ladder. */
    @Override
    public int[] sampleCounts() {
        return sampleCounts.clone();
    }

    /** A copy of the group sizes. */
    @Override
    public int[] factorGroupSizes() {
        return factorGroupSizes.clone();
    }

    /** r, the number of Q_k measured. */
    public int factorCount() {
        return factorGroupSizes.length;
    }
}
