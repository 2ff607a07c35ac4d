package org.memoscope.sim;

/**
 * Asymptotic values the simulation is checked against, computed here from their
 * closed forms (theory.md, section 4) so the simulation tests stand on their own.
 *
 * <ul>
 *   <li>Convergence {@code q(gamma, lambda) = (E sqrt(x + lambda))^2 / (1 + lambda)},
 *       x from the unit-variance Marchenko-Pastur law with ratio c = 1/gamma
 *       (Marchenko and Pastur, Math. USSR Sb. 1, 1967): density
 *       {@code sqrt((b - x)(x - a)) / (2 pi c x)} on {@code [a, b] = [(1 -+ sqrt c)^2]},
 *       plus an atom {@code 1 - 1/c} at 0 when c &gt; 1.</li>
 *   <li>Latent recovery {@code Q = (1 - 1/(gamma beta^2)) / (1 + 1/(gamma beta))}
 *       above {@code gamma = 1/beta^2}, 0 below (Baik, Ben Arous and Peche 2005;
 *       Paul 2007).</li>
 * </ul>
 */
final class TheoryReference {

    /** Midpoint nodes in the angle; the error is below 1e-8 (checked against q(1)). */
    private static final int NODES = 20_000;

    private TheoryReference() {
    }

    /** q(gamma) with ridge lambda. */
    static double convergence(double loadRatio, double ridge) {
        double rootMean = marchenkoPasturMean(1 / loadRatio, ridge);
        return rootMean * rootMean / (1 + ridge);
    }

    /** Q for one spike of strength beta at load gamma. */
    static double latentRecovery(double loadRatio, double spikeStrength) {
        double beta = spikeStrength;
        if (loadRatio * beta * beta <= 1) {
            return 0;
        }
        return (1 - 1 / (loadRatio * beta * beta)) / (1 + 1 / (loadRatio * beta));
    }

    /**
     * {@code E sqrt(x + shift)} under MP(c), by the midpoint rule after
     * {@code x = (a + b)/2 + (b - a)/2 cos(theta)}, which removes the square-root
     * edges of the density.
     */
    static double marchenkoPasturMean(double ratio, double shift) {
        double root = Math.sqrt(ratio);
        double lower = (1 - root) * (1 - root);
        double upper = (1 + root) * (1 + root);
        double halfWidth = (upper - lower) / 2;
        double sum = 0;
        for (int i = 0; i < NODES; i++) {
            double theta = Math.PI * (i + 0.5) / NODES;
            double x = (lower + upper) / 2 + halfWidth * Math.cos(theta);
            double sine = Math.sin(theta);
            sum += Math.sqrt(x + shift) * halfWidth * halfWidth * sine * sine
                    / (2 * Math.PI * ratio * x);
        }
        double mean = sum * Math.PI / NODES;
        if (ratio > 1) {
            mean += (1 - 1 / ratio) * Math.sqrt(shift);
        }
        return mean;
    }
}
