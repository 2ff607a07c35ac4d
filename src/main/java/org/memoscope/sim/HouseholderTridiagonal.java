package org.memoscope.sim;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * Householder reduction of a real symmetric matrix to tridiagonal form,
 * {@code A = Q T Q^T}, with Q kept as its reflectors {@code Q = H_0 H_1 ... H_(k-3)},
 * {@code H_i = I - tau_i v_i v_i^T}, and applied to other matrices in blocks.
 *
 * <p>Reduction: Golub and Van Loan, "Matrix Computations", 4th ed., section 8.3.1, in
 * the blocked form of LAPACK's {@code dsytrd}/{@code dlatrd}. Panels of {@value #PANEL}
 * columns: step i of a panel brings row i up to date with the panel's earlier reflectors,
 * builds the reflector of its part beyond the diagonal ({@code dlarfg}) and forms
 * {@code w = p - (tau/2)(p.v) v} with {@code p = tau (A' - V W^T - W V^T) v}, A' the
 * trailing matrix as stored. Only the upper triangle of the trailing matrix is kept: its
 * product with v is read from it row by row, four rows at a time
 * ({@link DenseProducts.Kernel#symmetricRows}), and at the end of the panel it alone is
 * updated, {@code A' -= V W^T + W V^T}, by a matrix product ({@link DenseProducts}, upper
 * tiles only). About half the work is then in matrix products; the rest is the
 * matrix-vector products, which read the upper half of the trailing matrix once per
 * column.
 *
 * <p>Applying Q: blocks of {@value #BLOCK} reflectors in the compact WY form
 * {@code H_j ... H_(j+b-1) = I - V T V^T} (Schreiber and Van Loan, SIAM J. Sci. Stat.
 * Comput. 10, 1989; T built as in LAPACK {@code dlarft}, forward and columnwise), applied
 * from the last block to the first, as LAPACK's {@code dormtr}/{@code dlarfb} do, but to the
 * rows of a matrix ({@code W Q^T}), each block with three matrix products. Q itself is never
 * formed. Cost: {@code 4/3 k^3} for the reduction, {@code 2 k^2 c} to apply Q to c vectors.
 * Every step is sequential in a fixed order: results are reproducible to the bit.
 */
final class HouseholderTridiagonal {

    /** Reflectors per block when Q is applied. */
    static final int BLOCK = 48;
    /** Columns reduced per panel before the trailing matrix is updated. */
    static final int PANEL = 32;
    /** Width, in columns, that the products applying Q are widened to a multiple of. */
    private static final int ALIGNMENT = 24;
    /** Rows of the trailing matrix handed to the symmetric product kernel at once. */
    private static final int SYMMETRIC_ROWS = 4;

    private final int size;
    private final double[] diagonal;
    private final double[] offDiagonal;
    /** Row i (k wide) holds v_i in columns i+1..k-1, with v_i = 1 in column i+1. */
    private final double[] reflectors;
    private final double[] scales;

    private HouseholderTridiagonal(int size, double[] diagonal, double[] offDiagonal,
                                   double[] reflectors, double[] scales) {
        this.size = size;
        this.diagonal = diagonal;
        this.offDiagonal = offDiagonal;
        this.reflectors = reflectors;
        this.scales = scales;
    }

    /** Reduces {@code symmetric} (not modified; only symmetric input is meaningful). */
    static HouseholderTridiagonal of(DMatrixRMaj symmetric) {
        int k = symmetric.numRows;
        if (symmetric.numCols != k) {
            throw new IllegalArgumentException("not square: " + k + "x" + symmetric.numCols);
        }
        double[] a = symmetric.data.clone();
        double[] diagonal = new double[k];
        double[] offDiagonal = new double[Math.max(k - 1, 1)];
        int reflectorCount = Math.max(k - 2, 0);
        double[] scales = new double[Math.max(reflectorCount, 1)];
        if (reflectorCount == 0) {
            for (int i = 0; i < k; i++) {
                diagonal[i] = a[i * k + i];
            }
            if (k == 2) {
                offDiagonal[0] = a[1];
            }
            return new HouseholderTridiagonal(k, diagonal, offDiagonal, a, scales);
        }

        Panel panel = new Panel(k, PANEL);
        for (int start = 0; start < reflectorCount; start += PANEL) {
            int count = Math.min(PANEL, reflectorCount - start);
            panel.reduce(a, start, count, diagonal, offDiagonal, scales);
        }
        int last = k - 2;
        double[] row = currentRow(a, k, last);
        diagonal[last] = row[0];
        offDiagonal[last] = row[1];
        diagonal[k - 1] = a[(k - 1) * k + k - 1];
        return new HouseholderTridiagonal(k, diagonal, offDiagonal, a, scales);
    }

    /** Row i of the fully updated matrix from column i on (used once the panels are done). */
    private static double[] currentRow(double[] a, int k, int i) {
        return Arrays.copyOfRange(a, i * k + i, i * k + k);
    }

    /**
     * One panel of the blocked reduction (LAPACK {@code dlatrd}): reflectors
     * {@code start..start+count-1} are built from rows of A brought up to date on the fly
     * with the panel's V and W, {@code A' - V W^T - W V^T}, and the trailing matrix is
     * updated once at the end by the rank-2 count product
     * {@code A'' -= V W^T + W V^T} ({@link DenseProducts}) on its upper triangle, the only
     * one read afterwards.
     */
    private static final class Panel {

        private final int size;
        private final int width;
        /** V and W, row t for row start+1+t of A, column q for reflector start+q. */
        private final double[] v;
        private final double[] w;
        private final double[] row;
        private final double[] product;
        private final double[] withW;
        private final double[] withV;

        Panel(int size, int width) {
            this.size = size;
            this.width = width;
            v = new double[size * width];
            w = new double[size * width];
            row = new double[size];
            product = new double[size];
            withW = new double[width];
            withV = new double[width];
        }

        void reduce(double[] a, int start, int count, double[] diagonal, double[] offDiagonal,
                    double[] scales) {
            int k = size;
            int b = width;
            Arrays.fill(v, 0.0);
            Arrays.fill(w, 0.0);
            for (int q = 0; q < count; q++) {
                int i = start + q;
                int m = k - i - 1;
                // Row i from column i on, with the panel's earlier reflectors applied.
                System.arraycopy(a, i * k + i, row, 0, m + 1);
                if (q > 0) {
                    int own = (q - 1) * b;
                    for (int c = 0; c <= m; c++) {
                        int other = (q - 1 + c) * b;
                        double correction = 0;
                        for (int r = 0; r < q; r++) {
                            correction += v[own + r] * w[other + r] + w[own + r] * v[other + r];
                        }
                        row[c] -= correction;
                    }
                }
                diagonal[i] = row[0];
                System.arraycopy(row, 1, a, i * k + i + 1, m);
                offDiagonal[i] = reflect(a, i * k + i + 1, m, row, scales, i);
                double tau = scales[i];

                // p = (A' - V W^T - W V^T) v over rows/columns i+1.., A' as stored, from
                // its upper triangle: row r gives p[r+1..] += v_r a_r. and p_r += a_r. v.
                Arrays.fill(product, 0, m, 0.0);
                int base = (i + 1) * k + i + 1;
                for (int r = 0; r < m; r += SYMMETRIC_ROWS) {
                    DenseProducts.SELECTED.symmetricRows(a, base, k, m, r,
                            Math.min(SYMMETRIC_ROWS, m - r), row, product);
                }
                if (q > 0) {
                    Arrays.fill(withW, 0, q, 0.0);
                    Arrays.fill(withV, 0, q, 0.0);
                    for (int t = 0; t < m; t++) {
                        int panelRow = (q + t) * b;
                        double vt = row[t];
                        for (int r = 0; r < q; r++) {
                            withW[r] += w[panelRow + r] * vt;
                            withV[r] += v[panelRow + r] * vt;
                        }
                    }
                    for (int t = 0; t < m; t++) {
                        int panelRow = (q + t) * b;
                        double correction = 0;
                        for (int r = 0; r < q; r++) {
                            correction += v[panelRow + r] * withW[r] + w[panelRow + r] * withV[r];
                        }
                        product[t] -= correction;
                    }
                }
                double dot = 0;
                for (int t = 0; t < m; t++) {
                    product[t] *= tau;
                    dot += product[t] * row[t];
                }
                double half = 0.5 * tau * dot;
                for (int t = 0; t < m; t++) {
                    int panelRow = (q + t) * b + q;
                    v[panelRow] = row[t];
                    w[panelRow] = product[t] - half * row[t];
                }
            }
            updateTrailing(a, start, count);
        }

        /**
         * {@code A'' -= V W^T + W V^T} on rows and columns start+count.. of A, upper triangle
         * (tiles below the diagonal are skipped and go stale).
         */
        private void updateTrailing(double[] a, int start, int count) {
            int k = size;
            int b = width;
            int first = start + count;
            int m = k - first;
            if (m <= 0) {
                return;
            }
            int depth = 2 * count;
            double[] left = new double[m * depth];
            double[] right = new double[depth * m];
            for (int t = 0; t < m; t++) {
                int panelRow = (count - 1 + t) * b;
                for (int r = 0; r < count; r++) {
                    left[t * depth + r] = -v[panelRow + r];
                    left[t * depth + count + r] = -w[panelRow + r];
                    right[r * m + t] = w[panelRow + r];
                    right[(count + r) * m + t] = v[panelRow + r];
                }
            }
            DenseProducts.SELECTED.accumulate(left, 0, depth, right, 0, m, a, first * k + first,
                    k, 0, m, m, depth, true);
        }
    }

    /**
     * Builds the reflector {@code H = I - tau v v^T} with {@code H x = beta e_1} for the
     * {@code length} entries x of {@code a} from {@code start} (LAPACK {@code dlarfg}):
     * writes v (v_0 = 1) into {@code v[0..length-1]} and over x in {@code a}, tau into
     * {@code scales[index]}, and returns beta. tau = 0 (H = I) when x is already a multiple
     * of e_1.
     */
    private static double reflect(double[] a, int start, int length, double[] v,
                                  double[] scales, int index) {
        double alpha = a[start];
        double sigma = 0;
        for (int j = 1; j < length; j++) {
            sigma += a[start + j] * a[start + j];
        }
        v[0] = 1;
        a[start] = 1;
        if (!(sigma > 0)) {
            for (int j = 1; j < length; j++) {
                v[j] = 0;
                a[start + j] = 0;
            }
            scales[index] = 0;
            return alpha;
        }
        double norm = Math.sqrt(alpha * alpha + sigma);
        double beta = alpha >= 0 ? -norm : norm;
        scales[index] = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int j = 1; j < length; j++) {
            double entry = a[start + j] * scale;
            v[j] = entry;
            a[start + j] = entry;
        }
        return beta;
    }

    /** k. */
    int size() {
        return size;
    }

    /** The diagonal of T, a new array. */
    double[] diagonal() {
        return diagonal.clone();
    }

    /** The off-diagonal of T (k - 1 entries; one 0 when k = 1), a new array. */
    double[] offDiagonal() {
        return offDiagonal.clone();
    }

    /**
     * Overwrites the c x k matrix {@code rows} with {@code rows Q^T}, that is, transforms each
     * row r as {@code Q r} (the rows of the result are Q times the rows given). Working on
     * rows keeps the long dimension of W in the rows of every product, where the kernels
     * are fastest.
     */
    void applyQToRows(DMatrixRMaj rows) {
        if (rows.numCols != size) {
            throw new IllegalArgumentException("Q is " + size + "x" + size + ", the rows have "
                    + rows.numCols + " columns");
        }
        int reflectorCount = Math.max(size - 2, 0);
        for (int start = (reflectorCount - 1) / BLOCK * BLOCK; start >= 0; start -= BLOCK) {
            int count = Math.min(BLOCK, reflectorCount - start);
            applyBlock(rows.data, rows.numRows, start, count);
        }
    }

    /**
     * {@code W = W (I - V T V^T)^T = W - ((W V) T^T) V^T} for reflectors
     * {@code start..start+count-1}, W c x k row-major: three products, the middle one with
     * the small negated {@code T^T}. V is widened on the left with zero columns, up to
     * {@value #ALIGNMENT} - 1 of them, so the products see a width that is a multiple of
     * {@value #ALIGNMENT} and no column is left to the kernels' element-by-element remainder
     * (zero terms leave every sum unchanged).
     */
    private void applyBlock(double[] w, int rowCount, int start, int count) {
        int k = size;
        int top = start + 1;
        int pad = Math.min(top, (ALIGNMENT - (k - top) % ALIGNMENT) % ALIGNMENT);
        int from = top - pad;
        int m = k - from;
        double[] rowsOfV = new double[count * m];
        for (int c = 0; c < count; c++) {
            int reflector = start + c;
            System.arraycopy(reflectors, reflector * k + reflector + 1, rowsOfV,
                    c * m + pad + c, m - pad - c);
        }
        double[] columnsOfV = new double[m * count];
        for (int c = 0; c < count; c++) {
            for (int r = pad + c; r < m; r++) {
                columnsOfV[r * count + c] = rowsOfV[c * m + r];
            }
        }
        double[] t = triangularFactor(rowsOfV, count, m, pad, start);
        double[] minusTTransposed = new double[count * count];
        for (int r = 0; r < count; r++) {
            for (int c = r; c < count; c++) {
                minusTTransposed[c * count + r] = -t[r * count + c];
            }
        }

        double[] wv = new double[rowCount * count];
        DenseProducts.SELECTED.accumulate(w, from, k, columnsOfV, 0, count, wv, 0, count,
                0, rowCount, count, m, false);
        double[] wvt = new double[rowCount * count];
        DenseProducts.SELECTED.accumulate(wv, 0, count, minusTTransposed, 0, count, wvt, 0,
                count, 0, rowCount, count, count, false);
        DenseProducts.SELECTED.accumulate(wvt, 0, count, rowsOfV, 0, m, w, from, k,
                0, rowCount, m, count, false);
    }

    /**
     * The upper triangular T of {@code I - V T V^T} (LAPACK {@code dlarft}, forward,
     * columnwise), from the reflectors as rows of {@code rows} (count x m), reflector c
     * starting at column {@code pad + c}.
     */
    private double[] triangularFactor(double[] rows, int count, int m, int pad, int start) {
        double[] t = new double[count * count];
        double[] overlap = new double[count];
        for (int c = 0; c < count; c++) {
            double tau = scales[start + c];
            t[c * count + c] = tau;
            for (int r = 0; r < c; r++) {
                double sum = 0;
                int rowR = r * m;
                int rowC = c * m;
                for (int j = pad + c; j < m; j++) {
                    sum += rows[rowR + j] * rows[rowC + j];
                }
                overlap[r] = sum;
            }
            for (int r = 0; r < c; r++) {
                double sum = 0;
                for (int q = r; q < c; q++) {
                    sum += t[r * count + q] * overlap[q];
                }
                t[r * count + c] = -tau * sum;
            }
        }
        return t;
    }
}
