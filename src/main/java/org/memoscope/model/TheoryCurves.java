package org.memoscope.model;

/**
 * Asymptotic order parameters of the spiked linear model on a grid of loads.
 * Arrays are indexed by grid point; {@code latentRecovery[k][i]} is Q_k at
 * {@code loadRatios[i]}. Immutable: accessors return copies.
 *
 * @param parameters     the view these curves were computed for (spikes, ridge, d)
 * @param loadRatios     gamma grid, increasing
 * @param convergence    q(gamma), independent of the spikes
 * @param memorisation   m(n = gamma d, d, lambda), the finite-d approximation
 * @param latentRecovery Q_k(gamma), one row per spike
 */
public record TheoryCurves(ExplorerParameters parameters, double[] loadRatios,
                           double[] convergence, double[] memorisation,
                           double[][] latentRecovery) {

    public TheoryCurves {
        int size = loadRatios.length;
        if (convergence.length != size || memorisation.length != size) {
            throw new IllegalArgumentException("curve lengths differ from the grid");
        }
        loadRatios = loadRatios.clone();
        convergence = convergence.clone();
        memorisation = memorisation.clone();
        double[][] rows = new double[latentRecovery.length][];
        for (int k = 0; k < rows.length; k++) {
            if (latentRecovery[k].length != size) {
                throw new IllegalArgumentException("latent recovery row " + k + " has wrong length");
            }
            rows[k] = latentRecovery[k].clone();
        }
        latentRecovery = rows;
    }

    public int size() {
        return loadRatios.length;
    }

    public double loadRatio(int i) {
        return loadRatios[i];
    }

    public double convergence(int i) {
        return convergence[i];
    }

    public double memorisation(int i) {
        return memorisation[i];
    }

    /** Q_k at grid point i, k 0-based. */
    public double latentRecovery(int k, int i) {
        return latentRecovery[k][i];
    }

    @Override
    public double[] loadRatios() {
        return loadRatios.clone();
    }

    @Override
    public double[] convergence() {
        return convergence.clone();
    }

    @Override
    public double[] memorisation() {
        return memorisation.clone();
    }

    @Override
    public double[][] latentRecovery() {
        double[][] rows = new double[latentRecovery.length][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = latentRecovery[k].clone();
        }
        return rows;
    }
}
