package org.memoscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memoscope.nn.NnTestSupport.gaussianMaps;
import static org.memoscope.nn.NnTestSupport.relativeError;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API and plain-Java kernels compute the same convolutions: each against a
 * double-precision reference written out as the defining sum, and against each other.
 *
 * <p>Tolerance: 1e-5 relative (Euclidean norm over all outputs). Float32 rounds to 6e-8;
 * a sum of K products in a different order, with or without fused multiply-adds, is off
 * by about sqrt(K) of that, below 3e-6 for the K of at most 2 x 32 x 32 terms here.
 */
class ConvKernelsTest {

    private static final double TOLERANCE = 1e-5;

    private static final ConvKernels VECTOR = ConvKernels.vector();

    private static final ConvKernels SCALAR = ConvKernels.scalar();

    @ParameterizedTest(name = "{0}x{1}->{2} on {3}x{4}")
    @CsvSource({
        "3, 1, 16, 16, 16",
        "2, 16, 32, 8, 8",
        "2, 48, 16, 16, 16",
        "2, 3, 5, 6, 10",
        "1, 16, 1, 16, 16",
        "2, 5, 7, 32, 32",
        "1, 2, 3, 2, 2",
        "2, 4, 9, 18, 18",
        "2, 9, 17, 1, 3"})
    void forwardAgreesWithReference(int batch, int inChannels, int outChannels, int height,
            int width) {
        Random random = new Random(7L * inChannels + outChannels + height);
        FeatureMaps input = gaussianMaps(random, batch, inChannels, height, width);
        float[] weights = gaussianWeights(random, outChannels * inChannels * 9);
        float[] vectorWeights = new float[weights.length];
        VECTOR.packWeights(weights, outChannels, inChannels, vectorWeights);
        float[] scalarWeights = new float[weights.length];
        SCALAR.packWeights(weights, outChannels, inChannels, scalarWeights);
        double[] reference = referenceForward(input, weights, outChannels);

        for (boolean rectify : new boolean[] {false, true}) {
            double[] expected = reference.clone();
            if (rectify) {
                Arrays.setAll(expected, i -> Math.max(expected[i], 0));
            }
            FeatureMaps vectorOutput = FeatureMaps.zeros(batch, outChannels, height, width);
            VECTOR.forward(input, vectorWeights, vectorOutput, 0, batch, rectify);
            FeatureMaps scalarOutput = FeatureMaps.zeros(batch, outChannels, height, width);
            SCALAR.forward(input, scalarWeights, scalarOutput, 0, batch, rectify);

            assertTrue(relativeError(NnTestSupport.toDoubles(vectorOutput), expected)
                    < TOLERANCE);
            assertTrue(relativeError(NnTestSupport.toDoubles(scalarOutput), expected)
                    < TOLERANCE);
            assertTrue(relativeError(vectorOutput.toNchw(), scalarOutput.toNchw())
                    < TOLERANCE);
            assertPaddingIsZero(vectorOutput);
            assertPaddingIsZero(scalarOutput);
        }
    }

    @ParameterizedTest(name = "{0}x{1}->{2} on {3}x{4}")
    @CsvSource({
        "3, 1, 16, 16, 16",
        "9, 16, 32, 8, 8",
        "2, 48, 16, 16, 16",
        "2, 3, 5, 6, 10",
        "1, 16, 1, 16, 16",
        "2, 5, 7, 32, 32",
        "1, 2, 3, 2, 2",
        "2, 4, 9, 18, 18",
        "2, 9, 17, 1, 3"})
    void weightGradientAgreesWithReference(int batch, int inChannels, int outChannels,
            int height, int width) {
        Random random = new Random(11L * inChannels + outChannels + height);
        FeatureMaps input = gaussianMaps(random, batch, inChannels, height, width);
        FeatureMaps outGrad = gaussianMaps(random, batch, outChannels, height, width);
        double[] reference = referenceWeightGradient(input, outGrad);

        float[] vectorGradient = new float[reference.length];
        float[] scalarGradient = new float[reference.length];
        // Two calls, as the layer makes per chunk of images: the kernels must add, not set.
        int split = batch / 2;
        VECTOR.weightGradient(input, outGrad, vectorGradient, 0, split);
        VECTOR.weightGradient(input, outGrad, vectorGradient, split, batch);
        SCALAR.weightGradient(input, outGrad, scalarGradient, 0, split);
        SCALAR.weightGradient(input, outGrad, scalarGradient, split, batch);

        assertTrue(relativeError(NnTestSupport.toDoubles(vectorGradient), reference)
                < TOLERANCE);
        assertTrue(relativeError(NnTestSupport.toDoubles(scalarGradient), reference)
                < TOLERANCE);
        assertTrue(relativeError(vectorGradient, scalarGradient) < TOLERANCE);
    }

    /** A gated forward pass is the forward pass then the rectifier's mask, bit for bit. */
    @ParameterizedTest(name = "{0}x{0}")
    @CsvSource({"16", "8", "6"})
    void gateMasksLikeTheRectifierGradient(int side) {
        Random random = new Random(side);
        FeatureMaps input = gaussianMaps(random, 2, 5, side, side);
        FeatureMaps gate = gaussianMaps(random, 2, 9, side, side);
        float[] weights = gaussianWeights(random, 9 * 5 * 9);
        for (ConvKernels kernels : new ConvKernels[] {VECTOR, SCALAR}) {
            float[] packed = new float[weights.length];
            kernels.packWeights(weights, 9, 5, packed);
            FeatureMaps gated = FeatureMaps.zeros(2, 9, side, side);
            kernels.forward(input, packed, gated, 0, 2, false, gate);
            FeatureMaps plain = FeatureMaps.zeros(2, 9, side, side);
            kernels.forward(input, packed, plain, 0, 2, false);
            FeatureMaps masked = FeatureMaps.zeros(2, 9, side, side);
            kernels.reluGradient(gate, plain, masked, 0, 2);
            assertArrayEquals(masked.data(), gated.data(), kernels.name());
        }
    }

