package org.memoscope.sim;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Dense matrix products of the simulation, {@code C = A B} and its transposed and
 * symmetric forms, several times faster than EJML's general products on these shapes.
 *
 * <p>Every element is the chain {@code c_ij = fma(a_ip, b_pj, c_ij)} over p in increasing
 * order (one rounding per step, {@link Math#fma}), whatever the blocking or the kernel, so
 * results are reproducible to the bit. Two
 * kernels compute exactly this: {@link VectorProducts} on the Vector API (register
 * blocking, used when the JVM has the module jdk.incubator.vector) and a plain-Java one
 * here, which accumulates four rows of C at once, one row of B at a time, over blocks of B
 * of {@value #DEPTH_BLOCK} rows by {@value #WIDTH_BLOCK} columns that stay in cache.
 * Transposed operands are transposed first (O(size) work). The symmetric products compute
 * the upper triangle and mirror it, so {@code c_ij} and {@code c_ji} are equal.
 *
 * <p>Nothing runs in parallel here: the simulation already fits its two models on two
 * threads and splits their overlap in two ({@link LinearModelFit}); splitting the rows of C
 * would not change any element.
 */
final class DenseProducts {

    /** The loops of {@code C += A B} on rows {@code rowStart..rowEnd-1} of C. */
    interface Kernel {

        /** A short description for reports. */
        String name();

        /**
         * {@code C += A B} for row-major blocks of arrays, as in BLAS's dgemm: element
         * (i, p) of A is {@code a[aOffset + i lda + p]}, likewise B (depth x columns) and C;
         * rows {@code rowStart..rowEnd-1} of C (and of A) are computed, and with
         * {@code upperOnly} at least the elements with column &gt;= row.
         */
        void accumulate(double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                        double[] c, int cOffset, int ldc, int rowStart, int rowEnd,
                        int columns, int depth, boolean upperOnly);

        /**
         * Rows {@code first..first+count-1} of the product {@code p = A v} of a symmetric
         * size x size matrix stored by its upper triangle: element (r, c), c &gt;= r, is
         * {@code a[base + r stride + c]}. For each row r in increasing order:
         * {@code p[c] += v[r] a_rc} for c &gt; r (product rounded, then sum), and
         * {@code p[r] += dot + a_rr v[r]} with {@code dot = sum_(c > r) a_rc v[c]} summed as
         * {@value #PARTIAL_SUMS} partial sums (element c into sum {@code c mod }
         * {@value #PARTIAL_SUMS}, in increasing c, products and sums rounded separately)
         * added up in order 0..7. Running it over rows 0..size-1 with p zeroed gives
         * {@code p = A v}. Kernels may treat several rows at once; every kernel gives the
         * bits of this row-by-row order.
         */
        default void symmetricRows(double[] a, int base, int stride, int size, int first,
                                   int count, double[] v, double[] p) {
            double[] partial = new double[PARTIAL_SUMS];
            for (int r = first; r < first + count; r++) {
                int stored = base + r * stride;
                double vr = v[r];
                Arrays.fill(partial, 0.0);
                for (int c = r + 1; c < size; c++) {
                    double entry = a[stored + c];
                    p[c] += vr * entry;
                    partial[c % PARTIAL_SUMS] += entry * v[c];
                }
                double dot = 0;
                for (double sum : partial) {
                    dot += sum;
                }
                p[r] += dot + a[stored + r] * vr;
            }
        }

        /** {@code C += A B} for whole row-major A (m x k), B (k x n), C (m x n), rows as above. */
        default void accumulate(double[] a, int k, double[] b, int n, double[] c, int rowStart,
                                int rowEnd, boolean upperOnly) {
            accumulate(a, 0, k, b, 0, n, c, 0, n, rowStart, rowEnd, n, k, upperOnly);
        }
    }

    /** Partial sums of {@link Kernel#symmetricRows}. */
    static final int PARTIAL_SUMS = 8;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.memoscope.sim.VectorProducts";
    private static final int ROWS = 4;
    private static final int DEPTH_BLOCK = 128;
    private static final int WIDTH_BLOCK = 512;

    /** The plain-Java kernel. */
    static final Kernel SCALAR = new ScalarKernel();
    /** The kernel used: the Vector API one when its module is loaded, else {@link #SCALAR}. */
    static final Kernel SELECTED = select();

    private DenseProducts() {
    }

    /** {@code A B}, A m x k and B k x n. */
    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return mult(a, b, SELECTED);
    }

    /** {@code A B} with the given kernel (for tests). */
    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, Kernel kernel) {
        requireMultipliable(a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        kernel.accumulate(a.data, a.numCols, b.data, b.numCols, c.data, 0, a.numRows, false);
        return c;
    }

    /** {@code A^T B}, A k x m and B k x n. */
    static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        return mult(CommonOps_DDRM.transpose(a, null), b);
    }

    /** {@code A B^T}, A m x k and B n x k. */
    static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        return mult(a, CommonOps_DDRM.transpose(b, null));
    }

    /** {@code X X^T} for X m x k (dot products of the rows), symmetric. */
    static DMatrixRMaj outer(DMatrixRMaj x) {
        return outer(x, CommonOps_DDRM.transpose(x, null));
    }

    /** {@code X X^T} as {@link #outer(DMatrixRMaj)}, with X^T already at hand. */
    static DMatrixRMaj outer(DMatrixRMaj x, DMatrixRMaj transposed) {
        if (transposed.numRows != x.numCols || transposed.numCols != x.numRows) {
            throw new IllegalArgumentException("not the transpose of a " + x.numRows + "x"
                    + x.numCols + " matrix: " + transposed.numRows + "x" + transposed.numCols);
        }
        DMatrixRMaj c = new DMatrixRMaj(x.numRows, x.numRows);
        SELECTED.accumulate(x.data, x.numCols, transposed.data, x.numRows, c.data, 0,
                x.numRows, true);
        mirrorUpper(c);
        return c;
    }

    /** {@code X^T X} for X k x n (dot products of the columns), symmetric. */
    static DMatrixRMaj inner(DMatrixRMaj x) {
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(x, null);
        DMatrixRMaj c = new DMatrixRMaj(x.numCols, x.numCols);
        SELECTED.accumulate(transposed.data, x.numRows, x.data, x.numCols, c.data, 0,
                x.numCols, true);
        mirrorUpper(c);
        return c;
    }

    /**
     * One element of C over {@code p0..p1-1}, the tail of the kernels: {@code a[aRow + p]}
     * times {@code b[bColumn + p ldb]}, added to {@code c[cIndex]}.
     */
    static void scalarElement(double[] a, int aRow, double[] b, int bColumn, int ldb,
                              double[] c, int cIndex, int p0, int p1) {
        double sum = c[cIndex];
        for (int p = p0; p < p1; p++) {
            sum = Math.fma(a[aRow + p], b[bColumn + p * ldb], sum);
        }
        c[cIndex] = sum;
    }

    private static void requireMultipliable(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException("cannot multiply " + a.numRows + "x" + a.numCols
                    + " by " + b.numRows + "x" + b.numCols);
        }
    }

    private static Kernel select() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return SCALAR;
        }
        try {
            return (Kernel) Class.forName(VECTOR_KERNEL).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }

    /** Plain Java: four rows of C at once over blocks of B; see the class comment. */
    private static final class ScalarKernel implements Kernel {

        @Override
        public String name() {
            return "plain Java";
        }

        @Override
        public void accumulate(double[] a, int aOffset, int lda, double[] b, int bOffset,
                               int ldb, double[] c, int cOffset, int ldc, int rowStart,
                               int rowEnd, int n, int k, boolean upperOnly) {
            double[][] rows = new double[ROWS][WIDTH_BLOCK];
            for (int j0 = 0; j0 < n; j0 += WIDTH_BLOCK) {
                int j1 = Math.min(n, j0 + WIDTH_BLOCK);
                for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
                    int p1 = Math.min(k, p0 + DEPTH_BLOCK);
                    for (int i0 = rowStart; i0 < rowEnd; i0 += ROWS) {
                        int start = upperOnly ? Math.max(j0, i0) : j0;
                        if (start >= j1) {
                            continue;
                        }
                        int count = Math.min(ROWS, rowEnd - i0);
                        for (int r = 0; r < count; r++) {
                            System.arraycopy(c, cOffset + (i0 + r) * ldc + start, rows[r], 0,
                                    j1 - start);
                        }
                        if (count == ROWS) {
                            fourRows(a, aOffset + i0 * lda, lda, b, bOffset + start, ldb, p0, p1,
                                    j1 - start, rows);
                        } else {
                            for (int r = 0; r < count; r++) {
                                oneRow(a, aOffset + (i0 + r) * lda, b, bOffset + start, ldb, p0,
                                        p1, j1 - start, rows[r]);
                            }
                        }
                        for (int r = 0; r < count; r++) {
                            System.arraycopy(rows[r], 0, c, cOffset + (i0 + r) * ldc + start,
                                    j1 - start);
                        }
                    }
                }
            }
        }
    }

    /** Four rows of C, held in {@code rows}, over depth p0..p1-1 and {@code width} columns. */
    private static void fourRows(double[] a, int a0, int lda, double[] b, int bStart, int ldb,
                                 int p0, int p1, int width, double[][] rows) {
        double[] c0 = rows[0];
        double[] c1 = rows[1];
        double[] c2 = rows[2];
        double[] c3 = rows[3];
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int p = p0; p < p1; p++) {
            double x0 = a[a0 + p];
            double x1 = a[a1 + p];
            double x2 = a[a2 + p];
            double x3 = a[a3 + p];
            int row = bStart + p * ldb;
            for (int j = 0; j < width; j++) {
                double y = b[row + j];
                c0[j] = Math.fma(x0, y, c0[j]);
                c1[j] = Math.fma(x1, y, c1[j]);
                c2[j] = Math.fma(x2, y, c2[j]);
                c3[j] = Math.fma(x3, y, c3[j]);
            }
        }
    }

    private static void oneRow(double[] a, int a0, double[] b, int bStart, int ldb, int p0,
                               int p1, int width, double[] c0) {
        for (int p = p0; p < p1; p++) {
            double x0 = a[a0 + p];
            int row = bStart + p * ldb;
            for (int j = 0; j < width; j++) {
                c0[j] = Math.fma(x0, b[row + j], c0[j]);
            }
        }
    }

    /** Copies the upper triangle of a square matrix onto the lower. */
    private static void mirrorUpper(DMatrixRMaj c) {
        int size = c.numRows;
        for (int i = 1; i < size; i++) {
            for (int j = 0; j < i; j++) {
                c.data[i * size + j] = c.data[j * size + i];
            }
        }
    }
}
