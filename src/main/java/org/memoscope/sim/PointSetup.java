package org.memoscope.sim;

import java.util.Arrays;
import java.util.Comparator;

import org.memoscope.model.ExplorerParameters;

/**
 * The fixed inputs of one simulated point: root seed, d, n, spikes, ridge, number
 * of sampling seeds, and the eigenvalue rank paired with each spike.
 *
 * <p>Spike k is compared with the eigenvector of S whose rank (0 = largest) is
 * the rank of beta_k among the spike strengths in decreasing order (ties keep
 * their order): the outlier eigenvalues of a spiked sample covariance are
 * ordered like the spikes (Baik, Ben Arous and Peche, Ann. Probab. 33, 2005).
 * With sorted spikes this is simply {@code u_k} for {@code v_k}.
 */
record PointSetup(long rootSeed, int dimension, int sampleCount, double[] spikeStrengths,
                  double ridge, int seedCount, int[] spikeRanks) {

    /** The setup of the point at n = {@code sampleCount} for {@code parameters}. */
    static PointSetup of(ExplorerParameters parameters, int sampleCount) {
        double[] strengths = parameters.spikeStrengths();
        if (strengths.length > parameters.dimension()) {
            throw new IllegalArgumentException("cannot plant " + strengths.length
                    + " spikes in dimension " + parameters.dimension());
        }
        return new PointSetup(parameters.seed(), parameters.dimension(), sampleCount,
                strengths, parameters.ridge(), parameters.seedCount(), ranks(strengths));
    }

    private static int[] ranks(double[] strengths) {
        Integer[] order = new Integer[strengths.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> strengths[k]).reversed());
        int[] ranks = new int[strengths.length];
        for (int rank = 0; rank < order.length; rank++) {
            ranks[order[rank]] = rank;
        }
        return ranks;
    }

    /** The load actually simulated, n / d. */
    double loadRatio() {
        return (double) sampleCount / dimension;
    }
}
