package org.memoscope.theory;

import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;

/**
 * The asymptotic order parameters of the spiked linear model {@code Sigma = I + sum_k
 * beta_k v_k v_k^T} (theory note, §4), assembled from the formula classes:
 * <ul>
 *   <li>convergence {@code q(gamma, lambda)} from {@link MarchenkoPastur} (spike-free: finite
 *       rank spikes change normalised traces by O(1/d));</li>
 *   <li>memorisation {@code m(n, d, lambda)} from {@link Memorisation#finiteDimension}, with
 *       {@code n = ExplorerParameters.sampleCount(gamma, d)};</li>
 *   <li>latent recovery {@code Q_k(gamma)} and the BBP thresholds and top eigenvalues from
 *       {@link BbpTransition}, independent of the ridge.</li>
 * </ul>
 * Every value is finite for gamma in [1e-3, 1e3], beta in [0, 10], lambda in [0, 10] and
 * d in [2, 4096], except the BBP threshold of a spike with beta = 0, which is +Infinity
 * (such a spike is never recovered: Q = 0 and its eigenvalue stays at the bulk edge).
 * Top eigenvalues are those of S, without the ridge shift lambda.
 */
public final class SpikedTheory {

    private SpikedTheory() {
    }

    /** q, m, Q_k on the grid for the spikes, ridge and dimension of {@code parameters}. */
    public static TheoryCurves curves(ExplorerParameters parameters, double[] loadRatios) {
        int size = loadRatios.length;
        int dimension = parameters.dimension();
        double ridge = parameters.ridge();
        double[] spikes = parameters.spikeStrengths();
        double[] convergence = new double[size];
        double[] memorisation = new double[size];
        double[][] latentRecovery = new double[spikes.length][size];
        for (int i = 0; i < size; i++) {
            double gamma = loadRatios[i];
            convergence[i] = MarchenkoPastur.convergence(gamma, ridge);
            int n = ExplorerParameters.sampleCount(gamma, dimension);
            memorisation[i] = Memorisation.finiteDimension(n, dimension, ridge);
            for (int k = 0; k < spikes.length; k++) {
                latentRecovery[k][i] = BbpTransition.latentRecovery(gamma, spikes[k]);
            }
        }
        return new TheoryCurves(parameters, loadRatios, convergence, memorisation,
                latentRecovery);
    }

    /** All asymptotic values at {@code parameters.loadRatio()}. */
    public static TheoryReadout readout(ExplorerParameters parameters) {
        double gamma = parameters.loadRatio();
        int n = parameters.sampleCount();
        double[] spikes = parameters.spikeStrengths();
        double[] latentRecovery = new double[spikes.length];
        double[] thresholds = new double[spikes.length];
        double[] topEigenvalues = new double[spikes.length];
        for (int k = 0; k < spikes.length; k++) {
            latentRecovery[k] = BbpTransition.latentRecovery(gamma, spikes[k]);
            thresholds[k] = BbpTransition.threshold(spikes[k]);
            topEigenvalues[k] = BbpTransition.topEigenvalue(gamma, spikes[k]);
        }
        double convergence = MarchenkoPastur.convergence(gamma, parameters.ridge());
        double memorisation = Memorisation.finiteDimension(n, parameters.dimension(),
                parameters.ridge());
        return new TheoryReadout(gamma, n, convergence, memorisation, latentRecovery,
                thresholds, topEigenvalues, MarchenkoPastur.bulkEdge(gamma));
    }
}
