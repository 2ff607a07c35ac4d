package org.memoscope.theory;

/**
 * Memorisation {@code m = E_z max_mu |cos(x_hat(z), x_mu)|} of the linear generative model
 * {@code x_hat = (S + lambda I)^(1/2) z} fitted on n isotropic Gaussian points in d
 * dimensions (theory note, §4.3).
 *
 * <p><b>Small load</b> (n fixed, d -&gt; infinity; exact in that limit): the training points
 * are orthogonal and {@code m(n, lambda) = E_w max_mu |w_mu| / sqrt(|w|^2 + lambda n)},
 * {@code w ~ N(0, I_n)}. Writing {@code 1/sqrt(a) = pi^(-1/2) ∫_0^∞ s^(-1/2) e^(-a s) ds}
 * and tilting the Gaussian by {@code e^(-s |w|^2)}, which factorises over mu, gives
 * <pre>
 *   m(n, lambda) = M_n pi^(-1/2) ∫_0^∞ s^(-1/2) e^(-lambda n s) (1 + 2s)^(-(n+1)/2) ds,
 *   M_n = E max_{mu &lt;= n} |N(0,1)| = ∫_0^∞ (1 - erf(t/sqrt 2)^n) dt.
 * </pre>
 * With {@code 2s = tan^2(phi)/k}, {@code k = n (1 + lambda)}, the integral becomes
 * {@code sqrt(2/k) ∫_0^{pi/2} sec^2 phi (1 + tan^2 phi / k)^(-(n+1)/2)
 * e^(-(lambda/(1 + lambda)) tan^2 phi / 2) dphi}, whose integrand is smooth and of fixed
 * width for every n and lambda, and is done by a 64-point Gauss–Legendre rule; for n &lt; 5
 * a small ridge cuts the slowly decaying integrand off within sqrt(lambda) of pi/2, so
 * there a rule refined geometrically towards pi/2 (17 panels of 12 nodes) is used. At
 * n = 1 the closed form {@code m(1, lambda) = erfcx(sqrt(lambda/2))} is used. M_n is read
 * from a piecewise Chebyshev interpolant in ln n (degree 24 on pieces of length 2 up to
 * n = 2^31; Trefethen, Approximation Theory and Approximation Practice, 2013), built once
 * from a composite Gauss–Legendre quadrature of its defining integral, split into panels
 * of width 1/2 so that the switch from 1 to 0 near sqrt(2 ln n) is resolved; relative
 * accuracy about 1e-12 (measured 1e-14).
 *
 * <p><b>Finite d</b> (derived for this project; approximation). With the SVD
 * {@code X = A D B^T} of the n x d data, the overlaps are {@code X x_hat = A D (D^2/n +
 * lambda)^(1/2) B^T z}; A is Haar-distributed and independent of D and {@code g = B^T z},
 * so the overlap vector has a uniformly random direction, independent of its length.
 * Treating every |x_mu| as sqrt(d), cos_mu is a coordinate of a uniform unit vector times a
 * length ratio, which leads to
 * <pre>
 *   m ≈ sqrt(1 + tau^2) · m(n, kappa),
 *   gamma = n/d,  gamma' = (n - 1)/d,
 *   n &lt; d:  kappa = lambda (1 - gamma) / (1 + lambda gamma),
 *            tau^2 = gamma' / (1 + lambda gamma)
 *   n &gt;= d: kappa = 0,
 *            tau^2 = gamma' (1 - lambda / (gamma (1 + lambda)))
 * </pre>
 * kappa is the ridge seen by the span of the data once the orthogonal complement (weight
 * lambda on d - n directions) is counted; tau^2 is the extra length that the spread of the
 * Marchenko–Pastur eigenvalues gives the overlaps (the other n - 1 points leaking onto
 * x_mu), fixed so that the proportional limit reproduces the exact concentration
 * {@code (1 + gamma (1 + lambda)) / (1 + lambda)} of the squared length ratio. For
 * n &gt;&gt; d this is the Gaussian heuristic {@code Var cos ≈ 1/(n (1 + lambda)) + 1/d}.
 * Finally, a cosine is bounded by 1 while the Gaussian treatment of the leaked share
 * {@code s = tau^2 / (1 + tau^2)} is not; as for a fresh point (see
 * {@link #freshBaseline(int, int)}) this is corrected by
 * {@code m -> sqrt((1 - exp(-s m^2)) / s)}, and the result is capped at 1.
 *
 * <p>Where it holds (measured against seeded simulations of the exact model, 2000-6000
 * draws per point, n from 1 to 10 d): within 1.5% for d &gt;= 200 (lambda = 0, 0.1, 1, 10)
 * and 1.2% at d = 1000; within 3% at d = 50, 6% at d = 20, 8% at d = 10, 10% at d = 5
 * and 13% at d = 2. The misfit is an overshoot at 2 &lt;= n &lt;~ d, where the few training
 * points are far from orthogonal, and an undershoot of up to 3% for n &gt;&gt; d at d &lt;= 20.
 * The variant that adds independent noise of variance (n - 1)/d to each overlap while
 * keeping the ridge term lambda n undercounts the fresh part with a ridge (22% low at
 * d = 200, n = 400, lambda = 1) and exceeds 1 at small d, which is why it is not used.
 */
