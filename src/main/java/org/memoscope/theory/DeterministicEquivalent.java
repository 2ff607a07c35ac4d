package org.memoscope.theory;

/**
 * Convergence q for any population spectrum, from the deterministic equivalent of the
 * resolvent of the sample covariance (theory note, §4.1).
 *
 * <p>For {@code S = (1/n) sum_mu x_mu x_mu^T}, {@code x_mu ~ N(0, Sigma)}, {@code c = d/n =
 * 1/gamma}: {@code t (S + t)^(-1) ≈ kappa(t) (Sigma + kappa(t))^(-1)} for t &gt; 0, where
 * {@code kappa(t) > 0} solves
 * <pre>
 *   t = h(kappa) = kappa (1 - c m(kappa)),   m(kappa) = tau(Sigma (Sigma + kappa)^(-1))
 * </pre>
 * (Silverstein &amp; Bai, J. Multivariate Anal. 54, 1995; in this resolvent form e.g. Bach,
 * "High-dimensional analysis of double descent for linear regression with random
 * projections", SIAM J. Math. Data Sci., 2024). h is convex and increasing for kappa above
 * {@code kappa_0}, the largest root of h (kappa_0 &gt; 0 solves {@code c m(kappa_0) = 1} when
 * n is below the rank of Sigma, else kappa_0 = 0), so kappa(t) is found by safeguarded
 * Newton steps inside the bracket {@code [max(kappa_0, t), t + c tau(Sigma)]}.
 *
 * <p>With {@code sqrt(A) = (1/pi) ∫_0^∞ t^(-1/2) A (A + t)^(-1) dt}, and a ridge r &gt;= 0,
 * {@code (S + r)(S + r + t)^(-1) = I - (t/(t + r)) (t + r)(S + t + r)^(-1)}, so
 * {@code (S + r)^(1/2) ≈ F_r(Sigma)} with
 * <pre>
 *   F_r(lambda) = (1/pi) ∫_0^∞ t^(-1/2) [lambda + r kappa / (t + r)] / (lambda + kappa) dt,
 *   kappa = kappa(t + r);   q = tau(F_r(Sigma)^2) / (tau(Sigma) + r).
 * </pre>
 * Independent S1, S2 give {@code tau((S1 + r)^(1/2) (S2 + r)^(1/2)) ≈ tau(F_r(Sigma)^2)}:
 * this is the trace form of q, {@code tau(S1^(1/2) S2^(1/2)) / sqrt(tau(S1) tau(S2))}.
 * Simulations at d = 1000 (alpha = 0.5, 1, 1.5; gamma = 1/4, 1, 4) match it to 0.004
 * (0.001 for gamma &gt;= 1). The mean over seeds of {@code cos(S1^(1/2) z, S2^(1/2) z)}
 * equals it only when |x|^2 concentrates: for flat spectra (alpha = 0.5, within 0.001), not
 * for steep ones, where a few modes carry most of |x|^2 and the mean cosine is lower (by
 * 0.02 at alpha = 1 and 1.5 for gamma = 1/4, 0.005 at alpha = 1.5 for gamma = 1, 0.001 for
 * gamma = 4).
 *
 * <p>Numerics. The integral is taken over kappa instead of t ({@code t + r = h(kappa)},
 * {@code dt = h'(kappa) dkappa}), which needs no root finding at all: only the base point
 * {@code kappa_b = kappa(r)} is solved for. With {@code kappa = kappa_b + e^s}, the integrand
 * is {@code (1/pi) sqrt(e^s / D) h' [lambda + r kappa / h] / (lambda + kappa)}, where
 * {@code h - r = e^s D} and
 * <pre>
 *   D  = r_b + c kappa tau(Sigma (Sigma + kappa)^(-1) (Sigma + kappa_b)^(-1)),
 *   h' = r_b + c e^s tau(Sigma (Sigma + kappa)^(-1) (Sigma + kappa_b)^(-1))
 *            + c kappa tau(Sigma (Sigma + kappa)^(-2)),      r_b = 1 - c m(kappa_b),
 * </pre>
 * all sums of positive terms, free of cancellation near kappa_b. The integrand is analytic
 * in the strip |Im s| &lt; pi (every zero of h - r and pole of its factors lies at kappa &lt;
 * kappa_b, as h - r times the product of (lambda_j + kappa) has only real roots), so the
 * trapezoidal rule converges geometrically in the step (about exp(-2 pi^2 / step)); step
 * 0.75 errs by about 1e-10. Beyond the scales of the problem (kappa_b, the ridge, the extreme
 * eigenvalues, c tau(Sigma), and {@code r_b / (c tau(Sigma^(-1)))} where D turns over when
 * kappa_b = 0) the integrand decays like e^(-s/2) above and like e^(s/2) below (e^s when
 * kappa_b = r_b = 0); the rule runs 38 units further on each side and adds the two tails in
 * closed form from that decay. Measured error: 5e-10 against Marchenko–Pastur for gamma in
 * [1e-3, 1e3] and ridge up to 10, 1.4e-10 against a rule with step 0.25 and 70-unit tails on
 * power laws and a rank-deficient spectrum. Eigenvalues below 1e-40 of the largest scale are
 * not resolved (their share of any trace is below 1e-40). The spectrum is first compressed
 * ({@link CompressedSpectrum}: isolated top eigenvalues exact, dense parts as two-point
 * Gauss rules per bin), which changes q by at most 3e-8 (measured).
 * For Sigma = I this reproduces {@link MarchenkoPastur#convergence(double, double)}.
 *
 * <p>Immutable and thread-safe; one instance per spectrum, many loads.
 */
