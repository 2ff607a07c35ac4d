package org.memoscope.theory;

/**
 * Latent recovery in the spiked covariance model {@code Sigma = I + beta v v^T}: the
 * Baik–Ben Arous–Péché phase transition (Baik, Ben Arous &amp; Péché, Ann. Probab. 33,
 * 2005) and the eigenvector overlap of the sample covariance (Paul, Statist. Sinica 17,
 * 2007), for n, d -&gt; infinity at load gamma = n/d:
 * <pre>
 *   threshold          gamma_c = 1 / beta^2
 *   Q = (v . u)^2      0 if gamma &lt;= 1/beta^2,
 *                      else (1 - 1/(gamma beta^2)) / (1 + 1/(gamma beta))
 *   top eigenvalue     (1 + beta)(1 + 1/(gamma beta)) above threshold, else the bulk edge
 *                      (1 + 1/sqrt gamma)^2
 * </pre>
 * Q and the top eigenvalue are continuous at the threshold, where both formulas give
 * Q = 0 and (1 + beta)^2. The eigenvalues are those of S itself: a ridge lambda shifts
 * every eigenvalue of S + lambda I by lambda and leaves the eigenvectors, hence Q,
 * unchanged. For beta = 0 there is no spike: the threshold is +Infinity, Q = 0 and the
 * top eigenvalue is the bulk edge.
 */
public final class BbpTransition {

    private BbpTransition() {
    }

    /** gamma_c = 1/beta^2; +Infinity for beta = 0. */
    public static double threshold(double beta) {
        requireStrength(beta);
        return beta == 0 ? Double.POSITIVE_INFINITY : 1 / (beta * beta);
    }

    /** Q = (v . u)^2 in the limit, 0 at and below the threshold. */
    public static double latentRecovery(double gamma, double beta) {
        requireLoad(gamma);
        requireStrength(beta);
        if (beta == 0 || gamma * beta * beta <= 1) {
            return 0;
        }
        return (1 - 1 / (gamma * beta * beta)) / (1 + 1 / (gamma * beta));
    }

    /** Limit of the sample eigenvalue attached to the spike: separated above threshold. */
    public static double topEigenvalue(double gamma, double beta) {
        requireLoad(gamma);
        requireStrength(beta);
        if (beta == 0 || gamma * beta * beta <= 1) {
            return MarchenkoPastur.bulkEdge(gamma);
        }
        return (1 + beta) * (1 + 1 / (gamma * beta));
    }

    private static void requireLoad(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("load ratio gamma must be finite and > 0, got "
                    + gamma);
        }
    }

    private static void requireStrength(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("spike strength beta must be finite and >= 0, got "
                    + beta);
        }
    }
}