public final class Memorisation {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private static final int ANGLE_NODES = 64;
    private static final double[] SEC_SQUARED = new double[ANGLE_NODES];
    private static final double[] TAN_SQUARED = new double[ANGLE_NODES];
    private static final double[] ANGLE_WEIGHT = new double[ANGLE_NODES];

    /** Below this n the ridge factor matters near phi = pi/2: use the graded rule. */
    private static final int GRADED_BELOW = 5;
    private static final int GRADED_LEVELS = 16;
    private static final int GRADED_POINTS = 12;
    private static final int GRADED_NODES = (GRADED_LEVELS + 1) * GRADED_POINTS;
    private static final double[] GRADED_SEC_SQUARED = new double[GRADED_NODES];
    private static final double[] GRADED_TAN_SQUARED = new double[GRADED_NODES];
    private static final double[] GRADED_WEIGHT = new double[GRADED_NODES];

    /** Chebyshev pieces of M(nu) in x = ln nu: [2j, 2j + 2] for j = 0 .. PIECES - 1. */
    private static final int PIECES = 11;
    private static final double PIECE_LENGTH = 2;
    private static final int DEGREE = 24;
    private static final double[][] MAX_COEFFICIENTS = new double[PIECES][];

    private static final int PANEL_NODES = 20;
    private static final double PANEL_WIDTH = 0.5;
    private static final double[] PANEL_NODE = new double[PANEL_NODES];
    private static final double[] PANEL_WEIGHT = new double[PANEL_NODES];

    static {
        GaussLegendre angleRule = GaussLegendre.of(ANGLE_NODES);
        double[] phi = angleRule.nodes(0, Math.PI / 2);
        double[] w = angleRule.weights(0, Math.PI / 2);
        for (int i = 0; i < ANGLE_NODES; i++) {
            double tan = Math.tan(phi[i]);
            TAN_SQUARED[i] = tan * tan;
            SEC_SQUARED[i] = 1 + tan * tan;
            ANGLE_WEIGHT[i] = w[i];
        }

        double[][] graded = GaussLegendre.graded(Math.PI / 2, GRADED_LEVELS, GRADED_POINTS);
        for (int i = 0; i < GRADED_NODES; i++) {
            double distanceToEnd = graded[0][i];
            double cot = Math.tan(distanceToEnd);
            GRADED_TAN_SQUARED[i] = 1 / (cot * cot);
            GRADED_SEC_SQUARED[i] = 1 + 1 / (cot * cot);
            GRADED_WEIGHT[i] = graded[1][i];
        }

        GaussLegendre panelRule = GaussLegendre.of(PANEL_NODES);
        System.arraycopy(panelRule.nodes(0, PANEL_WIDTH), 0, PANEL_NODE, 0, PANEL_NODES);
        System.arraycopy(panelRule.weights(0, PANEL_WIDTH), 0, PANEL_WEIGHT, 0, PANEL_NODES);

        for (int piece = 0; piece < PIECES; piece++) {
            MAX_COEFFICIENTS[piece] = chebyshevCoefficients(piece * PIECE_LENGTH);
        }
    }

