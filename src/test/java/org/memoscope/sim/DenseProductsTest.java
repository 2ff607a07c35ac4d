package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The blocked products against EJML's, on seeded random matrices whose sizes straddle the
 * kernels' row groups (4), vector tiles (8 and 24 columns) and blocks (64 rows, 128 and 256
 * deep, 512 wide). Both sum each element in increasing order of the inner index, EJML
 * rounding each product and each sum, ours fusing them: tolerance 1e-14 times the sum of
 * |a_ip b_pj| (k roundings of relative size 2^-53 at most). The plain-Java and the
 * selected (Vector API) kernels compute the same fused chains: equal to the bit (tolerance
 * 0); symmetric products are exactly symmetric.
 */
class DenseProductsTest {

    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 2}, {4, 4, 4}, {7, 130, 9},
        {17, 3, 600}, {33, 257, 513}, {64, 1, 5}, {5, 700, 64}, {70, 300, 50}, {131, 520, 97}};

    @Test
    void productsMatchEjmls() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            DMatrixRMaj a = random(m, k, random);
            DMatrixRMaj b = random(k, n, random);
            DMatrixRMaj expected = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(a, b, expected);
            assertClose(expected, DenseProducts.mult(a, b), bound(a, b));

            DMatrixRMaj at = random(k, m, random);
            CommonOps_DDRM.multTransA(at, b, expected);
            assertClose(expected, DenseProducts.multTransA(at, b),
                    bound(CommonOps_DDRM.transpose(at, null), b));

            DMatrixRMaj bt = random(n, k, random);
            CommonOps_DDRM.multTransB(a, bt, expected);
            assertClose(expected, DenseProducts.multTransB(a, bt),
                    bound(a, CommonOps_DDRM.transpose(bt, null)));

            DMatrixRMaj transposed = CommonOps_DDRM.transpose(a, null);
            DMatrixRMaj outer = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(a, a, outer);
            assertClose(outer, DenseProducts.outer(a), bound(a, transposed));
            assertSymmetric(DenseProducts.outer(a));
            DMatrixRMaj inner = new DMatrixRMaj(k, k);
            CommonOps_DDRM.multTransA(a, a, inner);
            assertClose(inner, DenseProducts.inner(a), bound(transposed, a));
            assertSymmetric(DenseProducts.inner(a));
        }
    }

    @Test
    void bothKernelsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(4L);
        for (int[] shape : SHAPES) {
            DMatrixRMaj a = random(shape[0], shape[1], random);
            DMatrixRMaj b = random(shape[1], shape[2], random);
            DMatrixRMaj scalar = DenseProducts.mult(a, b, DenseProducts.SCALAR);
            assertArrayEquals(scalar.data, DenseProducts.mult(a, b).data, 0.0);
        }
    }

    /**
     * The symmetric product from the upper triangle, in blocks of 1 to 5 rows (the vector
     * kernel treats 4 at once), against the plain product with the full matrix (tolerance
     * 1e-15 per term times the size of the terms) and between kernels (to the bit), for
     * sizes around the vector length; the storage has a wider stride and an offset, and
     * garbage below the diagonal, which must not be read.
     */
    @Test
    void symmetricProductsOfBothKernelsAgreeToTheBitAndWithTheirDefinition() {
        SplittableRandom random = new SplittableRandom(5L);
        for (int size : new int[] {1, 2, 4, 5, 7, 8, 9, 12, 13, 31, 64, 130}) {
            int stride = size + 3;
            int base = 2 * stride + 1;
            double[] a = new double[base + size * stride];
            double[][] full = new double[size][size];
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    a[base + r * stride + c] = c >= r ? random.nextGaussian() : Double.NaN;
                }
                for (int c = r; c < size; c++) {
                    full[r][c] = a[base + r * stride + c];
                    full[c][r] = full[r][c];
                }
            }
            double[] v = random(1, size, random).data;
            for (int block = 1; block <= 5; block++) {
                double[] scalarP = new double[size];
                double[] selectedP = new double[size];
                for (int first = 0; first < size; first += block) {
                    int count = Math.min(block, size - first);
                    DenseProducts.SCALAR.symmetricRows(a, base, stride, size, first, count, v,
                            scalarP);
                    DenseProducts.SELECTED.symmetricRows(a, base, stride, size, first, count, v,
                            selectedP);
                }
                assertArrayEquals(scalarP, selectedP, 0.0, "size " + size + ", block " + block);
                for (int r = 0; r < size; r++) {
                    double expected = 0;
                    double terms = 0;
                    for (int c = 0; c < size; c++) {
                        expected += full[r][c] * v[c];
                        terms += Math.abs(full[r][c] * v[c]);
                    }
                    assertEquals(expected, scalarP[r], 1e-15 * size * terms);
                }
            }
        }
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2)));
    }

    /** 1e-14 sum_p |a_ip b_pj| per element. */
    private static DMatrixRMaj bound(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj absA = a.copy();
        DMatrixRMaj absB = b.copy();
        CommonOps_DDRM.abs(absA);
        CommonOps_DDRM.abs(absB);
        DMatrixRMaj bound = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(1e-14, absA, absB, bound);
        return bound;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
                                    DMatrixRMaj bound) {
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.data[i], bound.data[i], "element " + i);
        }
    }

    private static void assertSymmetric(DMatrixRMaj c) {
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(c.get(j, i), c.get(i, j), 0.0);
            }
        }
    }

    private static DMatrixRMaj random(int rows, int columns, SplittableRandom random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, columns);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = random.nextGaussian();
        }
        return matrix;
    }
}