public final class DeterministicEquivalent {

    /** Trapezoidal step in s = ln(kappa - kappa_b). */
    private static final double STEP = 0.75;
    /** Extent in s of the rule beyond the problem's scales on either side. */
    private static final double TAIL = 38;
    /** Scales below this fraction of the largest one are not resolved. */
    private static final double SMALLEST_SCALE = 1e-40;
    private static final int MAX_ITERATIONS = 400;

    private final CompressedSpectrum spectrum;

    private DeterministicEquivalent(CompressedSpectrum spectrum) {
        this.spectrum = spectrum;
    }

    /** The equivalent of {@code spectrum}, compressed with the default bin width. */
    public static DeterministicEquivalent of(PopulationSpectrum spectrum) {
        return new DeterministicEquivalent(
                CompressedSpectrum.of(spectrum, CompressedSpectrum.DEFAULT_BIN_WIDTH));
    }

    /** The equivalent over every distinct eigenvalue, without compression (slower). */
    public static DeterministicEquivalent exact(PopulationSpectrum spectrum) {
        return new DeterministicEquivalent(CompressedSpectrum.exact(spectrum));
    }

    /** Number of weighted eigenvalues the computation runs over after compression. */
    public int nodeCount() {
        return spectrum.size();
    }

    /** tau(Sigma). */
    public double populationMean() {
        return spectrum.mean;
    }

    /**
     * kappa_0 = lim kappa(t) as t -&gt; 0: the root of {@code c m(kappa) = 1} when
     * {@code c (1 - zero share) > 1} (fewer samples than non-zero eigenvalues), else 0.
     */
    public double kappaAtZero(double gamma) {
        requireLoad(gamma);
        double c = 1 / gamma;
        double excess = c * spectrum.nonzeroShare - 1;
        if (!(excess > 0)) {
            return 0;
        }
        // Jensen's inequality on lambda/(lambda + kappa), concave in lambda and convex in
        // 1/lambda, brackets the root.
        double share = spectrum.nonzeroShare;
        double lower = excess * share / spectrum.meanInverse;
        double upper = excess * spectrum.mean / share;
        return solveIncreasing(kappa -> {
            double[] sums = resolventSums(kappa);
            return new double[] {1 - c * sums[0], c * sums[1]};
        }, lower, upper);
    }

    /** kappa(t) &gt; 0 solving {@code t = kappa (1 - c m(kappa))}, for t &gt;= 0. */
    public double kappa(double t, double gamma) {
        requireLoad(gamma);
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
        double floor = kappaAtZero(gamma);
        if (t == 0) {
            return floor;
        }
        double c = 1 / gamma;
        double floorResidual = floor > 0 ? 0 : Math.max(0, 1 - c * spectrum.nonzeroShare);
        double lower = Math.max(floor, t);
        double upper = t + c * spectrum.mean;
        // 1 - c m(kappa) = [1 - c m(floor)] + c (kappa - floor) tau(Sigma / ((Sigma + kappa)
        // (Sigma + floor))): no cancellation as kappa approaches the floor.
        return solveIncreasing(kappa -> {
            double excess = kappa - floor;
            double mixed = 0;
            double squared = 0;
            for (int j = 0; j < spectrum.size(); j++) {
                double lambda = spectrum.values[j];
                double inverse = 1 / (lambda + kappa);
                double term = spectrum.weights[j] * lambda * inverse;
                mixed += term / (lambda + floor);
                squared += term * inverse;
            }
            double residual = floorResidual + c * excess * mixed;
            return new double[] {kappa * residual - t, residual + c * kappa * squared};
        }, lower, upper);
    }

