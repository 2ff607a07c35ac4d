package org.memoscope.sim;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.memoscope.data.PowerLawField;

/**
 * Power-law Gaussian fields as a {@link DataSource}: draws of {@link PowerLawField#generate},
 * eigenvalues the Fourier powers and eigenvectors the real Fourier modes, lowest frequencies
 * first. Eigenvalues come in degenerate groups (the top one holds five modes); the experiment
 * measures latent recovery against whole groups.
 */
final class FieldSource extends DataSource {

    private final PowerLawField field;

    FieldSource(PowerLawField field) {
        super(field.dimension());
        this.field = field;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "power-law field %dx%d alpha=%.3g", field.side(),
                field.side(), field.alpha());
    }

    @Override
    public boolean isImage() {
        return true;
    }

    @Override
    public int imageHeight() {
        return field.side();
    }

    @Override
    public int imageWidth() {
        return field.side();
    }

    @Override
    public double[] eigenvalues() {
        return field.eigenvalues();
    }

    @Override
    public double[][] eigenvectors(int count) {
        checkCount(count);
        return field.eigenvectors(count);
    }

    @Override
    TrainingDraw draw(int n, int heldOutCount, long firstSeed, long secondSeed,
                      long heldOutSeed) {
        DMatrixRMaj heldOut = heldOutCount == 0 ? new DMatrixRMaj(0, dimension())
                : field.generate(heldOutCount, heldOutSeed).toMatrix();
        return new TrainingDraw(field.generate(n, firstSeed).toMatrix(),
                field.generate(n, secondSeed).toMatrix(), heldOut,
                new int[0], new int[0], new int[0]);
    }
}
