package org.memoscope.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues and top eigenvectors of the sample covariance of a data set.
 *
 * <p>For an n x d data matrix X (one sample per row, already centred by the caller, e.g. with
 * {@link ImageSet#centred()}), the sample covariance is {@code S = (1/n) X^T X}, the estimator
 * of the theory (divided by n, not n - 1). Its eigenvalues come from EJML's symmetric
 * eigendecomposition of the smaller of two matrices, formed by {@code PairwiseDots}:
 * <ul>
 *   <li>{@code n >= d}: S itself (d x d);</li>
 *   <li>{@code n < d}: the Gram matrix {@code G = (1/n) X X^T} (n x n), which has the same
 *       non-zero eigenvalues; an eigenvector w of G with eigenvalue mu gives the unit
 *       eigenvector {@code u = X^T w / sqrt(n mu)} of S. The other d - n eigenvalues are 0.</li>
 * </ul>
 * Cost O(n d min(n, d)) to form the matrix (about 5 s for all 60000 Fashion-MNIST images on
 * one core) plus O(min(n, d)^3) to decompose it (about 1 s at 1000 x 1000), so this is meant
 * for min(n, d) up to a few thousand. Eigenvalues
 * are sorted in descending order, and rounding residues below zero are set to 0.
 */
public final class SampleSpectrum {

    private SampleSpectrum() {
    }

    /** The d eigenvalues of the sample covariance of {@code samples}, in descending order. */
    public static double[] eigenvalues(ImageSet samples) {
        return principalComponents(samples, 0).eigenvalues();
    }

    /** The d eigenvalues of the sample covariance of the rows of {@code samples}, descending. */
    public static double[] eigenvalues(double[][] samples) {
        return principalComponents(samples, 0).eigenvalues();
    }

    /** The d eigenvalues and the top {@code count} eigenvectors of the sample covariance. */
    public static PrincipalComponents principalComponents(ImageSet samples, int count) {
        return decompose(samples.sharedPixels(), samples.count(), samples.dimension(), count);
    }

    /** As {@link #principalComponents(ImageSet, int)} for the rows of {@code samples}. */
    public static PrincipalComponents principalComponents(double[][] samples, int count) {
        DMatrixRMaj data = new DMatrixRMaj(samples);
        return decompose(data.getData(), data.numRows, data.numCols, count);
    }

    /** Decomposes (1/n) X^T X for the n x d row-major matrix X in {@code data}. */
    private static PrincipalComponents decompose(double[] data, int n, int d, int vectorCount) {
        int rank = Math.min(n, d);
        if (vectorCount < 0 || vectorCount > rank) {
            throw new IllegalArgumentException("can give 0 to " + rank
                    + " eigenvectors for " + n + " samples of dimension " + d + ", asked for "
                    + vectorCount);
        }

        boolean useGram = n < d;
        DMatrixRMaj moment = DMatrixRMaj.wrap(rank, rank,
                PairwiseDots.compute(data, n, d, !useGram));
        CommonOps_DDRM.scale(1.0 / n, moment);

        EigenDecomposition_F64<DMatrixRMaj> eig =
                DecompositionFactory_DDRM.eig(rank, vectorCount > 0, true);
        if (!eig.decompose(moment)) {
            throw new IllegalStateException("eigendecomposition of a " + rank + "x" + rank
                    + " covariance did not converge");
        }
        Integer[] order = IntStream.range(0, rank).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(
                (Integer k) -> eig.getEigenvalue(k).getReal()).reversed());

        double[] eigenvalues = new double[d];
        for (int k = 0; k < rank; k++) {
            eigenvalues[k] = Math.max(0, eig.getEigenvalue(order[k]).getReal());
        }

        double[][] vectors = new double[vectorCount][];
        for (int k = 0; k < vectorCount; k++) {
            DMatrixRMaj vector = eig.getEigenVector(order[k]);
            vectors[k] = useGram
                    ? liftFromGram(DMatrixRMaj.wrap(n, d, data), vector, eigenvalues[k])
                    : normalised(vector.getData());
        }
        return new PrincipalComponents(eigenvalues, vectors);
    }

    /** u = X^T w / |X^T w|, which equals X^T w / sqrt(n mu) for a unit w. */
    private static double[] liftFromGram(DMatrixRMaj data, DMatrixRMaj gramVector, double mu) {
        if (!(mu > 0)) {
            throw new IllegalArgumentException("the sample covariance has rank below the"
                    + " number of eigenvectors asked for");
        }
        DMatrixRMaj lifted = new DMatrixRMaj(data.numCols, 1);
        CommonOps_DDRM.multTransA(data, gramVector, lifted);
        return normalised(lifted.getData());
    }

    private static double[] normalised(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double[] unit = new double[vector.length];
        for (int j = 0; j < vector.length; j++) {
            unit[j] = vector[j] / norm;
        }
        return unit;
    }

    /**
     * The spectrum of a sample covariance and its leading eigenvectors.
     *
     * @param eigenvalues  all d eigenvalues, descending
     * @param eigenvectors the top eigenvectors as unit vectors of length d, in the same order
     *                     (the sign of each is arbitrary)
     */
    public record PrincipalComponents(double[] eigenvalues, double[][] eigenvectors) {

        /** Copies the arrays. */
        public PrincipalComponents {
            eigenvalues = eigenvalues.clone();
            eigenvectors = deepCopy(eigenvectors);
        }

        /** A copy of the eigenvalues. */
        @Override
        public double[] eigenvalues() {
            return eigenvalues.clone();
        }

        /** A copy of the eigenvectors, one per row. */
        @Override
        public double[][] eigenvectors() {
            return deepCopy(eigenvectors);
        }

        private static double[][] deepCopy(double[][] rows) {
            double[][] copy = new double[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                copy[k] = rows[k].clone();
            }
            return copy;
        }
    }
}
