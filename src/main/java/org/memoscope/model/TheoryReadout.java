package org.memoscope.model;

/**
 * The asymptotic values at one load, as shown in the readout under the chart.
 *
 * @param loadRatio       gamma
 * @param sampleCount     n = round(gamma d)
 * @param convergence     q(gamma, lambda)
 * @param memorisation    m(n, d, lambda), finite-d approximation
 * @param latentRecovery  Q_k per spike
 * @param bbpThresholds   gamma_k = 1 / beta_k^2 per spike (infinite for beta = 0)
 * @param topEigenvalues  limit of the k-th largest sample eigenvalue per spike
 *                        (the bulk edge below threshold)
 * @param bulkEdge        (1 + 1/sqrt(gamma))^2, right edge of the Marchenko–Pastur bulk
 */
public record TheoryReadout(double loadRatio, int sampleCount, double convergence,
                            double memorisation, double[] latentRecovery,
                            double[] bbpThresholds, double[] topEigenvalues, double bulkEdge) {

    public TheoryReadout {
        latentRecovery = latentRecovery.clone();
        bbpThresholds = bbpThresholds.clone();
        topEigenvalues = topEigenvalues.clone();
    }

    @Override
    public double[] latentRecovery() {
        return latentRecovery.clone();
    }

    @Override
    public double[] bbpThresholds() {
        return bbpThresholds.clone();
    }

    @Override
    public double[] topEigenvalues() {
        return topEigenvalues.clone();
    }
}
