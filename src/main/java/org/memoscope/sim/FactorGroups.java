package org.memoscope.sim;

/**
 * Latent recovery against degenerate population eigenvalues.
 *
 * <p>When several population eigenvalues are equal (the Fourier modes of one frequency
 * radius of a power-law field, equal spikes), any rotation inside their eigenspace is an
 * equally valid eigenbasis, so {@code (v_k . u_k)^2} for one chosen v_k is meaningless. Here
 * population rank k (0-based) belongs to the group of ranks whose eigenvalues equal its own
 * to within {@value #RELATIVE_TOLERANCE} relative, and
 *
 * <pre>
 *   Q_k = |P_G(k) u_k|^2 = sum_{j in G(k)} (v_j . u_k)^2,
 * </pre>
 * u_k the learnt eigenvector of rank k. For a group of one this is the usual
 * {@code (v_k . u_k)^2} of theory.md, section 3; for a larger group it is 1 exactly when u_k
 * lies in the population eigenspace, whichever direction in it.
 */
final class FactorGroups {

    /** Eigenvalues this close (relative) count as equal. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Largest group Q_k is measured against; larger ones are refused. */
    static final int MAX_GROUP = 64;

    private final int[] groupStart;
    private final int[] groupEnd;
    private final double[][] vectors;

    private FactorGroups(int[] groupStart, int[] groupEnd, double[][] vectors) {
        this.groupStart = groupStart;
        this.groupEnd = groupEnd;
        this.vectors = vectors;
    }

    /**
     * The groups of ranks 0..factorCount-1 of the source, with the population eigenvectors
     * they need.
     *
     * @throws IllegalArgumentException if a group has more than {@value #MAX_GROUP} members
     */
    static FactorGroups of(DataSource source, int factorCount) {
        if (factorCount == 0) {
            return new FactorGroups(new int[0], new int[0], new double[0][]);
        }
        double[] eigenvalues = source.eigenvalues();
        int[] start = new int[factorCount];
        int[] end = new int[factorCount];
        for (int k = 0; k < factorCount; k++) {
            int low = k;
            while (low > 0 && equal(eigenvalues[low - 1], eigenvalues[k])) {
                low--;
            }
            int high = k + 1;
            while (high < eigenvalues.length && equal(eigenvalues[high], eigenvalues[k])
                    && high - low <= MAX_GROUP) {
                high++;
            }
            if (high - low > MAX_GROUP) {
                throw new IllegalArgumentException("factor " + (k + 1) + " of "
                        + source.description() + " lies in a group of more than " + MAX_GROUP
                        + " equal eigenvalues, where latent recovery is not defined; ask for"
                        + " fewer factors");
            }
            start[k] = low;
            end[k] = high;
        }
        return new FactorGroups(start, end, source.eigenvectors(end[factorCount - 1]));
    }

    private static boolean equal(double a, double b) {
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** r. */
    int factorCount() {
        return groupStart.length;
    }

    /** Members of the group of factor k (0-based). */
    int groupSize(int factor) {
        return groupEnd[factor] - groupStart[factor];
    }

    /** The group sizes, factor by factor. */
    int[] groupSizes() {
        int[] sizes = new int[groupStart.length];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = groupSize(k);
        }
        return sizes;
    }

    /** Population eigenvectors held (the end of the last group). */
    int vectorCount() {
        return vectors.length;
    }

    /** Q_k of every factor for the fit's learnt eigenvectors. */
    double[] recovery(LinearModelFit fit) {
        double[] recovery = new double[groupStart.length];
        for (int k = 0; k < recovery.length; k++) {
            double[] learnt = fit.eigenvector(k);
            double sum = 0;
            for (int j = groupStart[k]; j < groupEnd[k]; j++) {
                double dot = 0;
                double[] population = vectors[j];
                for (int i = 0; i < learnt.length; i++) {
                    dot += population[i] * learnt[i];
                }
                sum += dot * dot;
            }
            recovery[k] = sum;
        }
        return recovery;
    }
}
