package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The linear model for n &gt;= d, through the d x d learnt covariance itself:
 * {@code S = X^T X / n = U diag(s) U^T} and
 * {@code (S + lambda I)^(1/2) = U diag(sqrt(s + lambda)) U^T} (theory.md,
 * section 2). Cost O(n d^2 + d^3). In the form of {@link LinearModelFit}, R = U^T
 * (unit rows) and {@code w_i = sqrt(s_i + lambda) - sqrt(lambda)}.
 *
 * <p>Eigenvalues below {@link GramFit#NEGLIGIBLE} of the largest count as 0, as
 * in {@link GramFit}: they are rounding noise around 0 when S is singular, and a
 * true eigenvalue that small moves a sample by under sqrt(1e-13) of its norm (for
 * n = d the smallest eigenvalue is typically 1/(4 d^2) of the largest).
 */
final class CovarianceFit extends LinearModelFit {

    private final SymmetricEigen covariance;
    private final double[] weights;
    private final double lowRankTrace;

    CovarianceFit(DMatrixRMaj trainingSet, double ridge, Runnable checkpoint) {
        super(trainingSet, ridge);
        int d = dimension();
        DMatrixRMaj learnt = DenseProducts.inner(trainingSet);
        CommonOps_DDRM.scale(1.0 / sampleCount(), learnt);
        checkpoint.run();

        covariance = SymmetricEigen.of(learnt);
        checkpoint.run();

        weights = new double[d];
        double cutoff = GramFit.NEGLIGIBLE * Math.max(covariance.value(0), 0);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            double eigenvalue = covariance.value(i);
            weights[i] = eigenvalue > cutoff ? rootShift(eigenvalue) : 0;
            trace += weights[i];
        }
        lowRankTrace = trace;
    }

    @Override
    DMatrixRMaj sample(DMatrixRMaj seeds) {
        int d = dimension();
        DMatrixRMaj coefficients = DenseProducts.mult(covariance.vectorRows(), seeds);
        for (int i = 0; i < d; i++) {
            CommonOps_DDRM.scaleRow(weights[i] + ridgeRoot, coefficients, i);
        }
        return DenseProducts.mult(covariance.vectors(), coefficients);
    }

    @Override
    double eigenvectorComponent(int rank, int axis) {
        return covariance.vectorRows().get(rank, axis);
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
        return dimension();
    }

    /** The terms {@code j = start..end-1} of {@code U1^T U2 = sum_j U1[j]^T U2[j]} (rows j). */
    @Override
    DMatrixRMaj partialOverlap(LinearModelFit other, int start, int end) {
        CovarianceFit second = (CovarianceFit) other;
        return DenseProducts.mult(columns(covariance.vectorRows(), start, end),
                rows(second.covariance.vectors(), start, end));
    }
}
