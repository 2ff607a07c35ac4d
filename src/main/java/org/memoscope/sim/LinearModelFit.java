package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A trained linear generative model: the learnt covariance
 * {@code S = X^T X / n} of an n x d training set X (one sample per row) with
 * ridge lambda, sampled as {@code x(z) = (S + lambda I)^(1/2) z} (theory.md,
 * section 2).
 *
 * <p>Both routes write the sampling operator as
 * {@code A = (S + lambda I)^(1/2) = R^T diag(w) R + sqrt(lambda) I}, R with
 * orthogonal rows, which gives the overlap of two models through a small matrix:
 *
 * <pre>
 *   Tr(A1 A2) = sum_ij w1_i w2_j (R1 R2^T)_ij^2
 *             + sqrt(lambda) (Tr(R1^T W1 R1) + Tr(R2^T W2 R2)) + lambda d.
 * </pre>
 *
 * <ul>
 *   <li>{@link GramFit}, for n &lt; d: R = V^T X from the Gram matrix
 *       {@code X X^T = V D^2 V^T}; nothing of size d x d is formed, cost O(n^2 d).</li>
 *   <li>{@link CovarianceFit}, for n &gt;= d: R = U^T from {@code S = U diag(s) U^T};
 *       cost O(n d^2 + d^3).</li>
 * </ul>
 */
abstract sealed class LinearModelFit permits GramFit, CovarianceFit {

    /** Below this many terms the overlap is not worth splitting across threads. */
    private static final int MIN_SPLIT_ROWS = 32;

    /** X, n x d, one training sample per row; shared, never modified. */
    final DMatrixRMaj trainingSet;
    /** lambda. */
    final double ridge;
    /** sqrt(lambda). */
    final double ridgeRoot;

    LinearModelFit(DMatrixRMaj trainingSet, double ridge) {
        this.trainingSet = trainingSet;
        this.ridge = ridge;
        this.ridgeRoot = Math.sqrt(ridge);
    }

    /**
     * Fits X with the cheaper route: the Gram route when n &lt; d, else the d x d one.
     *
     * @param checkpoint called between the expensive steps; throws to stop
     */
    static LinearModelFit fit(DMatrixRMaj trainingSet, double ridge, Runnable checkpoint) {
        if (trainingSet.numRows < trainingSet.numCols) {
            return new GramFit(trainingSet, ridge, checkpoint);
        }
        return new CovarianceFit(trainingSet, ridge, checkpoint);
    }

    /** n. */
    final int sampleCount() {
        return trainingSet.numRows;
    }

    /** d. */
    final int dimension() {
        return trainingSet.numCols;
    }

    /** Samples {@code (S + lambda I)^(1/2) Z} for the d x s seed matrix Z, d x s. */
    abstract DMatrixRMaj sample(DMatrixRMaj seeds);

    /**
     * Component {@code axis} of the unit eigenvector u of S with the {@code rank}-th
     * largest eigenvalue (0-based), up to sign; 0 when S has fewer nonzero
     * eigenvalues than {@code rank + 1} (u is then arbitrary in the null space).
     */
    abstract double eigenvectorComponent(int rank, int axis);

    /** The unit eigenvector of {@link #eigenvectorComponent} for {@code rank}, as a new array. */
    final double[] eigenvector(int rank) {
        double[] vector = new double[dimension()];
        for (int axis = 0; axis < vector.length; axis++) {
            vector[axis] = eigenvectorComponent(rank, axis);
        }
        return vector;
    }

    /** Weights w_i of {@code A = R^T diag(w) R + sqrt(lambda) I}. */
    abstract double weight(int i);

    /** Number of rows of R (and of weights). */
    abstract int weightCount();

    /** {@code Tr(R^T diag(w) R)}. */
    abstract double lowRankTrace();

    /** Rows over which {@link #partialOverlap} can be split (n or d). */
    abstract int overlapRows();

    /**
     * The part of {@code R1 R2^T} (this model first) contributed by the terms
     * {@code start..end-1} of the inner dimension of its product; the parts over a
     * partition of {@code 0..overlapRows()-1} sum to {@code R1 R2^T}.
     */
    abstract DMatrixRMaj partialOverlap(LinearModelFit other, int start, int end);

    /** {@code Tr(S + lambda I) = |X|_F^2 / n + lambda d}. */
    final double trace() {
        double sumSquares = 0;
        for (double value : trainingSet.data) {
            sumSquares += value * value;
        }
        return sumSquares / sampleCount() + ridge * dimension();
    }

    /**
     * {@code Tr(A1 A2)} from the overlap {@code R1 R2^T} (the sum of the parts of
     * {@link #partialOverlap}); see the class comment.
     */
    static double crossTrace(LinearModelFit first, LinearModelFit second, DMatrixRMaj overlap) {
        double lowRank = 0;
        int columns = overlap.numCols;
        for (int i = 0; i < overlap.numRows; i++) {
            double firstWeight = first.weight(i);
            if (firstWeight == 0) {
                continue;
            }
            double row = 0;
            int rowStart = i * columns;
            for (int j = 0; j < columns; j++) {
                double entry = overlap.data[rowStart + j];
                row += second.weight(j) * entry * entry;
            }
            lowRank += firstWeight * row;
        }
        return lowRank + first.ridgeRoot * (first.lowRankTrace() + second.lowRankTrace())
                + first.ridge * first.dimension();
    }

    /**
     * The trace form of the convergence of two models,
     * {@code Tr(A1 A2) / sqrt(Tr(A1^2) Tr(A2^2))} with {@code Tr(A_a^2) = Tr(S_a) + lambda d}.
     * The overlap {@code R1 R2^T} is split in two halves computed on two threads and
     * summed in a fixed order.
     */
    static double convergenceTrace(LinearModelFit first, LinearModelFit second) {
        double crossTrace = crossTrace(first, second, overlap(first, second));
        return crossTrace / Math.sqrt(first.trace() * second.trace());
    }

    /** {@code R1 R2^T}, its two halves computed at once. */
    private static DMatrixRMaj overlap(LinearModelFit first, LinearModelFit second) {
        int rows = first.overlapRows();
        if (rows < MIN_SPLIT_ROWS) {
            return first.partialOverlap(second, 0, rows);
        }
        int half = rows / 2;
        PairedExecution.Both<DMatrixRMaj> parts = PairedExecution.both(
                () -> first.partialOverlap(second, 0, half),
                () -> first.partialOverlap(second, half, rows));
        DMatrixRMaj sum = parts.first();
        CommonOps_DDRM.addEquals(sum, parts.second());
        return sum;
    }

    /** {@code sqrt(s + lambda) - sqrt(lambda)} without cancellation, for s &gt;= 0. */
    final double rootShift(double eigenvalue) {
        if (!(eigenvalue > 0)) {
            return 0;
        }
        return eigenvalue / (Math.sqrt(eigenvalue + ridge) + ridgeRoot);
    }

    /** Rows {@code start..end-1} of {@code matrix}, copied. */
    static DMatrixRMaj rows(DMatrixRMaj matrix, int start, int end) {
        return CommonOps_DDRM.extract(matrix, start, end, 0, matrix.numCols);
    }

    /** Columns {@code start..end-1} of {@code matrix}, copied. */
    static DMatrixRMaj columns(DMatrixRMaj matrix, int start, int end) {
        return CommonOps_DDRM.extract(matrix, 0, matrix.numRows, start, end);
    }
}
