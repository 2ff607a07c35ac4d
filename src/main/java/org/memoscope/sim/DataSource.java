package org.memoscope.sim;

import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;
import org.memoscope.data.PowerLawSpectrum;

/**
 * Where the training data of the linear-model experiment come from (theory.md, section 1),
 * with what the theory and the latent-recovery measurement need to know about it.
 *
 * <ul>
 *   <li>{@link #spiked}: {@code N(0, I + sum_k beta_k e_k e_k^T)};</li>
 *   <li>{@link #powerLawSpectrum}: {@code N(0, diag(lambda))}, an abstract power-law
 *       spectrum with optional spikes ({@link PowerLawSpectrum});</li>
 *   <li>{@link #powerLawField}: stationary Gaussian fields on an L x L grid
 *       ({@link PowerLawField});</li>
 *   <li>{@link #imageSet}: a finite set of images, centred by its own mean image.</li>
 * </ul>
 *
 * <p>Gaussian sources give fresh seeded draws for each training set and for the held-out
 * images; a finite set gives two disjoint random subsets and takes held-out images from the
 * rest, so {@code 2n} may not exceed its size. {@link #eigenvalues()} are the population
 * eigenvalues (for a finite set: those of the covariance of all its images, which stands in
 * for the population, as theory.md prescribes for empirical data), and
 * {@link #eigenvectors(int)} the matching top eigenvectors. Sources are immutable and may be
 * shared between threads; a finite set computes its spectrum once, on first use.
 */
public abstract sealed class DataSource
        permits SpikedSource, SpectrumSource, FieldSource, ImageSetSource {

    private final int dimension;

    DataSource(int dimension) {
        this.dimension = dimension;
    }

    /** The spiked model of dimension d with spike strengths beta_1.. on the first axes. */
    public static DataSource spiked(int dimension, double... spikeStrengths) {
        return new SpikedSource(dimension, spikeStrengths);
    }

    /** Gaussian data with the population spectrum of {@code spectrum}. */
    public static DataSource powerLawSpectrum(PowerLawSpectrum spectrum) {
        return new SpectrumSource(Objects.requireNonNull(spectrum, "spectrum"));
    }

    /** Power-law Gaussian fields on the grid of {@code field}. */
    public static DataSource powerLawField(PowerLawField field) {
        return new FieldSource(Objects.requireNonNull(field, "field"));
    }

    /** The images of {@code images}, each minus the mean image of the set. */
    public static DataSource imageSet(ImageSet images) {
        return new ImageSetSource(Objects.requireNonNull(images, "images"));
    }

    /** A one-line description for tables, titles and the CSV header. */
    public abstract String description();

    /** The dimension d (pixels per image). */
    public final int dimension() {
        return dimension;
    }

    /** Whether the vectors are images of {@link #imageHeight()} x {@link #imageWidth()}. */
    public boolean isImage() {
        return false;
    }

    /** Rows per image; 0 when the data are not images. */
    public int imageHeight() {
        return 0;
    }

    /** Columns per image; 0 when the data are not images. */
    public int imageWidth() {
        return 0;
    }

    /** The largest n per model: half the images of a finite set, else unlimited. */
    public int maxSampleCount() {
        return Integer.MAX_VALUE;
    }

    /** The number of images N of a finite set, which caps n at N / 2; 0 for unlimited data. */
    public int imageCount() {
        return 0;
    }

    /**
     * The mean the data were centred by (zeros for the zero-mean Gaussian sources), to be added
     * back to samples and training images for display.
     */
    public double[] displayMean() {
        return new double[dimension];
    }

    /** The d population (or full-data) eigenvalues, in descending order. */
    public abstract double[] eigenvalues();

    /**
     * The unit eigenvectors of the top {@code count} {@link #eigenvalues()}, in the same
     * order, one per row (each of length d; the sign is arbitrary).
     *
     * @throws IllegalArgumentException unless {@code 0 <= count <= d}
     */
    public abstract double[][] eigenvectors(int count);

    /**
     * Checks that two disjoint training sets of {@code n} can be drawn.
     *
     * @throws IllegalArgumentException naming n, 2n and the size of a finite set otherwise
     */
    public void checkSampleCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
    }

    /**
     * Two training sets of n each (n x d) and {@code heldOutCount} held-out vectors
     * (h x d), from three seeds; a finite set draws its split and held-out images from the
     * first seed alone and may return fewer held-out images than asked for.
     */
    abstract TrainingDraw draw(int n, int heldOutCount, long firstSeed, long secondSeed,
                               long heldOutSeed);

    /** Checks the argument of {@link #eigenvectors(int)}. */
    final void checkCount(int count) {
        if (count < 0 || count > dimension) {
            throw new IllegalArgumentException("can give 0.." + dimension
                    + " eigenvectors, asked for " + count);
        }
    }

    /** Copies the rows of a double[][] into a new n x d matrix. */
    static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /**
     * The vectors of one draw.
     *
     * @param first          model 1's training set, n x d
     * @param second         model 2's training set, n x d
     * @param heldOut        vectors in neither set, h x d (h may be 0)
     * @param firstIndices   for a finite set, the indices of the first set in it (else empty)
     * @param secondIndices  likewise for the second set
     * @param heldOutIndices likewise for the held-out vectors
     */
    record TrainingDraw(DMatrixRMaj first, DMatrixRMaj second, DMatrixRMaj heldOut,
                        int[] firstIndices, int[] secondIndices, int[] heldOutIndices) {
    }
}
