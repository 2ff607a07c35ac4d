package org.memoscope.sim;

import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;

/**
 * The spiked model as a {@link DataSource}: draws of {@link SpikedGaussianData}, spike k on
 * axis e_k, population eigenvalues {@code 1 + beta_k} then ones.
 */
final class SpikedSource extends DataSource {

    private final double[] spikeStrengths;
    private final int[] axisOrder;

    SpikedSource(int dimension, double[] spikeStrengths) {
        super(dimension);
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (spikeStrengths.length > dimension) {
            throw new IllegalArgumentException("cannot plant " + spikeStrengths.length
                    + " spikes in dimension " + dimension);
        }
        for (double beta : spikeStrengths) {
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("spike strengths must be finite and >= 0, got "
                        + Arrays.toString(spikeStrengths));
            }
        }
        this.spikeStrengths = spikeStrengths.clone();
        double[] variances = variances();
        this.axisOrder = DescendingOrder.of(variances);
    }

    private double[] variances() {
        double[] variances = new double[dimension()];
        Arrays.fill(variances, 1);
        for (int k = 0; k < spikeStrengths.length; k++) {
            variances[k] += spikeStrengths[k];
        }
        return variances;
    }

    @Override
    public String description() {
        StringBuilder betas = new StringBuilder();
        for (double beta : spikeStrengths) {
            betas.append(betas.length() == 0 ? "" : ",")
                    .append(String.format(Locale.ROOT, "%.3g", beta));
        }
        return "spiked Gaussian d=" + dimension() + " beta=" + (betas.length() == 0 ? "none"
                : betas);
    }

    @Override
    public double[] eigenvalues() {
        return DescendingOrder.apply(variances(), axisOrder);
    }

    @Override
    public double[][] eigenvectors(int count) {
        checkCount(count);
        return DescendingOrder.axes(axisOrder, count);
    }

    @Override
    TrainingDraw draw(int n, int heldOutCount, long firstSeed, long secondSeed,
                      long heldOutSeed) {
        DMatrixRMaj first = SpikedGaussianData.trainingSet(n, dimension(), spikeStrengths,
                firstSeed);
        DMatrixRMaj second = SpikedGaussianData.trainingSet(n, dimension(), spikeStrengths,
                secondSeed);
        DMatrixRMaj heldOut = heldOutCount == 0 ? new DMatrixRMaj(0, dimension())
                : SpikedGaussianData.trainingSet(heldOutCount, dimension(), spikeStrengths,
                        heldOutSeed);
        return new TrainingDraw(first, second, heldOut, new int[0], new int[0], new int[0]);
    }
}
