package org.memoscope.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * Eigendecomposition of a real symmetric matrix through its tridiagonal form, with the
 * eigenvectors found by inverse iteration instead of by accumulating the rotations of the
 * QR algorithm, which is where a dense symmetric solver spends most of its time.
 *
 * <p>Steps (Golub and Van Loan, "Matrix Computations", 4th ed., sections 8.3 and 8.4.3;
 * the vector step follows LAPACK's {@code dstein}):
 * <ol>
 *   <li>blocked Householder tridiagonalisation {@code A = Q T Q^T}, Q kept as its
 *       reflectors ({@link HouseholderTridiagonal});</li>
 *   <li>the eigenvalues of T by the root-free QL algorithm ({@link TridiagonalValues}),
 *       O(k^2);</li>
 *   <li>for each eigenvalue, three steps of inverse iteration on {@code T - lambda I},
 *       factored by Gaussian elimination with partial pivoting (zero pivots replaced by
 *       {@code eps ||T||}), from a fixed pseudo-random start; a vector whose eigenvalue
 *       lies within {@value #CLUSTER} {@code ||T||} of the previous one is
 *       reorthogonalised against the others of its cluster (modified Gram-Schmidt) at
 *       every step. Outside clusters the vectors are orthogonal to within about
 *       {@code eps / }{@value #CLUSTER};</li>
 *   <li>the eigenvectors of A as {@code Q W}, the reflectors applied to W in blocks
 *       ({@link HouseholderTridiagonal#applyQToRows}, on the vectors as rows); Q is never
 *       formed.</li>
 * </ol>
 * Matrices with a cluster of more than k/16 + 16 eigenvalues get their vectors from the QR
 * algorithm's rotations instead, on the same tridiagonal form (Q formed for them). The
 * result is checked: the eigenvalues' sum and sum of squares against {@code tr A} and
 * {@code ||A||_F^2}, and on a few vectors (the top four and four fixed others) the residual
 * {@code |A v - lambda v|} and mutual orthogonality, within {@value #TOLERANCE} of
 * {@code ||T||} (times k for the sums); if a check fails the caller falls back to EJML's QR
 * with vectors. Every step is sequential with a fixed order, so results are reproducible to
 * the bit.
 */
final class TridiagonalEigen {

    /** Relative gap below which eigenvalues form a cluster whose vectors are reorthogonalised. */
    static final double CLUSTER = 1e-7;
    /** Relative residual and orthogonality accepted by the final check. */
    static final double TOLERANCE = 1e-8;

    private static final int ITERATIONS = 3;
    private static final double EPSILON = Math.ulp(1.0);

    private final double[] values;
    private final DMatrixRMaj vectorRows;

    private TridiagonalEigen(double[] values, DMatrixRMaj vectorRows) {
        this.values = values;
        this.vectorRows = vectorRows;
    }

    /** Eigenvalues in decreasing order. */
    double[] values() {
        return values;
    }

    /** Row i is the unit eigenvector of {@code values()[i]} (V^T). */
    DMatrixRMaj vectorRows() {
        return vectorRows;
    }

    /**
     * Decomposes {@code symmetric} (not modified), or returns null when the QR iteration for
     * the eigenvalues does not converge or the check of the vectors fails.
     */
    static TridiagonalEigen decompose(DMatrixRMaj symmetric) {
        int k = symmetric.numRows;
        HouseholderTridiagonal tridiagonal = HouseholderTridiagonal.of(symmetric);
        double[] diagonal = tridiagonal.diagonal();
        double[] offDiagonal = tridiagonal.offDiagonal();

        double[] values = TridiagonalValues.of(diagonal, offDiagonal);
        if (values == null) {
            return null;
        }
        Arrays.sort(values);
        reverse(values);

        double norm = 0;
        for (int i = 0; i < k; i++) {
            double row = Math.abs(diagonal[i]) + (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0)
                    + (i < k - 1 ? Math.abs(offDiagonal[i]) : 0);
            norm = Math.max(norm, row);
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        if (largestCluster(values, norm) > k / 16 + 16) {
            return withRotations(tridiagonal, diagonal, offDiagonal);
        }
        double[][] tridiagonalVectors = inverseIteration(diagonal, offDiagonal, values, norm);

        DMatrixRMaj vectorRows = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            System.arraycopy(tridiagonalVectors[i], 0, vectorRows.data, i * k, k);
        }
        tridiagonal.applyQToRows(vectorRows);
        TridiagonalEigen result = new TridiagonalEigen(values, vectorRows);
        return invariantsHold(symmetric, values, norm) && result.passesCheck(symmetric, norm)
                ? result : null;
    }

    /**
     * The eigenvectors by accumulating the QR algorithm's rotations into Q^T (what EJML's
     * symmetric decomposition does), on the tridiagonal form already computed.
     */
    private static TridiagonalEigen withRotations(HouseholderTridiagonal tridiagonal,
                                                  double[] diagonal, double[] offDiagonal) {
        int k = diagonal.length;
        DMatrixRMaj rows = CommonOps_DDRM.identity(k);
        tridiagonal.applyQToRows(rows);
        SymmetricQREigenHelper_DDRM helper = new SymmetricQREigenHelper_DDRM();
        helper.init(diagonal.clone(), offDiagonal.clone(), k);
        helper.setQ(rows);
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        qr.setFastEigenvalues(false);
        if (!qr.process(-1, null, null)) {
            return null;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(qr.getEigenvalue(y), qr.getEigenvalue(x)));
        double[] values = new double[k];
        DMatrixRMaj sorted = new DMatrixRMaj(k, k);
        for (int rank = 0; rank < k; rank++) {
            int source = order[rank];
            values[rank] = qr.getEigenvalue(source);
            System.arraycopy(rows.data, source * k, sorted.data, rank * k, k);
        }
        return new TridiagonalEigen(values, sorted);
    }

    /**
     * Size of the largest run of eigenvalues closer than {@value #CLUSTER} ||T|| to their
     * neighbour: reorthogonalising a large one costs more than the QR algorithm saves
     * (a null space of a rank-deficient matrix, a multiple of the identity), so such
     * matrices go to EJML's QR with vectors.
     */
    private static int largestCluster(double[] values, double norm) {
        int largest = 1;
        int run = 1;
        for (int i = 1; i < values.length; i++) {
            run = values[i - 1] - values[i] > CLUSTER * norm ? 1 : run + 1;
            largest = Math.max(largest, run);
        }
        return largest;
    }

    private static double[][] inverseIteration(double[] diagonal, double[] offDiagonal,
                                               double[] values, double norm) {
        int k = diagonal.length;
        double[][] result = new double[k][];
        double smallPivot = EPSILON * norm;
        int clusterStart = 0;
        double shift = Double.NaN;
        Factorisation factors = new Factorisation(k);
        for (int i = 0; i < k; i++) {
            double lambda = values[i];
            if (i > 0 && values[i - 1] - lambda > CLUSTER * norm) {
                clusterStart = i;
            }
            // Equal or nearly equal eigenvalues: shift a little further each time, as dstein
            // does, so the factorisations differ.
            if (i > clusterStart && shift - lambda < 10 * smallPivot) {
                lambda = shift - 10 * smallPivot;
            }
            shift = lambda;
            factors.factor(diagonal, offDiagonal, lambda, smallPivot);
            SplittableRandom random = new SplittableRandom(0x5eedL + i);
            double[] x = new double[k];
            for (int j = 0; j < k; j++) {
                x[j] = random.nextDouble() - 0.5;
            }
            for (int step = 0; step < ITERATIONS; step++) {
                factors.solve(x);
                for (int other = clusterStart; other < i; other++) {
                    subtractProjection(x, result[other]);
                }
                normalise(x);
            }
            result[i] = x;
        }
        return result;
    }

    /** Gaussian elimination with partial pivoting of a tridiagonal matrix minus a shift. */
    private static final class Factorisation {

        private final double[] pivot;
        private final double[] inversePivot;
        private final double[] firstUpper;
        private final double[] secondUpper;
        private final double[] multiplier;
        private final boolean[] swapped;

        Factorisation(int k) {
            pivot = new double[k];
            inversePivot = new double[k];
            firstUpper = new double[k];
            secondUpper = new double[k];
            multiplier = new double[k];
            swapped = new boolean[k];
        }

        void factor(double[] diagonal, double[] offDiagonal, double lambda, double smallPivot) {
            int k = diagonal.length;
            double current = diagonal[0] - lambda;
            double upper = k > 1 ? offDiagonal[0] : 0;
            for (int i = 0; i < k - 1; i++) {
                double below = offDiagonal[i];
                double nextDiagonal = diagonal[i + 1] - lambda;
                double nextUpper = i + 1 < k - 1 ? offDiagonal[i + 1] : 0;
                if (Math.abs(current) >= Math.abs(below)) {
                    double divisor = atLeast(current, smallPivot);
                    swapped[i] = false;
                    multiplier[i] = below / divisor;
                    pivot[i] = divisor;
                    firstUpper[i] = upper;
                    secondUpper[i] = 0;
                    current = nextDiagonal - multiplier[i] * upper;
                    upper = nextUpper;
                } else {
                    double divisor = atLeast(below, smallPivot);
                    swapped[i] = true;
                    multiplier[i] = current / divisor;
                    pivot[i] = divisor;
                    firstUpper[i] = nextDiagonal;
                    secondUpper[i] = nextUpper;
                    current = upper - multiplier[i] * nextDiagonal;
                    upper = -multiplier[i] * nextUpper;
                }
            }
            pivot[k - 1] = atLeast(current, smallPivot);
            for (int i = 0; i < k; i++) {
                inversePivot[i] = 1 / pivot[i];
            }
        }

        /** {@code value}, or {@code +-smallPivot} when it is smaller than that. */
        private static double atLeast(double value, double smallPivot) {
            return Math.abs(value) >= smallPivot ? value : Math.copySign(smallPivot, value);
        }

        /**
         * Overwrites x with the solution of (T - lambda I) y = x, scaled so its largest
         * entry is 1 in absolute value. Divisions by the pivots are multiplications by their
         * reciprocals, and the row swaps are selections rather than branches (they follow
         * the pivots and defeat branch prediction): the sweeps are chains of dependent
         * steps, where every cycle counts.
         */
        void solve(double[] x) {
            int k = x.length;
            double carried = x[0];
            for (int i = 0; i < k - 1; i++) {
                double next = x[i + 1];
                boolean swap = swapped[i];
                double kept = swap ? next : carried;
                carried = (swap ? carried : next) - multiplier[i] * kept;
                x[i] = kept;
            }
            x[k - 1] = carried * inversePivot[k - 1];
            if (k > 1) {
                x[k - 2] = (x[k - 2] - firstUpper[k - 2] * x[k - 1]) * inversePivot[k - 2];
            }
            double largest = Math.max(Math.abs(x[k - 1]), k > 1 ? Math.abs(x[k - 2]) : 0);
            for (int i = k - 3; i >= 0; i--) {
                x[i] = (x[i] - firstUpper[i] * x[i + 1] - secondUpper[i] * x[i + 2])
                        * inversePivot[i];
                largest = Math.max(largest, Math.abs(x[i]));
            }
            // Inverse iteration grows the vector by up to 1/eps a step: rescale before the
            // next step so nothing overflows.
            if (largest > 0 && Double.isFinite(largest)) {
                double scale = 1 / largest;
                for (int i = 0; i < k; i++) {
                    x[i] *= scale;
                }
            }
        }
    }

    /**
     * Whether the eigenvalues' sum and sum of squares match {@code tr A} and
     * {@code ||A||_F^2} (invariants of every orthogonal similarity) within
     * {@value #TOLERANCE} k ||T|| and {@value #TOLERANCE} k ||T||^2: catches wrong
     * eigenvalues whose vectors the sampled check of {@link #passesCheck} does not look at.
     */
    static boolean invariantsHold(DMatrixRMaj matrix, double[] values, double norm) {
        int k = values.length;
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += matrix.data[i * k + i];
        }
        double squares = 0;
        for (int i = 0; i < k; i++) {
            int row = i * k;
            for (int j = 0; j < k; j++) {
                squares += matrix.data[row + j] * matrix.data[row + j];
            }
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (double value : values) {
            sum += value;
            sumOfSquares += value * value;
        }
        return Math.abs(sum - trace) <= TOLERANCE * k * norm
                && Math.abs(sumOfSquares - squares) <= TOLERANCE * k * norm * norm;
    }

    /** Residual and orthogonality of the top four vectors and four others. */
    private boolean passesCheck(DMatrixRMaj matrix, double norm) {
        int k = values.length;
        int[] picks = {0, 1, 2, 3, k / 5, k / 2, (3 * k) / 4, k - 1};
        double[][] checked = new double[picks.length][];
        for (int p = 0; p < picks.length; p++) {
            int index = Math.min(k - 1, picks[p]);
            double[] v = column(index);
            double residual = 0;
            double length = 0;
            for (int row = 0; row < k; row++) {
                double r = dot(matrix.data, row * k, v) - values[index] * v[row];
                residual += r * r;
                length += v[row] * v[row];
            }
            if (!(Math.sqrt(residual) <= TOLERANCE * norm) || Math.abs(length - 1) > 1e-10) {
                return false;
            }
            checked[p] = v;
            for (int q = 0; q < p; q++) {
                if (Math.min(k - 1, picks[q]) != index
                        && !(Math.abs(dot(v, checked[q])) <= TOLERANCE)) {
                    return false;
                }
            }
        }
        return true;
    }

    private double[] column(int index) {
        int k = values.length;
        return Arrays.copyOfRange(vectorRows.data, index * k, index * k + k);
    }

    private static void subtractProjection(double[] x, double[] unit) {
        double projection = dot(x, unit);
        for (int j = 0; j < x.length; j++) {
            x[j] -= projection * unit[j];
        }
    }

    private static void normalise(double[] x) {
        double length = Math.sqrt(dot(x, x));
        if (length > 0) {
            for (int j = 0; j < x.length; j++) {
                x[j] /= length;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        return dot(a, 0, b);
    }

    /**
     * {@code sum_j a[from + j] b[j]} over the length of b, in four interleaved partial sums
     * (independent chains of additions, four times the throughput of one), added up in a
     * fixed order.
     */
    private static double dot(double[] a, int from, double[] b) {
        int length = b.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= length; j += 4) {
            s0 += a[from + j] * b[j];
            s1 += a[from + j + 1] * b[j + 1];
            s2 += a[from + j + 2] * b[j + 2];
            s3 += a[from + j + 3] * b[j + 3];
        }
        for (; j < length; j++) {
            s0 += a[from + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double held = values[i];
            values[i] = values[j];
            values[j] = held;
        }
    }
}
