package org.memoscope.sim;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of the coordinates of a diagonal covariance by decreasing variance (ties keep
 * their coordinate order), for sources whose eigenvectors are coordinate axes.
 */
final class DescendingOrder {

    private DescendingOrder() {
    }

    /** Coordinates sorted by decreasing {@code values}. */
    static int[] of(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        int[] sorted = new int[order.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = order[i];
        }
        return sorted;
    }

    /** {@code values} permuted into {@code order}. */
    static double[] apply(double[] values, int[] order) {
        double[] sorted = new double[order.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values[order[i]];
        }
        return sorted;
    }

    /** The first {@code count} axes of {@code order}, as unit vectors. */
    static double[][] axes(int[] order, int count) {
        double[][] axes = new double[count][order.length];
        for (int k = 0; k < count; k++) {
            axes[k][order[k]] = 1;
        }
        return axes;
    }
}