    @Test
    void rectifierAndItsGradientAreExactOnBothPaths() {
        Random random = new Random(3);
        FeatureMaps input = gaussianMaps(random, 3, 4, 5, 16);
        FeatureMaps outGrad = gaussianMaps(random, 3, 4, 5, 16);
        FeatureMaps vectorOut = FeatureMaps.zeros(3, 4, 5, 16);
        FeatureMaps scalarOut = FeatureMaps.zeros(3, 4, 5, 16);
        VECTOR.relu(input, vectorOut, 0, 3);
        SCALAR.relu(input, scalarOut, 0, 3);
        assertArrayEquals(scalarOut.data(), vectorOut.data());

        FeatureMaps vectorGrad = FeatureMaps.zeros(3, 4, 5, 16);
        FeatureMaps scalarGrad = FeatureMaps.zeros(3, 4, 5, 16);
        VECTOR.reluGradient(vectorOut, outGrad, vectorGrad, 0, 3);
        SCALAR.reluGradient(scalarOut, outGrad, scalarGrad, 0, 3);
        assertArrayEquals(scalarGrad.data(), vectorGrad.data());
        assertEquals(input.get(1, 2, 3, 4) > 0 ? outGrad.get(1, 2, 3, 4) : 0f,
                vectorGrad.get(1, 2, 3, 4));
    }

    @Test
    void selectionFollowsPropertyAndModule() {
        assertSame(SCALAR, KernelSelection.choose("false", true).kernels());
        assertSame(SCALAR, KernelSelection.choose(" FALSE ", true).kernels());
        assertSame(SCALAR, KernelSelection.choose(null, false).kernels());
        assertSame(SCALAR, KernelSelection.choose("true", false).kernels());
        assertEquals(VECTOR.getClass(), KernelSelection.choose(null, true).kernels().getClass());
        // Surefire starts the test JVM with the module and without the property.
        assertEquals(VECTOR.getClass(), ConvKernels.selected().getClass());
    }

    /** Every entry of the backing array outside the interior pixels is zero. */
    static void assertPaddingIsZero(FeatureMaps maps) {
        float[] data = maps.data().clone();
        for (int n = 0; n < maps.batch(); n++) {
            for (int c = 0; c < maps.channels(); c++) {
                for (int y = 0; y < maps.height(); y++) {
                    for (int x = 0; x < maps.width(); x++) {
                        data[maps.offset(n, c, y, x)] = 0f;
                    }
                }
            }
        }
        assertArrayEquals(new float[data.length], data, "padding of " + maps.shape());
    }

    private static float[] gaussianWeights(Random random, int count) {
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        return weights;
    }

    /** {@code y[n, co, y, x] = sum w[co, ci, ky, kx] x[n, ci, y + ky - 1, x + kx - 1]}. */
    private static double[] referenceForward(FeatureMaps input, float[] weights,
            int outChannels) {
        int batch = input.batch();
        int inChannels = input.channels();
        int height = input.height();
        int width = input.width();
        double[] output = new double[batch * outChannels * height * width];
        for (int n = 0; n < batch; n++) {
            for (int co = 0; co < outChannels; co++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double sum = 0;
                        for (int ci = 0; ci < inChannels; ci++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int sy = y + ky - 1;
                                    int sx = x + kx - 1;
                                    if (sy >= 0 && sy < height && sx >= 0 && sx < width) {
                                        sum += weights[((co * inChannels + ci) * 3 + ky) * 3
                                                + kx] * (double) input.get(n, ci, sy, sx);
                                    }
                                }
                            }
                        }
                        output[((n * outChannels + co) * height + y) * width + x] = sum;
                    }
                }
            }
        }
        return output;
    }

    /** {@code g[co, ci, ky, kx] = sum_{n, y, x} d[n, co, y, x] x[n, ci, y + ky - 1, ...]}. */
    private static double[] referenceWeightGradient(FeatureMaps input, FeatureMaps outGrad) {
        int inChannels = input.channels();
        int outChannels = outGrad.channels();
        double[] gradient = new double[outChannels * inChannels * 9];
        for (int co = 0; co < outChannels; co++) {
            for (int ci = 0; ci < inChannels; ci++) {
                for (int tap = 0; tap < 9; tap++) {
                    double sum = 0;
                    for (int n = 0; n < input.batch(); n++) {
                        for (int y = 0; y < input.height(); y++) {
                            for (int x = 0; x < input.width(); x++) {
                                int sy = y + tap / 3 - 1;
                                int sx = x + tap % 3 - 1;
                                if (sy >= 0 && sy < input.height() && sx >= 0
                                        && sx < input.width()) {
                                    sum += (double) outGrad.get(n, co, y, x)
                                            * input.get(n, ci, sy, sx);
                                }
                            }
                        }
                    }
                    gradient[(co * inChannels + ci) * 9 + tap] = sum;
                }
            }
        }
        return gradient;
    }
}
