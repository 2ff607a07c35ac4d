package org.memoscope.diffusion;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.memoscope.data.DataLoadException;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;

/**
 * The image pool of a pair experiment: square grayscale images of one side, centred by the
 * pool's mean image and scaled so that the mean pixel variance is 1 ({@code tau(Sigma) = 1}
 * as in theory.md, section 1). Training sets, held-out images and the data's principal
 * directions all come from this pool.
 *
 * <p>Images larger than the side are shrunk by block averages over the smallest integer
 * factor that makes them fit ({@link ImageSet#averagePool}, after a central crop to a
 * multiple of the factor) and then padded with the background value 0 around the centre
 * (Fashion-MNIST's 28x28 becomes 14x14 inside a 16x16 frame, so whole garments are kept);
 * smaller images are padded. The pool is identified by its source, side, size and a SHA-256
 * hash of its pixels, which the cache keys use.
 */
public final class PairData {

    /** Name of the Fashion-MNIST source. */
    public static final String FASHION_MNIST = "fashion-mnist";

    /** Name of the power-law field source. */
    public static final String POWER_LAW = "powerlaw";

    private final String label;
    private final String identity;
    private final ImageSet pool;
    private final double[] mean;
    private final double scale;
    private final String contentHash;

    private PairData(String label, String identity, ImageSet centredScaled, double[] mean,
                     double scale) {
        this.label = label;
        this.identity = identity;
        this.pool = centredScaled;
        this.mean = mean;
        this.scale = scale;
        this.contentHash = hash(centredScaled);
    }

