package org.memoscope.theory;

import java.util.OptionalDouble;

/**
 * Latent recovery of one population eigenvector for any spectrum: the squared overlap
 * {@code Q_k = (v_k . u_k)^2} between the eigenvector v_k of the k-th largest population
 * eigenvalue lambda = lambda_k and the sample eigenvector u_k attached to it, for
 * n, d -&gt; infinity at load gamma = n/d.
 *
 * <p>Formula (outlier, or "distant spike", regime; Baik &amp; Silverstein, J. Multivariate
 * Anal. 97, 2006, and Bai &amp; Yao, J. Multivariate Anal. 106, 2012, for the location;
 * Benaych-Georges &amp; Nadakuditi, Adv. Math. 227, 2011, and Bun, Bouchaud &amp; Potters,
 * "Cleaning large correlation matrices", Phys. Rep. 666, 2017, for the overlap). With
 * {@code psi(x) = x (1 + c tau'(Sigma (x - Sigma)^(-1)))}, c = 1/gamma, where tau' sums
 * over the other eigenvalues only (those different from lambda), the sample eigenvalue sits at
 * psi(lambda) and {@code Q = lambda psi'(lambda) / psi(lambda)} when psi'(lambda) &gt; 0, and
 * the eigenvector is lost in the bulk (Q = O(1/d), reported as 0) otherwise. In terms of the
 * two load-independent sums
 * <pre>
 *   T1 = tau'(Sigma (lambda - Sigma)^(-1)),   T2 = tau'(Sigma^2 (lambda - Sigma)^(-2)),
 *   threshold gamma_k = T2,   Q(gamma) = (gamma - T2) / (gamma + T1)  above it,
 *   sample eigenvalue psi(lambda) = lambda (1 + T1 / gamma).
 * </pre>
 * Derivation in the resolvent language of {@link DeterministicEquivalent}: the bilinear form
 * {@code v^T (S + t)^(-1) v ≈ kappa(t) / (t (lambda + kappa(t)))} has a pole where
 * kappa(t) = -lambda, at t = -psi(lambda), whose residue is Q. For
 * {@code Sigma = I + beta v v^T} (T1 = 1/beta, T2 = 1/beta^2 as d -&gt; infinity) this is the
 * BBP formula of {@link BbpTransition}; for gamma -&gt; infinity it is second-order
 * perturbation theory, {@code 1 - Q ≈ (1/n) sum_j lambda lambda_j / (lambda - lambda_j)^2}.
 * T1 + T2 &gt; 0, so 0 &lt;= Q &lt; 1.
 *
 * <p>Finite d: the sums run over the actual d - m other eigenvalues (weight 1/d each), the
 * natural finite-d version, which differs from the d -&gt; infinity spiked formula by O(1/d).
 * A population eigenvalue of multiplicity m defines an m-dimensional factor: its m sample
 * outliers span a space that captures the share Q ({@link #eigenspaceRecovery}) of each
 * population vector, and by rotation invariance inside the factor each single overlap
 * {@code (v_k . u_k)^2} has mean Q/m ({@link #latentRecovery}). An isotropic bulk
 * (m of order d) thus gets the O(1/d) value it should.
 *
 * <p>Leakage (derived for this project; same ingredients). Split u = a v_k + w with w
 * orthogonal to v_k; the eigen-equation gives {@code w = a (mu - S')^(-1) b}, S' the sample
 * covariance without the v_k coordinate and b its cross term with v_k, whose covariance
 * is {@code (lambda / n) S'}. Averaging over the v_k coordinates of the data and using the
 * equivalent {@code mu (mu - S')^(-1) ≈ kappa (Sigma' + kappa)^(-1)} and its derivative in
 * mu at kappa = -lambda gives, for another eigenvector v_j,
 * <pre>
 *   (v_j . u_k)^2 ≈ lambda lambda_j / (d (lambda - lambda_j)^2 (gamma + T1)),
 * </pre>
 * which sums over j to exactly 1 - Q. Each term is O(1/d), but between the close top
 * eigenvalues of a power law it is what makes the top-r sample eigenspace capture more of
 * the top-r population eigenspace than the sum of the single overlaps
 * ({@link ModelDistances#eigenspaceDistance}).
 *
 * <p>Where it holds (seeded simulations, d = 500, 40 to 200 draws, the single overlap
 * {@code (v_k . u_k)^2} with u_k the k-th top sample eigenvector, which is what a simulation
 * measures): for factors at least twice their threshold the simulated mean lies 0.001 to
 * 0.03 below Q (power laws alpha = 0.5, 1, 1.5 with k = 1..3 and n = 100..300; spikes 3, 2,
 * 1), a finite-n bias that shrinks with n. Near the threshold the finite-n transition is
 * smooth rather than sharp (alpha = 0.5, gamma = 0.6, k = 4: 0.30 simulated, 0.20 theory;
 * a spike of strength 1 at gamma = 1/2, below its threshold 1: 0.02 simulated, 0 theory),
 * and for very small n (n = 20..50) factors reported as lost still carry overlaps of 0.1 to
 * 0.3. When neighbouring eigenvalues are closer than the sample fluctuation (about
 * {@code psi(lambda) sqrt(2/n)}) single sample eigenvectors mix; the expectation still
 * follows Q, but single draws scatter widely.
 */
