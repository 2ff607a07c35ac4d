package org.memoscope.sim;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.memoscope.data.PowerLawSpectrum;

/**
 * An abstract power-law spectrum (with optional spikes) as a {@link DataSource}: draws of
 * {@link PowerLawSpectrum#sample}, eigenvectors the coordinate axes sorted by variance.
 */
final class SpectrumSource extends DataSource {

    private final PowerLawSpectrum spectrum;
    private final int[] axisOrder;

    SpectrumSource(PowerLawSpectrum spectrum) {
        super(spectrum.dimension());
        this.spectrum = spectrum;
        this.axisOrder = DescendingOrder.of(spectrum.eigenvalues());
    }

    @Override
    public String description() {
        double[] spikes = spectrum.spikeStrengths();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "power-law spectrum d=%d alpha=%.3g", dimension(), spectrum.alpha()));
        if (spikes.length > 0) {
            text.append(" beta=");
            for (int k = 0; k < spikes.length; k++) {
                text.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3g",
                        spikes[k]));
            }
        }
        return text.toString();
    }

    @Override
    public double[] eigenvalues() {
        return DescendingOrder.apply(spectrum.eigenvalues(), axisOrder);
    }

    @Override
    public double[][] eigenvectors(int count) {
        checkCount(count);
        return DescendingOrder.axes(axisOrder, count);
    }

    @Override
    TrainingDraw draw(int n, int heldOutCount, long firstSeed, long secondSeed,
                      long heldOutSeed) {
        DMatrixRMaj heldOut = heldOutCount == 0 ? new DMatrixRMaj(0, dimension())
                : matrix(spectrum.sample(heldOutCount, heldOutSeed));
        return new TrainingDraw(matrix(spectrum.sample(n, firstSeed)),
                matrix(spectrum.sample(n, secondSeed)), heldOut,
                new int[0], new int[0], new int[0]);
    }
}
