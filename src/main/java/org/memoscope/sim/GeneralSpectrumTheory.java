package org.memoscope.sim;

import org.memoscope.theory.DeterministicEquivalent;
import org.memoscope.theory.FactorRecovery;
import org.memoscope.theory.PopulationSpectrum;

/**
 * {@link SpectrumTheory} from the theory package for a list of population eigenvalues:
 * q(gamma) from {@link DeterministicEquivalent#convergence(double)}, the limit of the trace
 * form {@code tau(S1^(1/2) S2^(1/2)) / tau(Sigma)}, and Q_k(gamma) from
 * {@link FactorRecovery#eigenspaceRecovery(double)}, the share of a population eigenvector
 * captured by the sample eigenvectors of its group of equal eigenvalues, which is the mean of
 * the group-wise overlap {@link DataExperiment} measures ({@link FactorGroups}).
 *
 * <p>Measured against the experiment (power-law spectra at d = 1000, alpha 0.5 to 1.5): the
 * trace form agrees within its standard error; the mean cosine of paired samples lies below
 * it by up to about 2% at gamma &lt; 1 for steep spectra, where a few directions carry much of
 * the trace and the cosine of single samples does not concentrate.
 */
final class GeneralSpectrumTheory implements SpectrumTheory {

    private final PopulationSpectrum spectrum;
    private final DeterministicEquivalent equivalent;

    GeneralSpectrumTheory(double[] eigenvalues) {
        this.spectrum = PopulationSpectrum.of(eigenvalues);
        this.equivalent = DeterministicEquivalent.of(spectrum);
    }

    @Override
    public double convergence(double loadRatio) {
        return equivalent.convergence(loadRatio);
    }

    /** Q_k; NaN when the eigenvalue of rank k is 0 (no factor to recover). */
    @Override
    public double latentRecovery(double loadRatio, int factor) {
        if (!(spectrum.largest(factor) > 0)) {
            return Double.NaN;
        }
        return FactorRecovery.of(spectrum, factor).eigenspaceRecovery(loadRatio);
    }
}
