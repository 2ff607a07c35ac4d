package org.memoscope.sim;

/**
 * The asymptotic prediction that goes beside a {@link DataExperiment}: convergence q and
 * latent recovery Q_k as functions of the load gamma = n / d for the source's own population
 * (or full-data) eigenvalues (theory.md, sections 4.1-4.2: the deterministic equivalent of
 * the resolvent for q, the Ledoit–Péché overlaps for Q_k).
 */
public interface SpectrumTheory {

    /** q(gamma), the value the trace form of the convergence tends to. */
    double convergence(double loadRatio);

    /** Q_k(gamma) for population rank k = 1..r. */
    double latentRecovery(double loadRatio, int factor);

    /** The theory for the eigenvalues of {@code source}. */
    static SpectrumTheory of(DataSource source) {
        return new PendingSpectrumTheory(source.description());
    }
}
