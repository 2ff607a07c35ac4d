package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The linear model for n &lt; d, through the n x n Gram matrix: with
 * {@code G = X X^T = V D^2 V^T}, the left singular vectors of {@code X^T} are
 * {@code U = X^T V D^(-1)}, the nonzero eigenvalues of S are {@code D^2 / n}, and
 *
 * <pre>
 *   (S + lambda I)^(1/2) z = U (sqrt(D^2/n + lambda) - sqrt(lambda)) U^T z + sqrt(lambda) z
 *                          = X^T V diag(h) V^T X z + sqrt(lambda) z,
 *   h_i = (sqrt(D_i^2/n + lambda) - sqrt(lambda)) / D_i^2
 *       = 1 / (n (sqrt(D_i^2/n + lambda) + sqrt(lambda))),
 * </pre>
 *
 * so U is never formed and the cost is O(n^2 d + n^3) (theory.md, section 2;
 * the thin SVD through the Gram matrix: Golub and Van Loan, "Matrix
 * Computations", 4th ed., section 8.6). In the form of {@link LinearModelFit},
 * R = V^T X with squared row norms D_i^2, and w = h.
 *
 * <p>Directions with {@code D_i^2} below {@value #NEGLIGIBLE} of the largest are
 * dropped (weight 0): when G is singular they are rounding noise, and
 * {@code u_i = X^T v_i / D_i} would amplify it; a true direction that weak moves a
 * sample by under sqrt(1e-13) of its norm.
 */
final class GramFit extends LinearModelFit {

    /** Relative size below which a Gram eigenvalue counts as zero. */
    static final double NEGLIGIBLE = 1e-13;

    /** X^T, kept for the products with it (sampling, the other fit's overlap). */
    private final DMatrixRMaj trainingTransposed;
    private final SymmetricEigen gram;
    private final double[] weights;
    private final double lowRankTrace;

    GramFit(DMatrixRMaj trainingSet, double ridge, Runnable checkpoint) {
        super(trainingSet, ridge);
        int n = sampleCount();
        trainingTransposed = CommonOps_DDRM.transpose(trainingSet, null);
        DMatrixRMaj gramMatrix = DenseProducts.outer(trainingSet, trainingTransposed);
        checkpoint.run();

        gram = SymmetricEigen.of(gramMatrix);
        checkpoint.run();

        weights = new double[n];
        double cutoff = NEGLIGIBLE * Math.max(gram.value(0), 0);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            double squaredSingular = gram.value(i);
            if (squaredSingular > cutoff && squaredSingular > 0) {
                weights[i] = 1 / (n * (Math.sqrt(squaredSingular / n + ridge) + ridgeRoot));
                trace += weights[i] * squaredSingular;
            }
        }
        lowRankTrace = trace;
    }

    @Override
    DMatrixRMaj sample(DMatrixRMaj seeds) {
        int n = sampleCount();
        DMatrixRMaj projected = DenseProducts.mult(trainingSet, seeds);
        DMatrixRMaj coefficients = DenseProducts.mult(gram.vectorRows(), projected);
        for (int i = 0; i < n; i++) {
            CommonOps_DDRM.scaleRow(weights[i], coefficients, i);
        }
        projected = DenseProducts.mult(gram.vectors(), coefficients);
        DMatrixRMaj samples = DenseProducts.mult(trainingTransposed, projected);
        if (ridge > 0) {
            CommonOps_DDRM.addEquals(samples, ridgeRoot, seeds);
        }
        return samples;
    }

    @Override
    double eigenvectorComponent(int rank, int axis) {
        if (rank >= sampleCount() || weights[rank] == 0) {
            return 0;
        }
        int n = sampleCount();
        int d = dimension();
        DMatrixRMaj vectorRows = gram.vectorRows();
        double component = 0;
        for (int mu = 0; mu < n; mu++) {
            component += trainingSet.data[mu * d + axis] * vectorRows.data[rank * n + mu];
        }
        return component / Math.sqrt(gram.value(rank));
    }

    @Override
    double weight(int i) {
        return weights[i];
    }

    @Override
    int weightCount() {
        return weights.length;
    }

    @Override
    double lowRankTrace() {
        return lowRankTrace;
    }

    @Override
    int overlapRows() {
        return sampleCount();
    }

    /**
     * The terms {@code mu = start..end-1} of
     * {@code V1^T X1 X2^T V2 = sum_mu V1[mu]^T (X1[mu] X2^T V2)} (rows mu of V1 and X1):
     * O((end - start) (n d + n^2)).
     */
    @Override
    DMatrixRMaj partialOverlap(LinearModelFit other, int start, int end) {
        GramFit second = (GramFit) other;
        DMatrixRMaj crossGram = DenseProducts.mult(rows(trainingSet, start, end),
                second.trainingTransposed);
        DMatrixRMaj rotated = DenseProducts.mult(crossGram, second.gram.vectors());
        return DenseProducts.mult(columns(gram.vectorRows(), start, end), rotated);
    }
}
