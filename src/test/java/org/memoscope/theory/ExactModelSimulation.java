package org.memoscope.theory;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.memoscope.model.Estimate;

/**
 * A small, seeded finite-size simulation of the exact linear model, written independently
 * of the formulas it checks: isotropic data {@code x_mu ~ N(0, I_d)}, {@code S = X^T X / n},
 * samples {@code x_hat = (S + lambda I)^(1/2) z}.
 *
 * <p>For n &lt;= d nothing of size d x d is formed: {@code X f(S) = f(G/n) X} with the Gram
 * matrix {@code G = X X^T}, so the overlaps are {@code X x_hat = (G/n + lambda)^(1/2) X z}
 * and {@code |x_hat|^2 = z^T (S + lambda) z = |X z|^2 / n + lambda |z|^2}. For n &gt; d the
 * d x d square root is formed from the eigendecomposition of S.
 *
 * <p>Means are per training set (over its seeds); the standard error is over training sets,
 * so it includes the variation between them.
 */
final class ExactModelSimulation {

    private final Random random;

    ExactModelSimulation(long seed) {
        this.random = new Random(seed);
    }

    /** m = mean over seeds of max_mu |cos(x_hat, x_mu)|, one estimate per ridge. */
    Estimate[] memorisation(int n, int d, double[] ridges, int trainingSets, int seeds) {
        double[][] perSet = new double[ridges.length][trainingSets];
        for (int set = 0; set < trainingSets; set++) {
            DMatrixRMaj data = gaussian(n, d);
            double[] norms = rowNorms(data);
            double[][] means = n <= d
                    ? memorisationByGram(data, norms, ridges, seeds)
                    : memorisationByCovariance(data, norms, ridges, seeds);
            for (int r = 0; r < ridges.length; r++) {
                perSet[r][set] = means[r][0];
            }
        }
        Estimate[] estimates = new Estimate[ridges.length];
        for (int r = 0; r < ridges.length; r++) {
            estimates[r] = Estimate.of(perSet[r]);
        }
        return estimates;
    }

    /**
     * q = mean over seeds of cos(S1^(1/2) z, S2^(1/2) z) for two independent training sets of
     * n points each; the estimate is over pairs of training sets.
     */
    Estimate convergence(int n, int d, int pairs, int seeds) {
        double[] perPair = new double[pairs];
        for (int pair = 0; pair < pairs; pair++) {
            DMatrixRMaj first = squareRootOfCovariance(gaussian(n, d));
            DMatrixRMaj second = squareRootOfCovariance(gaussian(n, d));
            double sum = 0;
            for (int s = 0; s < seeds; s++) {
                DMatrixRMaj z = gaussian(d, 1);
                DMatrixRMaj a = new DMatrixRMaj(d, 1);
                DMatrixRMaj b = new DMatrixRMaj(d, 1);
                CommonOps_DDRM.mult(first, z, a);
                CommonOps_DDRM.mult(second, z, b);
                sum += CommonOps_DDRM.dot(a, b) / Math.sqrt(CommonOps_DDRM.dot(a, a)
                        * CommonOps_DDRM.dot(b, b));
            }
            perPair[pair] = sum / seeds;
        }
        return Estimate.of(perPair);
    }

    private double[][] memorisationByGram(DMatrixRMaj data, double[] norms, double[] ridges,
                                          int seeds) {
        int n = data.numRows;
        int d = data.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(data, data, gram);
        CommonOps_DDRM.scale(1.0 / n, gram);
        DMatrixRMaj[] roots = new DMatrixRMaj[ridges.length];
        for (int r = 0; r < ridges.length; r++) {
            roots[r] = symmetricFunction(gram, ridges[r]);
        }
        double[][] means = new double[ridges.length][1];
        DMatrixRMaj overlaps = new DMatrixRMaj(n, 1);
        DMatrixRMaj projected = new DMatrixRMaj(n, 1);
        for (int s = 0; s < seeds; s++) {
            DMatrixRMaj z = gaussian(d, 1);
            CommonOps_DDRM.mult(data, z, projected);
            double projectedSquared = CommonOps_DDRM.dot(projected, projected);
            double seedSquared = CommonOps_DDRM.dot(z, z);
            for (int r = 0; r < ridges.length; r++) {
                CommonOps_DDRM.mult(roots[r], projected, overlaps);
                double sampleNorm = Math.sqrt(projectedSquared / n + ridges[r] * seedSquared);
                means[r][0] += largestCosine(overlaps, norms, sampleNorm) / seeds;
            }
        }
        return means;
    }

