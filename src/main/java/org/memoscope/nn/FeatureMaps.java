package org.memoscope.nn;

import java.util.Arrays;

/**
 * A batch of multi-channel images, N x C x H x W floats, stored as zero-padded planes.
 *
 * <p>Plane {@code (n, c)} starts at {@code (n * C + c) * planeStride()}. Inside a plane,
 * pixel {@code (y, x)} sits at {@code (y + 1) * rowStride() + (x + 1)} with
 * {@code rowStride() = W + 2}: a one-pixel border surrounds the image and the plane ends
 * in some slack. Border and slack are always zero between operations. The border turns a
 * 3x3 convolution with zero padding into a sum of nine shifted plane reads, and the slack
 * lets vector kernels read and write whole vectors of up to {@link #MAX_LANES} floats
 * that run past the last image row without leaving the plane.
 *
 * <p>{@link #fromNchw} and {@link #toNchw} convert from and to the plain dense layout.
 * Instances are not thread-safe; kernels running in parallel write disjoint images.
 */
public final class FeatureMaps {

    /** The widest vector, in floats, that a kernel may read or write at a pixel offset. */
    public static final int MAX_LANES = 16;

    private final int batch;

    private final int channels;

    private final int height;

    private final int width;

    private final int rowStride;

    private final int planeStride;

    private final float[] data;

    private FeatureMaps(int batch, int channels, int height, int width) {
        if (batch < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape must be positive: " + batch + "x"
                    + channels + "x" + height + "x" + width);
        }
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.rowStride = width + 2;
        this.planeStride = planeStride(height, width);
        this.data = new float[Math.multiplyExact(batch * channels, planeStride)];
    }

    /** Maps of the given shape, all zero. */
    public static FeatureMaps zeros(int batch, int channels, int height, int width) {
        return new FeatureMaps(batch, channels, height, width);
    }

    /** Maps holding {@code values}, a dense N x C x H x W array in row-major order. */
    public static FeatureMaps fromNchw(float[] values, int batch, int channels, int height,
            int width) {
        FeatureMaps maps = new FeatureMaps(batch, channels, height, width);
        if (values.length != batch * channels * height * width) {
            throw new IllegalArgumentException("expected " + batch * channels * height * width
                    + " values, got " + values.length);
        }
        int source = 0;
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int y = 0; y < height; y++) {
                int target = plane * maps.planeStride + (y + 1) * maps.rowStride + 1;
                System.arraycopy(values, source, maps.data, target, width);
                source += width;
            }
        }
        return maps;
    }

    /** The values as a dense N x C x H x W array in row-major order. */
    public float[] toNchw() {
        float[] values = new float[batch * channels * height * width];
        int target = 0;
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int y = 0; y < height; y++) {
                int source = plane * planeStride + (y + 1) * rowStride + 1;
                System.arraycopy(data, source, values, target, width);
                target += width;
            }
        }
        return values;
    }

    /** An independent copy. */
    public FeatureMaps copy() {
        FeatureMaps copy = new FeatureMaps(batch, channels, height, width);
        System.arraycopy(data, 0, copy.data, 0, data.length);
        return copy;
    }

    /** The value of pixel {@code (y, x)} in channel {@code c} of image {@code n}. */
    public float get(int n, int c, int y, int x) {
        return data[offset(n, c, y, x)];
    }

    /** Sets pixel {@code (y, x)} in channel {@code c} of image {@code n}. */
    public void set(int n, int c, int y, int x, float value) {
        data[offset(n, c, y, x)] = value;
    }

    /** Index into {@link #data()} of pixel {@code (y, x)} in channel {@code c} of image n. */
    public int offset(int n, int c, int y, int x) {
        if (n < 0 || n >= batch || c < 0 || c >= channels || y < 0 || y >= height || x < 0
                || x >= width) {
            throw new IndexOutOfBoundsException("(" + n + ", " + c + ", " + y + ", " + x
                    + ") outside " + shape());
        }
        return planeOffset(n, c) + (y + 1) * rowStride + x + 1;
    }

    /** Index into {@link #data()} where plane {@code (n, c)} starts. */
    public int planeOffset(int n, int c) {
        return (n * channels + c) * planeStride;
    }

    /** Whether this has exactly the given shape. */
    public boolean hasShape(int batch, int channels, int height, int width) {
        return this.batch == batch && this.channels == channels && this.height == height
                && this.width == width;
    }

    /** Whether this has the same shape as {@code other}. */
    public boolean hasShapeOf(FeatureMaps other) {
        return hasShape(other.batch, other.channels, other.height, other.width);
    }

    /** The shape as text, "NxCxHxW". */
    public String shape() {
        return batch + "x" + channels + "x" + height + "x" + width;
    }

    /**
     * Restores zero border and slack in every plane of images {@code [from, to)}, after a
     * kernel wrote whole vectors across them.
     */
    void clearPadding(int from, int to) {
        for (int plane = from * channels; plane < to * channels; plane++) {
            int start = plane * planeStride;
            Arrays.fill(data, start, start + rowStride + 1, 0f);
            for (int y = 1; y <= height; y++) {
                int rightBorder = start + y * rowStride + width + 1;
                data[rightBorder] = 0f;
                data[rightBorder + 1] = 0f;
            }
            Arrays.fill(data, start + (height + 1) * rowStride, start + planeStride, 0f);
        }
    }

    /**
     * Floats per plane: the padded image plus enough slack that a vector kernel covering
     * every interior pixel with vectors of {@link #MAX_LANES} floats, rows laid end to end,
     * never reads or writes outside the plane, even at a 3x3 neighbour offset.
     */
    static int planeStride(int height, int width) {
        int rowStride = width + 2;
        int covered = (height - 1) * rowStride + width;
        int vectors = (covered + MAX_LANES - 1) / MAX_LANES;
        int lastRead = rowStride + 1 + vectors * MAX_LANES + rowStride;
        return (lastRead + MAX_LANES) / MAX_LANES * MAX_LANES;
    }

    public int batch() {
        return batch;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Distance in floats between vertically adjacent pixels: {@code width() + 2}. */
    public int rowStride() {
        return rowStride;
    }

    /** Distance in floats between the starts of consecutive planes. */
    public int planeStride() {
        return planeStride;
    }

    /** The backing array, padding included; see the class comment for the layout. */
    public float[] data() {
        return data;
    }
}
