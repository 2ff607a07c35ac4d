package org.memoscope.sim;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition {@code A = V diag(e) V^T} of a real symmetric matrix, with
 * the eigenvalues in decreasing order and V orthogonal (column i is the
 * eigenvector of {@code e_i}).
 *
 * <p>Computed by EJML's dense symmetric decomposition (Householder
 * tridiagonalisation followed by the implicit symmetric QR algorithm; Golub and
 * Van Loan, "Matrix Computations", 4th ed., section 8.3). Cost O(k^3) for a
 * k x k matrix, single-threaded. From {@value #INVERSE_ITERATION_FROM} rows on,
 * {@link TridiagonalEigen} is used instead (a blocked tridiagonalisation and inverse
 * iteration, several times faster), and EJML's QR with vectors is the fallback when its
 * check fails.
 */
final class SymmetricEigen {

    /** From this size on, {@link TridiagonalEigen} is tried first (it is faster there). */
    static final int INVERSE_ITERATION_FROM = 64;

    private final double[] values;
    private final DMatrixRMaj vectorRows;
    private DMatrixRMaj vectors;

    private SymmetricEigen(double[] values, DMatrixRMaj vectorRows) {
        this.values = values;
        this.vectorRows = vectorRows;
    }

    /**
     * Decomposes {@code symmetric}, which may be overwritten.
     *
     * @throws IllegalStateException if the QR iteration does not converge
     */
    static SymmetricEigen of(DMatrixRMaj symmetric) {
        int size = symmetric.numRows;
        if (size >= INVERSE_ITERATION_FROM) {
            TridiagonalEigen fast = TridiagonalEigen.decompose(symmetric);
            if (fast != null) {
                return new SymmetricEigen(fast.values(), fast.vectorRows());
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> decomposition =
                DecompositionFactory_DDRM.eig(size, true, true);
        if (!decomposition.decompose(symmetric)) {
            throw new IllegalStateException("symmetric eigendecomposition of a " + size + " x "
                    + size + " matrix did not converge");
        }
        double[] unsorted = new double[size];
        for (int i = 0; i < size; i++) {
            unsorted[i] = decomposition.getEigenvalue(i).real;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> unsorted[i]).reversed());

        double[] values = new double[size];
        DMatrixRMaj rows = new DMatrixRMaj(size, size);
        for (int rank = 0; rank < size; rank++) {
            int source = order[rank];
            values[rank] = unsorted[source];
            System.arraycopy(decomposition.getEigenVector(source).data, 0, rows.data,
                    rank * size, size);
        }
        return new SymmetricEigen(values, rows);
    }

    /** Eigenvalue of rank i (0 is the largest). */
    double value(int rank) {
        return values[rank];
    }

    /** Number of eigenvalues. */
    int size() {
        return values.length;
    }

    /**
     * V, column i the unit eigenvector of rank i; shared, not to be modified. Formed from
     * {@link #vectorRows} on the first call.
     */
    synchronized DMatrixRMaj vectors() {
        if (vectors == null) {
            vectors = CommonOps_DDRM.transpose(vectorRows, null);
        }
        return vectors;
    }

    /** V^T, row i the unit eigenvector of rank i; shared, not to be modified. */
    DMatrixRMaj vectorRows() {
        return vectorRows;
    }
}
