package org.memoscope.sim;

/**
 * Eigenvalues of a real symmetric tridiagonal matrix by the root-free implicit QL
 * algorithm of Pal, Walker and Kahan: the QL sweeps of the symmetric QR algorithm with a
 * Wilkinson shift, carried out on the squares of the off-diagonal entries so that no square
 * root is taken inside a sweep (Parlett, "The Symmetric Eigenvalue Problem", SIAM 1998,
 * section 8-15; the scheme of LAPACK's {@code dsterf}).
 *
 * <p>A sweep over the unreduced block l..m with shift sigma runs from the bottom up, with
 * {@code c, s} the squared cosine and sine of each rotation:
 * <pre>
 *   gamma = d_m - sigma,  p = gamma^2,  c = 1,  s = 0
 *   for i = m-1 .. l:  r = p + e_i^2;  e_(i+1)^2 = s r (not for i = m-1);  c' = c;
 *                      c = p / r;  s = e_i^2 / r;  gamma' = gamma;
 *                      gamma = c (d_i - sigma) - s gamma';  d_(i+1) = gamma' + (d_i - gamma);
 *                      p = gamma^2 / c  (c' e_i^2 when c is 0 or subnormal)
 *   e_l^2 = s p,  d_l = sigma + gamma
 * </pre>
 * A subnormal c keeps only a few significant bits (it is a subnormal p over r), and
 * gamma^2 / c would pass that error on to p and the entries after it: eigenvalues several
 * per cent off for a diagonal entry of 2e-163 beside an off-diagonal one of 0.0625. As c
 * tends to 0, gamma^2 / c tends to c' e_i^2, within about sqrt(c) (entries scaled to 1), so
 * that limit, which LAPACK uses at c = 0, is used for every subnormal c.
 *
 * <p>The shift is the eigenvalue of the leading 2 x 2 block nearer to d_l; an off-diagonal
 * entry is dropped when {@code e_i^2 <= eps^2 |d_i d_(i+1)|}; 2 x 2 blocks are solved
 * directly. Rows are taken in reverse order when the first diagonal entry is the larger in
 * absolute value, so a graded matrix has its large end at the bottom, where QL leaves it
 * for last (dsterf runs QR instead). The matrix is scaled to a largest entry of 1 first, so
 * the squares neither overflow nor lose the small entries needlessly. About two sweeps per
 * eigenvalue, O(k^2) in all, sequential: reproducible to the bit.
 */
final class TridiagonalValues {

    private static final double EPSILON = Math.ulp(1.0);
    /** Sweeps allowed per eigenvalue before giving up (LAPACK allows 30). */
    private static final int SWEEPS_PER_VALUE = 30;

    private TridiagonalValues() {
    }

    /**
     * The eigenvalues, in no particular order, of the tridiagonal matrix with diagonal
     * {@code diagonal} (k entries) and off-diagonal {@code offDiagonal} (its first k - 1
     * entries); null if the iteration does not converge or the entries are not finite.
     * The arguments are not modified.
     */
    static double[] of(double[] diagonal, double[] offDiagonal) {
        int k = diagonal.length;
        double[] d = diagonal.clone();
        if (k <= 1) {
            return Double.isFinite(k == 1 ? d[0] : 0) ? d : null;
        }
        double norm = 0;
        for (int i = 0; i < k; i++) {
            norm = Math.max(norm, Math.abs(d[i]));
            if (i < k - 1) {
                norm = Math.max(norm, Math.abs(offDiagonal[i]));
            }
        }
        if (!Double.isFinite(norm)) {
            return null;
        }
        if (norm == 0) {
            return d;
        }
        // QL deflates from the top, so the large end of a graded matrix belongs at the
        // bottom (LAPACK's dsterf switches to QR instead); reversing the order of rows and
        // columns leaves the eigenvalues unchanged.
        boolean reversed = Math.abs(diagonal[0]) > Math.abs(diagonal[k - 1]);
        double[] squares = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = diagonal[reversed ? k - 1 - i : i] / norm;
            if (i < k - 1) {
                double entry = offDiagonal[reversed ? k - 2 - i : i] / norm;
                squares[i] = entry * entry;
            }
        }

        if (!converge(d, squares)) {
            return null;
        }
        for (int i = 0; i < k; i++) {
            d[i] *= norm;
        }
        return d;
    }

    /** Runs the sweeps on the scaled d and squared off-diagonal e2 (e2[k-1] = 0). */
    private static boolean converge(double[] d, double[] e2) {
        int k = d.length;
        double negligible = EPSILON * EPSILON;
        int sweepsLeft = SWEEPS_PER_VALUE * k;
        int l = 0;
        while (l < k) {
            int m = l;
            while (m < k - 1 && !(e2[m] <= negligible * Math.abs(d[m] * d[m + 1])
                    || e2[m] <= Double.MIN_NORMAL)) {
                m++;
            }
            if (m < k - 1) {
                e2[m] = 0;
            }

            if (m == l) {
                l++;
            } else if (m == l + 1) {
                solveTwoByTwo(d, e2, l);
                l += 2;
            } else {
                if (sweepsLeft-- == 0) {
                    return false;
                }
                sweep(d, e2, l, m, shift(d, e2, l));
            }
        }
        return true;
    }

    /** The eigenvalue of the leading 2 x 2 block of rows l, l+1 nearer to d_l. */
    private static double shift(double[] d, double[] e2, int l) {
        double offDiagonal = Math.sqrt(e2[l]);
        double ratio = (d[l + 1] - d[l]) / (2 * offDiagonal);
        double radius = Math.hypot(ratio, 1);
        return d[l] - offDiagonal / (ratio + Math.copySign(radius, ratio));
    }

    /** One QL sweep over rows l..m with the given shift (see the class comment). */
    private static void sweep(double[] d, double[] e2, int l, int m, double shift) {
        double cosine = 1;
        double sine = 0;
        double gamma = d[m] - shift;
        double p = gamma * gamma;
        for (int i = m - 1; i >= l; i--) {
            double below = e2[i];
            double r = p + below;
            if (i != m - 1) {
                e2[i + 1] = sine * r;
            }
            double oldCosine = cosine;
            cosine = p / r;
            sine = below / r;
            double oldGamma = gamma;
            double alpha = d[i];
            gamma = cosine * (alpha - shift) - sine * oldGamma;
            d[i + 1] = oldGamma + (alpha - gamma);
            p = cosine >= Double.MIN_NORMAL ? gamma * gamma / cosine : oldCosine * below;
        }
        e2[l] = sine * p;
        d[l] = shift + gamma;
    }

    /** Replaces rows l, l+1 by the eigenvalues of their 2 x 2 block. */
    private static void solveTwoByTwo(double[] d, double[] e2, int l) {
        double mean = 0.5 * (d[l] + d[l + 1]);
        double radius = Math.hypot(0.5 * (d[l] - d[l + 1]), Math.sqrt(e2[l]));
        d[l] = mean + radius;
        d[l + 1] = mean - radius;
        e2[l] = 0;
    }
}
