package org.memoscope.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * An immutable stack of equally sized grayscale images, stored as one flat array.
 *
 * <p>Image {@code i} occupies {@code pixels[i*d .. (i+1)*d)} with {@code d = height * width},
 * row by row, so flattening an image to a vector of dimension {@code d} costs nothing and the
 * whole set is the {@code count x d} data matrix {@code X} of the theory (one image per row).
 * Values are doubles; files read from disk give values in [0, 1] (0 = black), while generated
 * fields and centred sets take any real value.
 *
 * <p>The array is never shared: factories copy their input and accessors copy their output,
 * so an {@code ImageSet} can be passed between threads freely. Derived sets ({@link #subset},
 * {@link #centred}, {@link #cropCentre}, {@link #averagePool}) are new sets.
 */
public final class ImageSet {

    private final String name;
    private final Path source;
    private final int count;
    private final int height;
    private final int width;
    private final double[] pixels;

    private ImageSet(String name, Path source, int count, int height, int width,
                     double[] pixels) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    /**
     * A set of {@code count} images of {@code height x width} from the flat array {@code pixels}
     * (image after image, each row by row), which is copied.
     */
    public static ImageSet of(String name, int count, int height, int width, double[] pixels) {
        checkShape(count, height, width);
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException(count + " images of " + height + "x" + width
                    + " need " + (long) count * height * width + " values, got " + pixels.length);
        }
        return new ImageSet(name, null, count, height, width, pixels.clone());
    }

    /** A set of {@code height x width} images, one flattened image per row of {@code images}. */
    public static ImageSet of(String name, int height, int width, double[][] images) {
        Objects.requireNonNull(images, "images");
        checkShape(images.length, height, width);
        int dimension = height * width;
        double[] pixels = new double[Math.multiplyExact(images.length, dimension)];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != dimension) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " values, expected " + height + "x" + width + " = " + dimension);
            }
            System.arraycopy(images[i], 0, pixels, i * dimension, dimension);
        }
        return new ImageSet(name, null, images.length, height, width, pixels);
    }

    /** Takes ownership of {@code pixels}: for readers and generators in this package only. */
    static ImageSet wrap(String name, Path source, int count, int height, int width,
                         double[] pixels) {
        checkShape(count, height, width);
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException("pixel array does not match the shape");
        }
        return new ImageSet(name, source, count, height, width, pixels);
    }

    private static void checkShape(int count, int height, int width) {
        if (count < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("need at least one image of at least 1x1, got "
                    + count + " images of " + height + "x" + width);
        }
        if ((long) count * height * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " images of " + height + "x" + width
                    + " do not fit in one array");
        }
    }

    /** A short label for display, e.g. the file or folder name. */
    public String name() {
        return name;
    }

    /** The file or folder the images were read from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** The number of images n. */
    public int count() {
        return count;
    }

    /** Rows per image. */
    public int height() {
        return height;
    }

    /** Columns per image. */
    public int width() {
        return width;
    }

    /** The dimension d = height * width of an image flattened to a vector. */
    public int dimension() {
        return height * width;
    }

    /** The value at {@code row}, {@code column} of image {@code image}. */
    public double pixel(int image, int row, int column) {
        Objects.checkIndex(row, height);
        Objects.checkIndex(column, width);
        return pixels[offset(image) + row * width + column];
    }

    /** Entry {@code index} (0 .. d-1) of image {@code image} flattened to a vector. */
    public double value(int image, int index) {
        Objects.checkIndex(index, dimension());
        return pixels[offset(image) + index];
    }

    /** Image {@code image} flattened to a new vector of length d. */
    public double[] image(int image) {
        int start = offset(image);
        return Arrays.copyOfRange(pixels, start, start + dimension());
    }

    /** Copies image {@code image} into {@code target} from {@code targetOffset} on. */
    public void copyImage(int image, double[] target, int targetOffset) {
        System.arraycopy(pixels, offset(image), target, targetOffset, dimension());
    }

    /** A copy of the flat array of all pixels, image after image. */
    public double[] copyPixels() {
        return pixels.clone();
    }

    /** The internal array itself, for read-only use by this package's numerics. */
    double[] sharedPixels() {
        return pixels;
    }

    /** The images as new vectors, one per row: an n x d array. */
    public double[][] toVectors() {
        double[][] vectors = new double[count][];
        for (int i = 0; i < count; i++) {
            vectors[i] = image(i);
        }
        return vectors;
    }

    /** The n x d data matrix X (one image per row), as a new EJML matrix. */
    public DMatrixRMaj toMatrix() {
        return DMatrixRMaj.wrap(count, dimension(), pixels.clone());
    }

    /** The same images under another name. */
    public ImageSet withName(String newName) {
        return new ImageSet(newName, source, count, height, width, pixels);
    }

    /** The images at {@code indices}, in that order (repeats allowed). */
    public ImageSet subset(int... indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a subset needs at least one index");
        }
        int dimension = dimension();
        double[] selected = new double[indices.length * dimension];
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], selected, i * dimension);
        }
        return new ImageSet(name, source, indices.length, height, width, selected);
    }

    /** The first {@code n} images. */
    public ImageSet first(int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("cannot take the first " + n + " of " + count
                    + " images");
        }
        double[] selected = Arrays.copyOf(pixels, n * dimension());
        return new ImageSet(name, source, n, height, width, selected);
    }

    /**
     * Two disjoint random subsets of {@code n} images each, drawn without replacement with a
     * partial Fisher–Yates shuffle seeded by {@code seed}: the same seed on the same set gives
     * the same split. Within each half the images keep their order in this set.
     *
     * @throws IllegalArgumentException if {@code 2n > count} or {@code n < 1}
     */
    public DisjointSplit disjointSplits(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("split size must be at least 1, got " + n);
        }
        if (2L * n > count) {
            throw new IllegalArgumentException("two disjoint splits of " + n + " images need "
                    + 2L * n + " images, but " + name + " has only " + count);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2 * n; i++) {
            int j = i + random.nextInt(count - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        int[] firstIndices = Arrays.copyOfRange(order, 0, n);
        int[] secondIndices = Arrays.copyOfRange(order, n, 2 * n);
        Arrays.sort(firstIndices);
        Arrays.sort(secondIndices);
        return new DisjointSplit(subset(firstIndices), subset(secondIndices),
                firstIndices, secondIndices);
    }

    /** The mean image (1/n) sum_i x_i, flattened to length d. */
    public double[] meanImage() {
        int dimension = dimension();
        double[] mean = new double[dimension];
        for (int i = 0; i < count; i++) {
            int start = i * dimension;
            for (int j = 0; j < dimension; j++) {
                mean[j] += pixels[start + j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= count;
        }
        return mean;
    }

    /** The set with its mean image subtracted from every image: x_i - mean. */
    public ImageSet centred() {
        double[] mean = meanImage();
        int dimension = dimension();
        double[] centred = new double[pixels.length];
        for (int i = 0; i < count; i++) {
            int start = i * dimension;
            for (int j = 0; j < dimension; j++) {
                centred[start + j] = pixels[start + j] - mean[j];
            }
        }
        return new ImageSet(name, source, count, height, width, centred);
    }

    /**
     * The central {@code newHeight x newWidth} window of every image; when the margin is odd
     * the extra row or column is dropped at the bottom or right (offset = margin / 2).
     */
    public ImageSet cropCentre(int newHeight, int newWidth) {
        if (newHeight < 1 || newWidth < 1 || newHeight > height || newWidth > width) {
            throw new IllegalArgumentException("cannot crop " + height + "x" + width
                    + " images to " + newHeight + "x" + newWidth);
        }
        int top = (height - newHeight) / 2;
        int left = (width - newWidth) / 2;
        double[] cropped = new double[count * newHeight * newWidth];
        int target = 0;
        for (int i = 0; i < count; i++) {
            for (int row = 0; row < newHeight; row++) {
                int start = offset(i) + (top + row) * width + left;
                System.arraycopy(pixels, start, cropped, target, newWidth);
                target += newWidth;
            }
        }
        return new ImageSet(name, source, count, newHeight, newWidth, cropped);
    }

    /**
     * Downsampling by block averages: each {@code factor x factor} block becomes one pixel
     * holding its mean (e.g. 28x28 with factor 2 gives 14x14). The sides must be multiples of
     * {@code factor}; crop first otherwise.
     */
    public ImageSet averagePool(int factor) {
        if (factor < 1 || height % factor != 0 || width % factor != 0) {
            throw new IllegalArgumentException("cannot average " + height + "x" + width
                    + " images over " + factor + "x" + factor + " blocks (sides must be"
                    + " multiples of the block size)");
        }
        int newHeight = height / factor;
        int newWidth = width / factor;
        double blockArea = (double) factor * factor;
        double[] pooled = new double[count * newHeight * newWidth];
        for (int i = 0; i < count; i++) {
            int start = offset(i);
            int target = i * newHeight * newWidth;
            for (int row = 0; row < height; row++) {
                int targetRow = target + (row / factor) * newWidth;
                for (int column = 0; column < width; column++) {
                    pooled[targetRow + column / factor] += pixels[start + row * width + column];
                }
            }
        }
        for (int k = 0; k < pooled.length; k++) {
            pooled[k] /= blockArea;
        }
        return new ImageSet(name, source, count, newHeight, newWidth, pooled);
    }

    private int offset(int image) {
        Objects.checkIndex(image, count);
        return image * dimension();
    }

    @Override
    public String toString() {
        return name + " (" + count + " x " + height + "x" + width + ")";
    }

    /**
     * Two disjoint subsets of one image set and the indices (ascending) they were taken from.
     *
     * @param first           the first subset
     * @param second          the second subset, sharing no index with the first
     * @param firstIndices    the indices of the first subset in the parent set
     * @param secondIndices   the indices of the second subset in the parent set
     */
    public record DisjointSplit(ImageSet first, ImageSet second, int[] firstIndices,
                                int[] secondIndices) {

        /** Copies the index arrays. */
        public DisjointSplit {
            firstIndices = firstIndices.clone();
            secondIndices = secondIndices.clone();
        }

        /** A copy of the indices of the first subset. */
        @Override
        public int[] firstIndices() {
            return firstIndices.clone();
        }

        /** A copy of the indices of the second subset. */
        @Override
        public int[] secondIndices() {
            return secondIndices.clone();
        }
    }
}