    private double[][] memorisationByCovariance(DMatrixRMaj data, double[] norms,
                                                double[] ridges, int seeds) {
        int n = data.numRows;
        int d = data.numCols;
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(data, data, covariance);
        CommonOps_DDRM.scale(1.0 / n, covariance);
        DMatrixRMaj[] roots = new DMatrixRMaj[ridges.length];
        for (int r = 0; r < ridges.length; r++) {
            roots[r] = symmetricFunction(covariance, ridges[r]);
        }
        double[][] means = new double[ridges.length][1];
        DMatrixRMaj sample = new DMatrixRMaj(d, 1);
        DMatrixRMaj overlaps = new DMatrixRMaj(n, 1);
        for (int s = 0; s < seeds; s++) {
            DMatrixRMaj z = gaussian(d, 1);
            for (int r = 0; r < ridges.length; r++) {
                CommonOps_DDRM.mult(roots[r], z, sample);
                CommonOps_DDRM.mult(data, sample, overlaps);
                double sampleNorm = Math.sqrt(CommonOps_DDRM.dot(sample, sample));
                means[r][0] += largestCosine(overlaps, norms, sampleNorm) / seeds;
            }
        }
        return means;
    }

    private DMatrixRMaj squareRootOfCovariance(DMatrixRMaj data) {
        int n = data.numRows;
        int d = data.numCols;
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(data, data, covariance);
        CommonOps_DDRM.scale(1.0 / n, covariance);
        return symmetricFunction(covariance, 0);
    }

    /** (A + ridge I)^(1/2) for symmetric positive semi-definite A (negative roundoff clipped). */
    private static DMatrixRMaj symmetricFunction(DMatrixRMaj matrix, double ridge) {
        int size = matrix.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen =
                DecompositionFactory_DDRM.eig(size, true, true);
        if (!eigen.decompose(matrix.copy())) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        DMatrixRMaj vectors = new DMatrixRMaj(size, size);
        DMatrixRMaj scaled = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            double value = Math.max(0, eigen.getEigenvalue(i).getReal());
            double root = Math.sqrt(value + ridge);
            DMatrixRMaj vector = eigen.getEigenVector(i);
            for (int row = 0; row < size; row++) {
                vectors.set(row, i, vector.get(row));
                scaled.set(row, i, root * vector.get(row));
            }
        }
        DMatrixRMaj result = new DMatrixRMaj(size, size);
        CommonOps_DDRM.multTransB(scaled, vectors, result);
        return result;
    }

    private static double largestCosine(DMatrixRMaj overlaps, double[] norms, double sampleNorm) {
        double largest = 0;
        for (int mu = 0; mu < norms.length; mu++) {
            largest = Math.max(largest, Math.abs(overlaps.get(mu)) / norms[mu]);
        }
        return largest / sampleNorm;
    }

    private static double[] rowNorms(DMatrixRMaj data) {
        double[] norms = new double[data.numRows];
        for (int row = 0; row < data.numRows; row++) {
            double sum = 0;
            for (int col = 0; col < data.numCols; col++) {
                double v = data.get(row, col);
                sum += v * v;
            }
            norms[row] = Math.sqrt(sum);
        }
        return norms;
    }

    private DMatrixRMaj gaussian(int rows, int cols) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = random.nextGaussian();
        }
        return matrix;
    }
}
