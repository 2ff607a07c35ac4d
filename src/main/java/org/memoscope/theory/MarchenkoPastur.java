package org.memoscope.theory;

/**
 * The unit-variance Marchenko–Pastur law and the convergence order parameter q.
 *
 * <p>For {@code S = (1/n) sum_mu x_mu x_mu^T} with {@code x_mu ~ N(0, I_d)} and
 * {@code d/n -> c}, the eigenvalue distribution of S tends to MP(c) (Marchenko &amp;
 * Pastur, Math. USSR Sb. 1, 1967): density
 * {@code sqrt((b - lambda)(lambda - a)) / (2 pi c lambda)} on {@code [a, b]},
 * {@code a, b = (1 -/+ sqrt c)^2}, plus an atom of mass {@code 1 - 1/c} at 0 when c &gt; 1.
 *
 * <p>Closed form, for c &lt;= 1, obtained by integrating sqrt(lambda) against the
 * density and reducing to complete elliptic integrals (checked against direct
 * quadrature in the tests):
 * <pre>
 *   E sqrt(lambda) = 2 (1 + sqrt c) / (3 pi c) · [ (1 + c) E(k^2) - (1 - sqrt c)^2 K(k^2) ],
 *   k^2 = 4 sqrt c / (1 + sqrt c)^2.
 * </pre>
 * The complementary parameter {@code 1 - k^2 = ((1 - sqrt c)/(1 + sqrt c))^2} is passed to
 * the elliptic integrals directly, so the product (1 - sqrt c)^2 K stays accurate (and
 * tends to 0) as c -&gt; 1. For c &gt; 1 the non-zero eigenvalues of S are those of the
 * n x n Gram matrix, which gives {@code E_c sqrt(lambda) = c^(-1/2) E_{1/c} sqrt(lambda)}.
 *
 * <p>Convergence of two models trained on independent data (theory note, §4.1):
 * {@code q(gamma) = (E sqrt lambda)^2} with {@code c = 1/gamma}, so
 * {@code q(gamma) = gamma q(1/gamma)}; with a ridge,
 * {@code q = (E sqrt(lambda + ridge))^2 / (1 + ridge)}. The ridge form is integrated by
 * the substitution {@code lambda = a + (b - a) sin^2 theta}, which turns the density into
 * the smooth weight {@code (b - a)^2 sin^2 theta cos^2 theta / (pi c lambda)} on
 * [0, pi/2]. Near c = 1 with a small ridge, sqrt(lambda + ridge) / lambda varies on a
 * scale sqrt(a + ridge) at theta = 0, so a fixed Gauss–Legendre rule refined geometrically
 * towards theta = 0 (17 panels of 8 nodes) is used; the atom contributes
 * {@code (1 - 1/c) sqrt(ridge)}. Accuracy about 1e-11 absolute or better over
 * 1e-3 &lt;= gamma &lt;= 1e3.
 */
public final class MarchenkoPastur {

    /** Geometric refinement towards the lower edge: smallest panel (pi/2) 2^-16. */
    private static final int LEVELS = 16;
    private static final int POINTS_PER_PANEL = 8;
    private static final int RIDGE_NODES = (LEVELS + 1) * POINTS_PER_PANEL;
    private static final double[] SIN_SQUARED = new double[RIDGE_NODES];
    private static final double[] WEIGHT = new double[RIDGE_NODES];

    static {
        double[][] rule = GaussLegendre.graded(Math.PI / 2, LEVELS, POINTS_PER_PANEL);
        double[] theta = rule[0];
        double[] w = rule[1];
        for (int i = 0; i < RIDGE_NODES; i++) {
            double sin = Math.sin(theta[i]);
            double cos = Math.cos(theta[i]);
            SIN_SQUARED[i] = sin * sin;
            WEIGHT[i] = w[i] * sin * sin * cos * cos / Math.PI;
        }
    }

    private MarchenkoPastur() {
    }

    /** E sqrt(lambda) for lambda ~ MP(c), atom at 0 included; c &gt; 0. */
    public static double meanSquareRoot(double c) {
        requirePositive("ratio c", c);
        if (c > 1) {
            return meanSquareRoot(1 / c) / Math.sqrt(c);
        }
        double root = Math.sqrt(c);
        double gap = (1 - root) * (1 - root);
        double complement = gap / ((1 + root) * (1 + root));
        double second = EllipticIntegrals.secondKindOfComplement(complement);
        double first = gap == 0 ? 0 : gap * EllipticIntegrals.firstKindOfComplement(complement);
        return 2 * (1 + root) / (3 * Math.PI * c) * ((1 + c) * second - first);
    }

    /**
     * E sqrt(lambda + ridge) for lambda ~ MP(c), atom included, by quadrature.
     * Agrees with {@link #meanSquareRoot(double)} at ridge 0.
     */
    public static double meanSquareRoot(double c, double ridge) {
        requirePositive("ratio c", c);
        requireRidge(ridge);
        double root = Math.sqrt(c);
        double a = (1 - root) * (1 - root);
        double b = (1 + root) * (1 + root);
        double width = b - a;
        double sum = 0;
        for (int i = 0; i < RIDGE_NODES; i++) {
            double lambda = a + width * SIN_SQUARED[i];
            sum += WEIGHT[i] * Math.sqrt(lambda + ridge) / lambda;
        }
        double bulk = width * width / c * sum;
        double atom = c > 1 ? (1 - 1 / c) * Math.sqrt(ridge) : 0;
        return bulk + atom;
    }

    /** q(gamma) = (E sqrt lambda)^2 with c = 1/gamma; gamma &gt; 0. */
    public static double convergence(double gamma) {
        requirePositive("load ratio gamma", gamma);
        if (gamma < 1) {
            return gamma * convergence(1 / gamma);
        }
        double mean = meanSquareRoot(1 / gamma);
        return mean * mean;
    }

    /**
     * q(gamma, ridge) = (E sqrt(lambda + ridge))^2 / (1 + ridge), c = 1/gamma. Uses the
     * closed form at ridge 0.
     */
    public static double convergence(double gamma, double ridge) {
        requirePositive("load ratio gamma", gamma);
        requireRidge(ridge);
        if (ridge == 0) {
            return convergence(gamma);
        }
        double mean = meanSquareRoot(1 / gamma, ridge);
        return mean * mean / (1 + ridge);
    }

    /** Right edge of the bulk, (1 + 1/sqrt(gamma))^2. */
    public static double bulkEdge(double gamma) {
        requirePositive("load ratio gamma", gamma);
        double edge = 1 + 1 / Math.sqrt(gamma);
        return edge * edge;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    private static void requireRidge(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
    }
}
