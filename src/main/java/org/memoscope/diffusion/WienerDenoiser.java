package org.memoscope.diffusion;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The optimal linear denoiser of data with covariance S, the Wiener filter (theory.md,
 * section 2). For the rescaled input {@code u = x / sqrt(abar) = x_0 + sqrt(s) eps} with
 * {@code s = (1 - abar) / abar}, the linear estimate of x_0 with least mean squared error is
 * <pre>
 *   D_s(u) = S (S + s I)^-1 u = sum_i lambda_i / (lambda_i + s) v_i v_i^T u,
 * </pre>
 * so one eigendecomposition {@code S = sum_i lambda_i v_i v_i^T} serves every noise level.
 * Directions of zero variance are filtered out entirely.
 *
 * <p>S is the empirical covariance {@code (1/n) X^T X} of the n training vectors, taken as
 * given (already centred). When {@code n < d} it is decomposed through the n x n Gram
 * matrix {@code G = (1/n) X X^T}: a unit eigenvector w of G with eigenvalue mu gives the
 * eigenvector {@code X^T w / sqrt(n mu)} of S, so nothing of size d x d is decomposed.
 * Eigenvalues below {@code 1e-12} times the largest are treated as zero.
 *
 * <p>{@link #sample} gives what the probability-flow sampler computes in closed form.
 */
public final class WienerDenoiser implements Denoiser {

    private static final double RELATIVE_ZERO = 1e-12;

    private final int dimension;

    /** The nonzero eigenvalues lambda_i, descending. */
    private final double[] eigenvalues;

    /** r x d: row i is v_i. */
    private final DMatrixRMaj eigenvectors;

    private WienerDenoiser(int dimension, double[] eigenvalues, DMatrixRMaj eigenvectors) {
        this.dimension = dimension;
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
    }

    /** The Wiener denoiser of the empirical covariance of {@code training} (n x d rows). */
    public static WienerDenoiser fit(double[][] training) {
        int n = training.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one training vector");
        }
        int d = training[0].length;
        DMatrixRMaj data = new DMatrixRMaj(training);
        boolean gram = n < d;
        int size = gram ? n : d;
        DMatrixRMaj moment = new DMatrixRMaj(size, size);
        if (gram) {
            CommonOps_DDRM.multTransB(data, data, moment);
        } else {
            CommonOps_DDRM.multTransA(data, data, moment);
        }
        CommonOps_DDRM.scale(1.0 / n, moment);

        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true,
                true);
        if (!eig.decompose(moment)) {
            throw new IllegalStateException("eigendecomposition of a " + size + " x " + size
                    + " covariance did not converge");
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real,
                eig.getEigenvalue(a).real));
        double largest = Math.max(0, eig.getEigenvalue(order[0]).real);
        int rank = 0;
        while (rank < size && eig.getEigenvalue(order[rank]).real > RELATIVE_ZERO * largest
                && largest > 0) {
            rank++;
        }

        double[] values = new double[rank];
        DMatrixRMaj vectors = new DMatrixRMaj(rank, d);
        for (int k = 0; k < rank; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            DMatrixRMaj vector = eig.getEigenVector(order[k]);
            double[] row = gram ? lift(data, vector) : vector.data.clone();
            normalise(row);
            System.arraycopy(row, 0, vectors.data, k * d, d);
        }
        return new WienerDenoiser(d, values, vectors);
    }

    private static double[] lift(DMatrixRMaj data, DMatrixRMaj gramVector) {
        DMatrixRMaj lifted = new DMatrixRMaj(data.numCols, 1);
        CommonOps_DDRM.multTransA(data, gramVector, lifted);
        return lifted.data;
    }

    private static void normalise(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The nonzero eigenvalues of S, descending (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The unit eigenvector of S of rank k (0 is the largest), a copy. */
    public double[] eigenvector(int rank) {
        return Arrays.copyOfRange(eigenvectors.data, rank * dimension, (rank + 1) * dimension);
    }

    @Override
    public double[] denoise(double[] noisy, int count, double alphaBar) {
        double scale = 1 / Math.sqrt(alphaBar);
        double s = (1 - alphaBar) / alphaBar;
        return applySpectral(noisy, count, lambda -> scale * lambda / (lambda + s));
    }

    /**
     * What the probability-flow sampler started at level T from {@code x_T = z} gives in
     * closed form: {@code x_0 = S^(1/2) (abar_T S + (1 - abar_T) I)^(-1/2) z}, for each of
     * the {@code count} vectors z in {@code seeds}.
     *
     * <p>Derivation: the flow carries {@code N(0, C_t)}, {@code C_t = abar_t S + (1 - abar_t)
     * I}, into {@code N(0, C_{t'})} by the linear map {@code C_{t'}^(1/2) C_t^(-1/2)} (all
     * commute with S); at t' = 0, {@code C_0 = S}. With {@code s_T = (1 - abar_T) / abar_T}
     * this is {@code sqrt(1 + s_T) S^(1/2) (S + s_T I)^(-1/2) z}: theory.md's form for noise
     * of variance s_T added to the data, times the factor {@code sqrt(1 + s_T)} by which the
     * VP image is scaled down; both tend to {@code S^(1/2) z} as s_T grows.
     */
    public double[] sample(double[] seeds, int count, double alphaBarTop) {
        return applySpectral(seeds, count,
                lambda -> Math.sqrt(lambda / (alphaBarTop * lambda + 1 - alphaBarTop)));
    }

    /** {@code S^(1/2) z} for each of the {@code count} vectors z: the closed-form sample. */
    public double[] squareRootSample(double[] seeds, int count) {
        return applySpectral(seeds, count, Math::sqrt);
    }

    /** {@code sum_i f(lambda_i) v_i v_i^T y} for each of the {@code count} vectors y. */
    private double[] applySpectral(double[] vectors, int count,
                                   java.util.function.DoubleUnaryOperator gain) {
        if (vectors.length != count * dimension) {
            throw new IllegalArgumentException("expected " + count + " vectors of dimension "
                    + dimension + ", got " + vectors.length + " values");
        }
        int rank = eigenvalues.length;
        double[] out = new double[vectors.length];
        if (rank == 0) {
            return out;
        }
        DMatrixRMaj in = DMatrixRMaj.wrap(count, dimension, vectors);
        DMatrixRMaj coefficients = new DMatrixRMaj(count, rank);
        CommonOps_DDRM.multTransB(in, eigenvectors, coefficients);
        for (int k = 0; k < rank; k++) {
            double g = gain.applyAsDouble(eigenvalues[k]);
            for (int j = 0; j < count; j++) {
                coefficients.data[j * rank + k] *= g;
            }
        }
        DMatrixRMaj result = DMatrixRMaj.wrap(count, dimension, out);
        CommonOps_DDRM.mult(coefficients, eigenvectors, result);
        return out;
    }
}