    /**
     * The first {@code poolSize} images of {@code raw}, brought to {@code side} x {@code side},
     * centred and scaled.
     */
    public static PairData fromImages(ImageSet raw, String label, String sourceIdentity,
                                      int side, int poolSize) {
        Objects.requireNonNull(raw, "raw");
        if (poolSize < 2 || poolSize > raw.count()) {
            throw new IllegalArgumentException(label + " has " + raw.count()
                    + " images; the experiment needs " + poolSize);
        }
        ImageSet sized = toSide(raw.first(poolSize), side);
        double[] mean = sized.meanImage();
        ImageSet centred = sized.centred();
        double variance = 0;
        double[] pixels = centred.copyPixels();
        for (double value : pixels) {
            variance += value * value;
        }
        variance /= pixels.length;
        double scale = variance > 0 ? 1 / Math.sqrt(variance) : 1;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] *= scale;
        }
        ImageSet normalised = ImageSet.of(label, poolSize, side, side, pixels);
        String identity = String.format(Locale.ROOT, "%s;side:%d;pool:%d", sourceIdentity, side,
                poolSize);
        return new PairData(label, identity, normalised, mean, scale);
    }

    /**
     * Fashion-MNIST's training images from {@code catalog}.
     *
     * @throws DataLoadException if the set is not installed or cannot be read
     */
    public static PairData fashionMnist(DatasetCatalog catalog, int side, int poolSize)
            throws DataLoadException {
        Optional<DatasetCatalog.Entry> entry = catalog.find("fashion-mnist-train");
        if (entry.isEmpty() || !entry.get().isPresent()) {
            Path missing = entry.map(DatasetCatalog.Entry::images).orElse(catalog.root());
            throw new DataLoadException(missing, "Fashion-MNIST is not installed (package "
                    + "dataset-fashion-mnist)");
        }
        ImageSet raw = catalog.load(entry.get());
        return fromImages(raw, "Fashion-MNIST", FASHION_MNIST + ":" + entry.get().images(),
                side, poolSize);
    }

    /** Whether Fashion-MNIST is installed in {@code catalog}. */
    public static boolean fashionMnistPresent(DatasetCatalog catalog) {
        return catalog.find("fashion-mnist-train").map(DatasetCatalog.Entry::isPresent)
                .orElse(false);
    }

    /** Stationary Gaussian fields with power spectrum |k|^-alpha ({@link PowerLawField}). */
    public static PairData powerLaw(int side, double alpha, int poolSize, long seed) {
        ImageSet raw = new PowerLawField(side, alpha).generate(poolSize, seed);
        String identity = String.format(Locale.ROOT, "%s:alpha=%s:seed=%d", POWER_LAW,
                Double.toString(alpha), seed);
        return fromImages(raw, String.format(Locale.ROOT, "power-law fields (alpha %.3g)",
                alpha), identity, side, poolSize);
    }

    /** An IDX file or image folder at {@code path}. */
    public static PairData file(Path path, int side, int poolSize) throws DataLoadException {
        ImageSet raw = DatasetCatalog.load(path);
        return fromImages(raw, raw.name(), "file:" + path.toAbsolutePath().normalize(), side,
                poolSize);
    }

    /** Brings every image to side x side: shrink by block averages, then pad or crop. */
    static ImageSet toSide(ImageSet images, int side) {
        if (side < 4) {
            throw new IllegalArgumentException("side must be at least 4, got " + side);
        }
        ImageSet current = images;
        int largest = Math.max(current.height(), current.width());
        int factor = (largest + side - 1) / side;
        if (factor > 1) {
            int height = current.height() / factor * factor;
            int width = current.width() / factor * factor;
            current = current.cropCentre(height, width).averagePool(factor);
        }
        if (current.height() > side || current.width() > side) {
            current = current.cropCentre(Math.min(side, current.height()),
                    Math.min(side, current.width()));
        }
        return pad(current, side);
    }

    private static ImageSet pad(ImageSet images, int side) {
        if (images.height() == side && images.width() == side) {
            return images;
        }
        int top = (side - images.height()) / 2;
        int left = (side - images.width()) / 2;
        double[] padded = new double[images.count() * side * side];
        for (int i = 0; i < images.count(); i++) {
            for (int row = 0; row < images.height(); row++) {
                for (int column = 0; column < images.width(); column++) {
                    padded[(i * side + top + row) * side + left + column] =
                            images.pixel(i, row, column);
                }
            }
        }
        return ImageSet.of(images.name(), images.count(), side, side, padded);
    }

    private static String hash(ImageSet images) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(Double.BYTES * images.dimension());
            double[] image = new double[images.dimension()];
            for (int i = 0; i < images.count(); i++) {
                images.copyImage(i, image, 0);
                buffer.clear();
                buffer.asDoubleBuffer().put(image);
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is not available", missing);
        }
    }

    /** A short label, e.g. "Fashion-MNIST". */
    public String label() {
        return label;
    }

    /** Source, side and pool size in one line, for titles and CSV headers. */
    public String description() {
        return String.format(Locale.ROOT, "%s, %d images of %dx%d (mean removed, unit "
                + "variance)", label, pool.count(), side(), side());
    }

    /** Everything that identifies the pool, content hash included: part of cache keys. */
    public String identity() {
        return identity + ";sha256:" + contentHash;
    }

    /** SHA-256 of the normalised pixels, hexadecimal. */
    public String contentHash() {
        return contentHash;
    }

    /** The normalised pool. */
    public ImageSet pool() {
        return pool;
    }

    /** Image side. */
    public int side() {
        return pool.height();
    }

    /** Images in the pool. */
    public int count() {
        return pool.count();
    }

    /** The images at {@code indices}, normalised, laid end to end as floats. */
    public float[] floatImages(int[] indices) {
        int d = pool.dimension();
        float[] out = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            for (int k = 0; k < d; k++) {
                out[i * d + k] = (float) pool.value(indices[i], k);
            }
        }
        return out;
    }

    /** The images at {@code indices}, normalised, one per row. */
    public double[][] rows(int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = pool.image(indices[i]);
        }
        return out;
    }

    /** A normalised image mapped back to the original pixel scale (mean added back). */
    public double[] toDisplay(double[] normalised) {
        double[] out = new double[normalised.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalised[i] / scale + mean[i];
        }
        return out;
    }
}
