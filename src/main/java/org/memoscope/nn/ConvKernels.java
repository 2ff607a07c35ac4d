package org.memoscope.nn;

/**
 * The hot loops of a 3x3 convolution with zero padding 1 and stride 1, on
 * {@link FeatureMaps}. A third, the input gradient, is the forward loop run with
 * transposed, flipped weights (see {@link Conv3x3}).
 *
 * <p>Weights {@code w[co, ci, ky, kx]} are indexed by tap {@code k = ci * 9 + ky * 3 + kx}.
 * The forward loop computes
 * <pre>
 *   out[n, co, y, x] = sum_{ci, ky, kx} w[co, k] * in[n, ci, y + ky - 1, x + kx - 1]
 * </pre>
 * from weights rearranged by {@link #packWeights} into the order the loop reads them, and
 * the weight gradient loop accumulates
 * <pre>
 *   gradient[co * 9 C_in + k] += sum_{n, y, x} g[n, co, y, x] * in[n, ci, y+ky-1, x+kx-1]
 * </pre>
 * with {@code g} the output gradient, over the images of one call, in image order, so
 * that a fixed split of the batch into calls gives bit-identical sums whatever thread runs
 * each call. The rectifier and its gradient, which follow most convolutions, are here too,
 * to run on the same vectors.
 *
 * <p>Two implementations exist: {@link ScalarConvKernels} in plain Java and a Vector API
 * one. {@link #selected()} picks one once per JVM. The Vector API lives in the incubator
 * module jdk.incubator.vector, which a JVM loads only when asked: {@code java
 * --add-modules jdk.incubator.vector ...} (the Maven build adds it for compiling, tests
 * and {@code javafx:run}); without it, {@code java -jar} runs the plain-Java kernels,
 * several times slower.
 */
public interface ConvKernels {

    /** A short description for logs and benchmark reports. */
    String name();

    /**
     * Rearranges {@code C_out x C_in x 9} row-major weights into {@code packed} (same
     * length) in the order {@link #forward} of these kernels reads them.
     */
    void packWeights(float[] weights, int outChannels, int inChannels, float[] packed);

    /**
     * Writes {@code out} for images {@code [fromImage, toImage)}, rectified
     * ({@code max(out, 0)}) if {@code rectify}; the padding of {@code out} is left zero.
     */
    default void forward(FeatureMaps in, float[] packedWeights, FeatureMaps out,
            int fromImage, int toImage, boolean rectify) {
        forward(in, packedWeights, out, fromImage, toImage, rectify, null);
    }

    /**
     * As {@link #forward(FeatureMaps, float[], FeatureMaps, int, int, boolean)}, then, if
     * {@code gate} (shaped like {@code out}) is not null, zero where {@code gate <= 0}:
     * the input gradient of a convolution whose input came out of a ReLU is masked while
     * each image is still in cache.
     */
    void forward(FeatureMaps in, float[] packedWeights, FeatureMaps out, int fromImage,
            int toImage, boolean rectify, FeatureMaps gate);

    /**
     * Adds to {@code gradient} (row-major C_out x 9 C_in) the weight gradient contributed by
     * images {@code [fromImage, toImage)}. The padding of {@code outGrad} must be zero.
     */
    void weightGradient(FeatureMaps in, FeatureMaps outGrad, float[] gradient, int fromImage,
            int toImage);

    /** Writes {@code out = max(in, 0)} for images {@code [fromImage, toImage)}. */
    void relu(FeatureMaps in, FeatureMaps out, int fromImage, int toImage);

    /**
     * Writes {@code inGrad = outGrad} where {@code out > 0}, else 0, for images
     * {@code [fromImage, toImage)}: the backward pass of {@link #relu} given its output.
     */
    void reluGradient(FeatureMaps out, FeatureMaps outGrad, FeatureMaps inGrad, int fromImage,
            int toImage);

    /** The plain-Java kernels, always available. */
    static ConvKernels scalar() {
        return KernelSelection.SCALAR;
    }

    /**
     * The Vector API kernels.
     *
     * @throws UnsupportedOperationException if module jdk.incubator.vector is not loaded
     */
    static ConvKernels vector() {
        return KernelSelection.vector();
    }

    /**
     * The kernels chosen at start-up: vector unless the module is absent or the system
     * property {@code memoscope.vector} is {@code false}. The choice is logged once.
     */
    static ConvKernels selected() {
        return KernelSelection.SELECTED;
    }
}