    private Memorisation() {
    }

    /** M_n = E max over n independent |N(0,1)|; n &gt;= 1. M_1 = sqrt(2/pi). */
    public static double expectedMaxAbsNormal(int n) {
        requireCount(n);
        if (n == 1) {
            return Math.sqrt(2 / Math.PI);
        }
        double x = Math.log(n);
        int piece = Math.min(PIECES - 1, (int) (x / PIECE_LENGTH));
        double start = piece * PIECE_LENGTH;
        double u = 2 * (x - start) / PIECE_LENGTH - 1;
        return clenshaw(MAX_COEFFICIENTS[piece], u);
    }

    /**
     * Small-load memorisation m(n, ridge) = E max_mu |w_mu| / sqrt(|w|^2 + ridge n),
     * w ~ N(0, I_n); the limit d -&gt; infinity at fixed n.
     */
    public static double smallLoad(int n, double ridge) {
        requireCount(n);
        requireRidge(ridge);
        if (n == 1) {
            return ErrorFunction.erfcx(Math.sqrt(ridge / 2));
        }
        double scale = n * (1 + ridge);
        double sum = n < GRADED_BELOW
                ? angleIntegral(n, ridge, GRADED_TAN_SQUARED, GRADED_SEC_SQUARED, GRADED_WEIGHT)
                : angleIntegral(n, ridge, TAN_SQUARED, SEC_SQUARED, ANGLE_WEIGHT);
        return expectedMaxAbsNormal(n) * Math.sqrt(2 / scale) * sum / SQRT_PI;
    }