    /** F_r(lambda), the deterministic equivalent of (S + r)^(1/2) at eigenvalue lambda. */
    public double squareRootEquivalent(double lambda, double gamma, double ridge) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        return squareRoots(gamma, ridge, lambda)[spectrum.size() + 1];
    }

    /** tau(F_r(Sigma)) ≈ tau((S + r)^(1/2)). */
    public double meanSquareRoot(double gamma, double ridge) {
        double[] roots = squareRoots(gamma, ridge, 0);
        double sum = spectrum.zeroShare * roots[spectrum.size()];
        for (int j = 0; j < spectrum.size(); j++) {
            sum += spectrum.weights[j] * roots[j];
        }
        return sum;
    }

    /** q(gamma) = tau(F(Sigma)^2) / tau(Sigma), no ridge. */
    public double convergence(double gamma) {
        return convergence(gamma, 0);
    }

    /** q(gamma, r) = tau(F_r(Sigma)^2) / (tau(Sigma) + r). */
    public double convergence(double gamma, double ridge) {
        double[] roots = squareRoots(gamma, ridge, 0);
        double atZero = roots[spectrum.size()];
        double sum = spectrum.zeroShare * atZero * atZero;
        for (int j = 0; j < spectrum.size(); j++) {
            sum += spectrum.weights[j] * roots[j] * roots[j];
        }
        return sum / (spectrum.mean + ridge);
    }

    /** q at every load of {@code loadRatios}, same ridge. */
    public double[] convergence(double[] loadRatios, double ridge) {
        double[] values = new double[loadRatios.length];
        for (int i = 0; i < loadRatios.length; i++) {
            values[i] = convergence(loadRatios[i], ridge);
        }
        return values;
    }

    /** {tau(Sigma (Sigma + kappa)^(-1)), tau(Sigma (Sigma + kappa)^(-2))}. */
    private double[] resolventSums(double kappa) {
        double first = 0;
        double second = 0;
        for (int j = 0; j < spectrum.size(); j++) {
            double lambda = spectrum.values[j];
            double inverse = 1 / (lambda + kappa);
            double term = spectrum.weights[j] * lambda * inverse;
            first += term;
            second += term * inverse;
        }
        return new double[] {first, second};
    }

    /**
     * F_r at every compressed eigenvalue (indices 0..size-1), at 0 (index size) and at
     * {@code extra} (index size + 1), by the trapezoidal rule in s. Each node's
     * {@code 1/(lambda_j + kappa)} serves both the node's weight and the values of F_r.
     */
    private double[] squareRoots(double gamma, double ridge, double extra) {
        requireLoad(gamma);
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
        double c = 1 / gamma;
        double base = ridge > 0 ? kappa(ridge, gamma) : kappaAtZero(gamma);
        double baseResidual;
        if (ridge > 0) {
            baseResidual = ridge / base;
        } else if (base > 0) {
            baseResidual = 0;
        } else {
            baseResidual = Math.max(0, 1 - c * spectrum.nonzeroShare);
        }

        double largestScale = Math.max(Math.max(spectrum.largest(), base),
                c * spectrum.mean + ridge);
        double smallestScale = smallestScale(c, ridge, base, baseResidual);
        smallestScale = Math.max(smallestScale, SMALLEST_SCALE * largestScale);
        double from = Math.log(smallestScale) - TAIL;
        double to = Math.log(largestScale) + TAIL;
        int count = (int) Math.ceil((to - from) / STEP) + 1;

        int size = spectrum.size();
        double[] values = spectrum.values;
        double[] baseFactor = new double[size];
        for (int j = 0; j < size; j++) {
            baseFactor[j] = spectrum.weights[j] * values[j] / (values[j] + base);
        }
        double[] roots = new double[size + 2];
        double[] inverse = new double[size];
        Node lowest = null;
        Node secondLowest = null;
        Node highest = null;
        double growth = Math.exp(STEP);
        double excess = Math.exp(from) / growth;
        for (int i = 0; i < count; i++) {
            excess *= growth;
            double kappa = base + excess;
            double mixed = 0;
            double squared = 0;
            for (int j = 0; j < size; j++) {
                double inv = 1 / (values[j] + kappa);
                inverse[j] = inv;
                mixed += baseFactor[j] * inv;
                squared += spectrum.weights[j] * values[j] * inv * inv;
            }
            double shape = baseResidual + c * kappa * mixed;
            double derivative = baseResidual + c * excess * mixed + c * kappa * squared;
            Node node = new Node(kappa, Math.sqrt(excess / shape) * derivative / Math.PI,
                    ridge * kappa / (ridge + excess * shape));
            node.addTo(roots, values, inverse, STEP, extra);
            if (i == 0) {
                lowest = node.keeping(inverse);
            } else if (i == 1) {
                secondLowest = node;
            }
            if (i == count - 1) {
                highest = node.keeping(inverse);
            }
        }
        // The tails beyond both ends, in closed form: the integrand decays like exp(-s/2)
        // above the range and like exp(rate s) below it, where rate (1/2, or 1 when
        // kappa_b = 0 = r_b) is read off the two lowest nodes. The end nodes had a full step
        // and need half a step plus the tail.
        double lowerRate = Math.log(secondLowest.value / lowest.value) / STEP;
        double lowerTail = lowerRate > 0.25 ? 1 / lowerRate : 0;
        lowest.addTo(roots, values, lowest.inverse, lowerTail - STEP / 2, extra);
        highest.addTo(roots, values, highest.inverse, 2 - STEP / 2, extra);
        return roots;
    }

    /**
     * One node of the rule: the integrand is {@code value (lambda + ridgeTerm) / (lambda +
     * kappa)}.
     */
    private static final class Node {
        final double kappa;
        final double value;
        final double ridgeTerm;
        double[] inverse;

        Node(double kappa, double value, double ridgeTerm) {
            this.kappa = kappa;
            this.value = value;
            this.ridgeTerm = ridgeTerm;
        }

        Node keeping(double[] inverses) {
            inverse = inverses.clone();
            return this;
        }

        /** Adds weight times the integrand at every eigenvalue, at 0 and at {@code extra}. */
        void addTo(double[] roots, double[] values, double[] inverses, double weight,
                   double extra) {
            double scale = weight * value;
            int size = values.length;
            for (int j = 0; j < size; j++) {
                roots[j] += scale * (values[j] + ridgeTerm) * inverses[j];
            }
            roots[size] += scale * ridgeTerm / kappa;
            roots[size + 1] += scale * (extra + ridgeTerm) / (extra + kappa);
        }
    }

    /** The smallest e^s at which the integrand still changes its behaviour. */
    private double smallestScale(double c, double ridge, double base, double baseResidual) {
        double scale = base > 0 ? base : spectrum.smallest();
        if (ridge > 0) {
            // h - r = e^s D with D <= 1: the ridge term r / h turns over at e^s >= r.
            scale = Math.min(scale, ridge);
        }
        if (base == 0 && baseResidual > 0) {
            // D = r_b + c kappa tau(1/(Sigma + kappa)) turns from linear to constant here.
            scale = Math.min(scale, baseResidual / (c * spectrum.meanInverse));
        }
        return scale;
    }

    /** f and f' at a point. */
    private interface ValueAndSlope {
        double[] at(double x);
    }

    /**
     * Root of an increasing function on [lower, upper] (f(lower) &lt;= 0 &lt;= f(upper) up to
     * roundoff) by Newton steps, falling back to bisection (geometric when the bracket spans
     * more than a factor 4) whenever a step leaves the bracket or fails to halve it.
     */
    private static double solveIncreasing(ValueAndSlope function, double lower, double upper) {
        double lo = lower;
        double hi = upper;
        if (!(hi > lo)) {
            return Math.max(lo, hi);
        }
        double x = hi;
        double previousWidth = hi - lo;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] values = function.at(x);
            double f = values[0];
            if (f == 0) {
                return x;
            }
            if (f > 0) {
                hi = x;
            } else {
                lo = x;
            }
            double next = x - f / values[1];
            boolean newtonUsable = values[1] > 0 && next > lo && next < hi
                    && Math.abs(next - x) < 0.5 * previousWidth;
            if (!newtonUsable) {
                next = lo > 0 && hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            }
            previousWidth = Math.abs(next - x);
            if (previousWidth <= 4e-16 * Math.abs(next) || hi - lo <= 4e-16 * hi) {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static void requireLoad(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("load ratio gamma must be finite and > 0, got "
                    + gamma);
        }
    }
}
