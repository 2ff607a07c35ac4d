package org.memoscope.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.memoscope.data.ImageSet;
import org.memoscope.data.SampleSpectrum;

/**
 * A finite image set as a {@link DataSource}. The images are centred by the mean image of the
 * whole set once, so every training set, sample and cosine lives in the mean-removed space
 * (the "mean-removed cosine" of theory.md, section 5).
 *
 * <p>A draw is a partial Fisher–Yates shuffle of the indices seeded by the first seed: the
 * first n shuffled indices are model 1's set, the next n model 2's, and up to h more are the
 * held-out images, so the three are disjoint; each list is then sorted. The spectrum is that
 * of {@code (1/N) X^T X} over all N centred images ({@link SampleSpectrum}), computed on first
 * use (about 5 s for 60000 images of 28x28) and kept.
 */
final class ImageSetSource extends DataSource {

    /** Eigenvectors computed with the spectrum, so that small requests need no recomputation. */
    private static final int DEFAULT_VECTORS = 16;

    private final ImageSet images;
    private final double[] mean;
    private SampleSpectrum.PrincipalComponents components;

    ImageSetSource(ImageSet original) {
        super(original.dimension());
        this.mean = original.meanImage();
        this.images = original.centred();
    }

    @Override
    public String description() {
        return images.name() + " (" + images.count() + " images of " + images.height() + "x"
                + images.width() + ", mean removed)";
    }

    @Override
    public boolean isImage() {
        return true;
    }

    @Override
    public int imageHeight() {
        return images.height();
    }

    @Override
    public int imageWidth() {
        return images.width();
    }

    @Override
    public int maxSampleCount() {
        return images.count() / 2;
    }

    @Override
    public double[] displayMean() {
        return mean.clone();
    }

    @Override
    public int imageCount() {
        return images.count();
    }

    @Override
    public void checkSampleCount(int n) {
        super.checkSampleCount(n);
        if (2L * n > images.count()) {
            throw new IllegalArgumentException("two disjoint training sets of n = " + n
                    + " need 2n = " + 2L * n + " images, but " + images.name() + " has only "
                    + images.count());
        }
    }

    @Override
    public double[] eigenvalues() {
        return components(0).eigenvalues();
    }

    @Override
    public double[][] eigenvectors(int count) {
        checkCount(count);
        double[][] all = components(count).eigenvectors();
        return Arrays.copyOf(all, count);
    }

    private synchronized SampleSpectrum.PrincipalComponents components(int count) {
        int rank = Math.min(images.count(), dimension());
        if (count > rank) {
            throw new IllegalArgumentException(images.name() + " has rank at most " + rank
                    + ", so it has no " + count + " principal directions");
        }
        if (components == null || components.eigenvectors().length < count) {
            int wanted = Math.max(count, Math.min(DEFAULT_VECTORS, rank - 1));
            components = principalComponents(wanted, count);
        }
        return components;
    }

    /**
     * Up to {@code wanted} eigenvectors, at least {@code needed}. With fewer images than
     * pixels only directions of nonzero variance have eigenvectors, and centring (or repeated
     * images) can leave fewer of those than images: then as many as there are.
     */
    private SampleSpectrum.PrincipalComponents principalComponents(int wanted, int needed) {
        if (images.count() >= dimension()) {
            return SampleSpectrum.principalComponents(images, wanted);
        }
        double[] eigenvalues = SampleSpectrum.eigenvalues(images);
        int positive = 0;
        while (positive < eigenvalues.length
                && eigenvalues[positive] > 1e-12 * eigenvalues[0]) {
            positive++;
        }
        if (needed > positive) {
            throw new IllegalArgumentException(images.name() + " varies along only " + positive
                    + " directions once centred, so it has no " + needed
                    + " principal directions");
        }
        return SampleSpectrum.principalComponents(images, Math.min(wanted, positive));
    }

    @Override
    TrainingDraw draw(int n, int heldOutCount, long firstSeed, long secondSeed,
                      long heldOutSeed) {
        checkSampleCount(n);
        int count = images.count();
        int heldOut = (int) Math.min(heldOutCount, count - 2L * n);
        int drawn = 2 * n + heldOut;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(firstSeed);
        for (int i = 0; i < drawn; i++) {
            int j = i + random.nextInt(count - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] firstIndices = sorted(order, 0, n);
        int[] secondIndices = sorted(order, n, 2 * n);
        int[] heldOutIndices = sorted(order, 2 * n, drawn);
        return new TrainingDraw(rows(firstIndices), rows(secondIndices), rows(heldOutIndices),
                firstIndices, secondIndices, heldOutIndices);
    }

    /** The centred image {@code index}, flattened. */
    double[] centredImage(int index) {
        return images.image(index);
    }

    private static int[] sorted(int[] order, int from, int to) {
        int[] part = Arrays.copyOfRange(order, from, to);
        Arrays.sort(part);
        return part;
    }

    private DMatrixRMaj rows(int[] indices) {
        int d = dimension();
        DMatrixRMaj matrix = new DMatrixRMaj(indices.length, d);
        for (int i = 0; i < indices.length; i++) {
            images.copyImage(indices[i], matrix.data, i * d);
        }
        return matrix;
    }
}
