package org.memoscope.theory;

/**
 * Two kinds of distance between learnt and true linear generative models (theory note,
 * §4.2, last paragraph): a bulk one that q tracks and a spectral one that Q tracks.
 *
 * <p><b>Bulk.</b> Model a samples {@code x_a(z) = R_a z}, {@code R_a = (S_a + r)^(1/2)}.
 * <ul>
 *   <li>Paired samples. Exactly, {@code E_z |x_1(z) - x_2(z)|^2 = Tr R_1^2 + Tr R_2^2 - 2 Tr
 *       R_1 R_2}; divided by the mean energy {@code (Tr R_1^2 + Tr R_2^2)/2} this is
 *       {@code 2 (1 - q)} with q in its trace form (the quantity
 *       {@link DeterministicEquivalent#convergence(double, double)} computes; the energies of
 *       both models tend to {@code d (tau(Sigma) + r)}). The shared seed is one transport plan
 *       between the two learnt Gaussians, so this bounds their squared Wasserstein-2 distance
 *       from above: the optimal plan replaces {@code Tr R_1 R_2} by the trace norm of
 *       R_1 R_2, which is larger unless the two commute.</li>
 *   <li>Learnt to true. {@code W2^2(N(0, S), N(0, Sigma)) = Tr S + Tr Sigma - 2 Tr (Sigma^(1/2)
 *       S Sigma^(1/2))^(1/2)} (Dowson &amp; Landau, J. Multivariate Anal. 12, 1982; Olkin &amp;
 *       Pukelsheim, Linear Algebra Appl. 48, 1982). {@code Sigma^(1/2) S Sigma^(1/2)} is the
 *       sample covariance of {@code Sigma g ~ N(0, Sigma^2)} from the same n draws, so its
 *       square root has the deterministic equivalent of the spectrum Sigma^2, and with
 *       {@code E Tr S = Tr Sigma}:
 *       <pre>  W2^2 / Tr Sigma ≈ 2 (1 - tau(F_{Sigma^2}(Sigma^2)) / tau(Sigma)).</pre>
 *       For Sigma = I, {@code tau(F) = E_MP sqrt(lambda) = sqrt(q)}, giving
 *       {@code 2 (1 - sqrt q)}. For other spectra q alone does not fix it: it needs the
 *       square-root equivalent of Sigma^2, not of Sigma. Seeded simulations at d = 1000
 *       (alpha = 0.5, 1, 1.5; gamma = 1/4 and 1/2) agree to 0.0025.</li>
 * </ul>
 *
 * <p><b>Spectral.</b> The squared chordal distance between the top-r population eigenspace
 * V and the top-r sample eigenspace U, {@code ||P_V - P_U||_F^2 / 2 = r - ||V^T U||_F^2 =
 * sum_i sin^2 theta_i} over the principal angles (Edelman, Arias &amp; Smith, SIAM J. Matrix
 * Anal. Appl. 20, 1998), in [0, r]. Its theory value uses the overlaps of
 * {@link FactorRecovery}: {@code (v_k . u_k)^2 = Q_k} on the diagonal and the leakage
 * {@code (v_j . u_k)^2} between different top factors off it. The leakage is O(1/d) per pair
 * but, between the close top eigenvalues of a power law, it is what keeps the eigenspace
 * better recovered than the sum of the single overlaps suggests. For Sigma = I plus spikes it
 * tends to {@code r - sum_k Q_k} with the BBP values.
 */
public final class ModelDistances {

    private ModelDistances() {
    }

    /**
     * {@code E_z |x_1(z) - x_2(z)|^2} over the mean sample energy, {@code 2 (1 - q)}, for q in
     * its trace form; in [0, 2] for q in [0, 1].
     */
    public static double pairedSampleDistance(double convergence) {
        if (!(convergence >= -1 && convergence <= 1)) {
            throw new IllegalArgumentException("convergence q must be in [-1, 1], got "
                    + convergence);
        }
        return 2 * (1 - convergence);
    }

    /** {@code W2^2(N(0, S), N(0, I)) / d = 2 (1 - sqrt q)} for isotropic data, no ridge. */
    public static double isotropicWassersteinToPopulation(double gamma) {
        return 2 * (1 - Math.sqrt(MarchenkoPastur.convergence(gamma)));
    }

    /**
     * {@code W2^2(N(0, S), N(0, Sigma)) / Tr Sigma ≈ 2 (1 - tau(F_{Sigma^2}(Sigma^2)) /
     * tau(Sigma))}, no ridge, at each load; the equivalent of Sigma^2 is built once.
     */
    public static double[] wassersteinToPopulation(PopulationSpectrum spectrum,
                                                   double[] loadRatios) {
        DeterministicEquivalent squared = DeterministicEquivalent.of(spectrum.squared());
        double[] values = new double[loadRatios.length];
        for (int i = 0; i < loadRatios.length; i++) {
            double root = squared.meanSquareRoot(loadRatios[i], 0);
            values[i] = Math.max(0, 2 * (1 - root / spectrum.mean()));
        }
        return values;
    }

    /** {@link #wassersteinToPopulation(PopulationSpectrum, double[])} at one load. */
    public static double wassersteinToPopulation(PopulationSpectrum spectrum, double gamma) {
        return wassersteinToPopulation(spectrum, new double[] {gamma})[0];
    }

    /**
     * Theory value of {@code r - ||V^T U||_F^2} for the top {@code rank} eigenspaces, in
     * [0, rank]. When rank cuts through a multiple eigenvalue, the population eigenspace is
     * not unique and the value is the mean over a random choice inside that eigenvalue's
     * eigenspace.
     */
    public static double eigenspaceDistance(PopulationSpectrum spectrum, int rank,
                                            double gamma) {
        if (rank < 1 || rank > spectrum.dimension()) {
            throw new IllegalArgumentException("rank must be in 1.." + spectrum.dimension()
                    + ", got " + rank);
        }
        int positive = spectrum.dimension() - spectrum.zeroCount();
        double captured = 0;
        for (int sample = 1; sample <= Math.min(rank, positive); sample++) {
            FactorRecovery factor = FactorRecovery.of(spectrum, sample);
            for (int population = 1; population <= rank; population++) {
                double other = spectrum.largest(population);
                captured += other == factor.populationEigenvalue()
                        ? factor.latentRecovery(gamma)
                        : factor.leakage(other, gamma);
            }
        }
        return Math.max(0, rank - captured);
    }
}