public final class FactorRecovery {

    private final double eigenvalue;
    private final int multiplicity;
    private final int dimension;
    private final double firstSum;
    private final double secondSum;

    private FactorRecovery(double eigenvalue, int multiplicity, int dimension, double firstSum,
                           double secondSum) {
        this.eigenvalue = eigenvalue;
        this.multiplicity = multiplicity;
        this.dimension = dimension;
        this.firstSum = firstSum;
        this.secondSum = secondSum;
    }

    /**
     * The factor of the rank-th largest population eigenvalue (rank = 1..d with multiplicity;
     * every rank inside a multiple eigenvalue gives the same factor). The eigenvalue must be
     * positive: a zero eigenvalue defines no factor.
     */
    public static FactorRecovery of(PopulationSpectrum spectrum, int rank) {
        int index = spectrum.distinctIndexOfRank(rank);
        if (index < 0) {
            throw new IllegalArgumentException("population eigenvalue of rank " + rank
                    + " is 0 and defines no factor");
        }
        double lambda = spectrum.distinctValue(index);
        double first = 0;
        double second = 0;
        for (int j = 0; j < spectrum.distinctCount(); j++) {
            if (j == index) {
                continue;
            }
            double other = spectrum.distinctValue(j);
            double ratio = other / (lambda - other);
            first += spectrum.multiplicity(j) * ratio;
            second += spectrum.multiplicity(j) * ratio * ratio;
        }
        double d = spectrum.dimension();
        return new FactorRecovery(lambda, spectrum.multiplicity(index), spectrum.dimension(),
                first / d, second / d);
    }

    /** Q_k for the top {@code count} population eigenvalues (ranks 1..count) at one load. */
    public static double[] latentRecovery(PopulationSpectrum spectrum, int count, double gamma) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = of(spectrum, k + 1).latentRecovery(gamma);
        }
        return values;
    }

    /** The population eigenvalue lambda_k. */
    public double populationEigenvalue() {
        return eigenvalue;
    }

    /** Multiplicity m of the population eigenvalue. */
    public int multiplicity() {
        return multiplicity;
    }

    /** Load gamma_k = T2 above which the factor separates from the bulk. */
    public double threshold() {
        return secondSum;
    }

    /**
     * Q = (gamma - T2) / (gamma + T1) above the threshold, 0 at and below it: the share of
     * v_k in the span of the sample eigenvectors of its m outliers.
     */
    public double eigenspaceRecovery(double gamma) {
        requireLoad(gamma);
        if (gamma <= secondSum) {
            return 0;
        }
        return (gamma - secondSum) / (gamma + firstSum);
    }

    /** Expected single overlap {@code (v_k . u_k)^2} = Q / m. */
    public double latentRecovery(double gamma) {
        return eigenspaceRecovery(gamma) / multiplicity;
    }

    /**
     * Expected {@code (v_j . u_k)^2} between this factor's sample eigenvector u_k and the
     * population eigenvector v_j of a different eigenvalue lambda_j:
     * {@code lambda lambda_j / (d (lambda - lambda_j)^2 (gamma + T1))} above the threshold, 0
     * below. Summed over every other eigenvector (with multiplicity) it gives 1 - Q. O(1/d)
     * each, but not negligible between close top eigenvalues of a power law, where it is
     * what a top-r eigenspace gains over the sum of the single overlaps.
     */
    public double leakage(double otherEigenvalue, double gamma) {
        requireLoad(gamma);
        if (!(otherEigenvalue >= 0) || otherEigenvalue == eigenvalue
                || Double.isInfinite(otherEigenvalue)) {
            throw new IllegalArgumentException("the other eigenvalue must be finite, >= 0 and "
                    + "differ from " + eigenvalue + ", got " + otherEigenvalue);
        }
        if (gamma <= secondSum) {
            return 0;
        }
        double gap = eigenvalue - otherEigenvalue;
        double scale = (double) dimension * gap * gap * (gamma + firstSum);
        return eigenvalue * otherEigenvalue / scale;
    }

    /** Limit of the sample eigenvalue attached to the factor, present above the threshold. */
    public OptionalDouble outlierEigenvalue(double gamma) {
        requireLoad(gamma);
        if (gamma <= secondSum) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(eigenvalue * (1 + firstSum / gamma));
    }

    private static void requireLoad(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("load ratio gamma must be finite and > 0, got "
                    + gamma);
        }
    }
}