    /**
     * ∫_0^{pi/2} sec^2 (1 + tan^2/k)^(-(n+1)/2) e^(-(ridge/(1 + ridge)) tan^2/2) dphi with
     * k = n (1 + ridge), on the given rule.
     */
    private static double angleIntegral(int n, double ridge, double[] tanSquared,
                                        double[] secSquared, double[] weight) {
        double halfPower = (n + 1) / 2.0;
        double scale = n * (1 + ridge);
        double damping = ridge / (1 + ridge) / 2;
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            double t2 = tanSquared[i];
            double exponent = -halfPower * log1p(t2 / scale) - damping * t2;
            sum += weight[i] * secSquared[i] * Math.exp(exponent);
        }
        return sum;
    }

    /**
     * Finite-d approximation of m for n training points in dimension d with ridge lambda
     * (see the class comment for the formula and where it holds); in [0, 1].
     */
    public static double finiteDimension(int n, int d, double ridge) {
        requireCount(n);
        requireDimension(d);
        requireRidge(ridge);
        double leakage = leakageVariance(n, d, ridge);
        double scaled = Math.sqrt(1 + leakage) * smallLoad(n, effectiveRidge(n, d, ridge));
        double share = leakage / (1 + leakage);
        double x = share * scaled * scaled;
        double bounded = x > 0 ? Math.sqrt(-Math.expm1(-x) / share) : scaled;
        return Math.min(1, bounded);
    }

    /**
     * Nearest-neighbour level of a fresh point: E max over n independent |cos| between a
     * fixed direction and isotropic Gaussian points in d dimensions. Approximation:
     * {@code sqrt(1 - exp(-M_n^2 / (d - 1/2)))}, which treats {@code -(d - 1/2) ln(1 - cos^2)}
     * as the square of a standard normal (a Student-t to normal transform) and replaces the
     * mean of a function of the maximum by the function of its mean. Against the exact
     * spherical law: within 0.3% for d &gt;= 200, 1% for d &gt;= 50, 4% for d &gt;= 5, 8% at
     * d = 2; the plain Gaussian value M_n / sqrt(d) capped at 1 is up to 20% high
     * (d = 10, n = 400).
     */
    public static double freshBaseline(int n, int d) {
        requireCount(n);
        requireDimension(d);
        double level = expectedMaxAbsNormal(n);
        return Math.sqrt(-Math.expm1(-level * level / (d - 0.5)));
    }

    /** tau^2, the relative extra variance of the overlaps from the other n - 1 points. */
    static double leakageVariance(int n, int d, double ridge) {
        double load = (double) n / d;
        double others = (n - 1.0) / d;
        if (n < d) {
            return others / (1 + ridge * load);
        }
        return others * (1 - ridge / (load * (1 + ridge)));
    }

    /** kappa, the ridge per training point seen inside the span of the data. */
    static double effectiveRidge(int n, int d, double ridge) {
        if (n >= d) {
            return 0;
        }
        double load = (double) n / d;
        return ridge * (1 - load) / (1 + ridge * load);
    }

    /** M(nu) for real nu &gt;= 1 by composite Gauss–Legendre quadrature of its integral. */
    static double expectedMaxAbsNormalByQuadrature(double nu) {
        double end = Math.sqrt(2 * (Math.log(nu) + 42));
        double total = 0;
        for (double start = 0; start < end; start += PANEL_WIDTH) {
            if (belowMaximum(start + PANEL_WIDTH, nu) == 1) {
                total += PANEL_WIDTH;
                continue;
            }
            for (int i = 0; i < PANEL_NODES; i++) {
                total += PANEL_WEIGHT[i] * belowMaximum(start + PANEL_NODE[i], nu);
            }
        }
        return total;
    }

    /** P(max of nu half-normals &gt; t) = 1 - erf(t / sqrt 2)^nu. */
    private static double belowMaximum(double t, double nu) {
        double x = t / Math.sqrt(2);
        double logCdf = x <= 2.5
                ? Math.log(ErrorFunction.erf(x))
                : Math.log1p(-ErrorFunction.erfc(x));
        return -Math.expm1(nu * logCdf);
    }

    /** Chebyshev coefficients of M(e^x) on [start, start + PIECE_LENGTH], Lobatto points. */
    private static double[] chebyshevCoefficients(double start) {
        double[] values = new double[DEGREE + 1];
        for (int j = 0; j <= DEGREE; j++) {
            double u = Math.cos(Math.PI * j / DEGREE);
            double x = start + (u + 1) * PIECE_LENGTH / 2;
            values[j] = expectedMaxAbsNormalByQuadrature(Math.exp(x));
        }
        double[] coefficients = new double[DEGREE + 1];
        for (int k = 0; k <= DEGREE; k++) {
            double sum = 0;
            for (int j = 0; j <= DEGREE; j++) {
                double term = values[j] * Math.cos(Math.PI * j * k / DEGREE);
                sum += (j == 0 || j == DEGREE) ? term / 2 : term;
            }
            coefficients[k] = 2 * sum / DEGREE;
        }
        coefficients[0] /= 2;
        coefficients[DEGREE] /= 2;
        return coefficients;
    }

    /** sum_k c_k T_k(u) by Clenshaw's recurrence. */
    private static double clenshaw(double[] coefficients, double u) {
        double next = 0;
        double current = 0;
        for (int k = coefficients.length - 1; k >= 1; k--) {
            double previous = 2 * u * current - next + coefficients[k];
            next = current;
            current = previous;
        }
        return u * current - next + coefficients[0];
    }

    /** ln(1 + y) to full relative accuracy for small y, without calling Math.log1p. */
    private static double log1p(double y) {
        double u = 1 + y;
        return u == 1 ? y : Math.log(u) * y / (u - 1);
    }

    private static void requireCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of training points must be >= 1, got " + n);
        }
    }

    private static void requireDimension(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("dimension d must be at least 2, got " + d);
        }
    }

    private static void requireRidge(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
    }
}
