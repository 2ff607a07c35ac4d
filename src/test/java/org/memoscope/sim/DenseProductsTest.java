package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The blocked products against EJML's, on seeded random matrices whose sizes straddle the
 * kernel's row groups (4), its unrolled depth (4) and its blocks (128 deep, 512 wide).
 * Both sum each element in increasing order of the inner index, so they agree to the bit
 * (tolerance 0); symmetric products are exactly symmetric.
 */
class DenseProductsTest {

    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 2}, {4, 4, 4}, {7, 130, 9},
        {17, 3, 600}, {33, 257, 513}, {64, 1, 5}, {5, 700, 64}};

    @Test
    void productsEqualEjmlsToTheBit() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            DMatrixRMaj a = random(m, k, random);
            DMatrixRMaj b = random(k, n, random);
            DMatrixRMaj expected = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(a, b, expected);
            assertArrayEquals(expected.data, DenseProducts.mult(a, b).data, 0.0);

            DMatrixRMaj at = random(k, m, random);
            CommonOps_DDRM.multTransA(at, b, expected);
            assertArrayEquals(expected.data, DenseProducts.multTransA(at, b).data, 0.0);

            DMatrixRMaj bt = random(n, k, random);
            CommonOps_DDRM.multTransB(a, bt, expected);
            assertArrayEquals(expected.data, DenseProducts.multTransB(a, bt).data, 0.0);

            DMatrixRMaj outer = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(a, a, outer);
            assertArrayEquals(outer.data, DenseProducts.outer(a).data, 0.0);
            DMatrixRMaj inner = new DMatrixRMaj(k, k);
            CommonOps_DDRM.multTransA(a, a, inner);
            assertArrayEquals(inner.data, DenseProducts.inner(a).data, 0.0);
        }
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2)));
    }

    private static DMatrixRMaj random(int rows, int columns, SplittableRandom random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, columns);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = random.nextGaussian();
        }
        return matrix;
    }
}
