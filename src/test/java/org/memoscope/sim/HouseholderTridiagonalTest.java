package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The blocked Householder reduction {@code A = Q T Q^T} on seeded random, rank-deficient,
 * clustered and spiked symmetric matrices of sizes 1 to 300 (across the panel width 32 and
 * the block of 48 reflectors). Q is formed by applying it to the rows of the identity.
 * Tolerances, with ||A|| the largest |a_ij| and k the size: Q orthogonal within
 * 1e-13 k^(1/2); {@code Q T Q^T} equal to A within 1e-14 k ||A||; the eigenvalues of T equal
 * EJML's of A within 1e-13 k^(1/2) ||A|| (backward stability of orthogonal reductions, Golub
 * and Van Loan, section 5.1.11). Applying Q to the rows of a matrix equals multiplying by the
 * formed Q within 1e-14 k times the size of the entries.
 */
class HouseholderTridiagonalTest {

    private static final int[] SIZES = {1, 2, 3, 4, 5, 17, 33, 34, 50, 64, 97, 150, 300};

    @Test
    void reducesRandomMatrices() {
        SplittableRandom random = new SplittableRandom(21L);
        for (int k : SIZES) {
            check(gaussianSymmetric(k, random));
        }
    }

    @Test
    void reducesSingularClusteredAndSpikedMatrices() {
        SplittableRandom random = new SplittableRandom(22L);
        for (int k : new int[] {5, 40, 120, 300}) {
            check(covariance(Math.max(1, k / 3), k, random));
            check(covariance(k, k, random));
            DMatrixRMaj spiked = covariance(2 * k, k, random);
            spiked.add(0, 0, 25.0);
            check(spiked);
            DMatrixRMaj identity = CommonOps_DDRM.identity(k);
            CommonOps_DDRM.scale(2.5, identity);
            check(identity);
            check(new DMatrixRMaj(k, k));
            DMatrixRMaj diagonal = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                diagonal.set(i, i, 1 + (i % 3) * 1e-9);
            }
            check(diagonal);
        }
    }

    @Test
    void applyingQToRowsEqualsMultiplyingByIt() {
        SplittableRandom random = new SplittableRandom(23L);
        for (int k : new int[] {3, 60, 130}) {
            DMatrixRMaj matrix = gaussianSymmetric(k, random);
            HouseholderTridiagonal reduction = HouseholderTridiagonal.of(matrix);
            DMatrixRMaj q = formQ(reduction);
            for (int rowCount : new int[] {1, 7, 64}) {
                DMatrixRMaj w = new DMatrixRMaj(rowCount, k);
                for (int i = 0; i < w.data.length; i++) {
                    w.data[i] = random.nextGaussian();
                }
                DMatrixRMaj expected = new DMatrixRMaj(rowCount, k);
                CommonOps_DDRM.multTransB(w, q, expected);
                reduction.applyQToRows(w);
                assertArrayEquals(expected.data, w.data, 1e-14 * k * 10);
            }
        }
    }

    @Test
    void inputIsLeftUnchangedAndRepeatsGiveTheSameBits() {
        DMatrixRMaj matrix = covariance(80, 100, new SplittableRandom(24L));
        DMatrixRMaj copy = matrix.copy();
        HouseholderTridiagonal first = HouseholderTridiagonal.of(matrix);
        HouseholderTridiagonal second = HouseholderTridiagonal.of(matrix);
        assertArrayEquals(copy.data, matrix.data, 0.0);
        assertArrayEquals(first.diagonal(), second.diagonal(), 0.0);
        assertArrayEquals(first.offDiagonal(), second.offDiagonal(), 0.0);
    }

    private static void check(DMatrixRMaj matrix) {
        int k = matrix.numRows;
        double norm = Math.max(CommonOps_DDRM.elementMaxAbs(matrix), Double.MIN_NORMAL);
        HouseholderTridiagonal reduction = HouseholderTridiagonal.of(matrix);
        double[] diagonal = reduction.diagonal();
        double[] offDiagonal = reduction.offDiagonal();
        DMatrixRMaj q = formQ(reduction);

        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(q, q, gram);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-13 * Math.sqrt(k) + 1e-15,
                        "Q^T Q = I at size " + k);
            }
        }

        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.set(i, i, diagonal[i]);
            if (i + 1 < k) {
                t.set(i, i + 1, offDiagonal[i]);
                t.set(i + 1, i, offDiagonal[i]);
            }
        }
        DMatrixRMaj qt = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(q, t, qt);
        DMatrixRMaj rebuilt = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(qt, q, rebuilt);
        assertArrayEquals(matrix.data, rebuilt.data, 1e-14 * k * norm + 1e-300,
                "Q T Q^T = A at size " + k);

        double[] expected = ejmlValues(matrix);
        double[] actual = ejmlValues(t);
        for (int i = 0; i < k; i++) {
            assertEquals(expected[i], actual[i], 1e-13 * Math.sqrt(k) * norm + 1e-300,
                    "eigenvalue " + i + " at size " + k);
        }
    }

    /** Q, formed as the transpose of {@code I Q^T}. */
    private static DMatrixRMaj formQ(HouseholderTridiagonal reduction) {
        DMatrixRMaj transposed = CommonOps_DDRM.identity(reduction.size());
        reduction.applyQToRows(transposed);
        return CommonOps_DDRM.transpose(transposed, null);
    }

    private static double[] ejmlValues(DMatrixRMaj matrix) {
        int k = matrix.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eigen.decompose(matrix.copy())) {
            throw new AssertionError("EJML did not converge");
        }
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = eigen.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    static DMatrixRMaj gaussianSymmetric(int k, SplittableRandom random) {
        DMatrixRMaj matrix = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double value = random.nextGaussian();
                matrix.set(i, j, value);
                matrix.set(j, i, value);
            }
        }
        return matrix;
    }

    static DMatrixRMaj covariance(int n, int d, SplittableRandom random) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextGaussian();
        }
        DMatrixRMaj s = DenseProducts.inner(x);
        CommonOps_DDRM.scale(1.0 / n, s);
        return s;
    }
}
