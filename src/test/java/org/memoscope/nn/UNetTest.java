package org.memoscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memoscope.nn.NnTestSupport.dot;
import static org.memoscope.nn.NnTestSupport.gaussianMaps;
import static org.memoscope.nn.NnTestSupport.relativeError;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UNet denoiser: gradients, kernel agreement, determinism, symmetry, export. */
class UNetTest {

    private static final Engine VECTOR = Engine.create(ConvKernels.vector(), 2);

    private static final Engine SCALAR = Engine.create(ConvKernels.scalar(), 2);

    @AfterAll
    static void stopEngines() {
        VECTOR.shutdown();
        SCALAR.shutdown();
    }

    /**
     * Directional derivatives of {@code L = <probe, f(y)>} against central differences with
     * step 1e-4, for each parameter tensor and for the input, along the gradient itself and
     * along two random unit directions.
     *
     * <p>Tolerance: 1e-2 of the gradient's norm. The network is piecewise linear, so the
     * difference is exact unless a step moves a ReLU input across zero, which at this step
     * is rare; float rounding of L (about 1e-6 of it) makes the difference quotient noisy
     * by about 2e-2 absolute, at most 2e-3 of the gradient norms here (10 to 70). The check
     * along the gradient fixes the norm to 1 %; a wrong tap, flip or factor moves the
     * random-direction derivatives by a sizeable fraction of the norm.
     */
    @ParameterizedTest(name = "levels {0}, channels {1}, bias {2}, {3}x{3}, residual {4}")
    @CsvSource({"2, 4, false, 8, false", "2, 3, true, 8, false", "3, 2, false, 8, false",
            "1, 3, true, 6, false", "3, 2, false, 8, true", "2, 3, true, 8, true"})
    void gradientsMatchCentralDifferences(int levels, int channels, boolean bias, int size,
                                          boolean residual) {
        UNet network = new UNet(new UNet.Config(levels, channels, bias, residual), 5, VECTOR);
        Random random = new Random(6);
        for (Parameter parameter : network.parameterList()) {
            if (parameter.name().endsWith(".bias")) {
                for (int i = 0; i < parameter.size(); i++) {
                    parameter.values()[i] = 0.1f * (float) random.nextGaussian();
                }
            }
        }
        FeatureMaps noisy = gaussianMaps(random, 2, 1, size, size);
        FeatureMaps probe = gaussianMaps(random, 2, 1, size, size);
        network.zeroGradients();
        network.forward(noisy);
        float[] inputGradient = network.backward(probe, true).toNchw();

        for (Parameter parameter : network.parameterList()) {
            float[] gradient = parameter.gradient().clone();
            float[] values = parameter.values();
            float[] original = values.clone();
            for (float[] direction : directions(random, gradient)) {
                double slope = centralDifference(values, original, direction,
                        () -> dot(network.forward(noisy), probe));
                assertDerivative(gradient, direction, slope, parameter.name());
            }
        }

        float[] input = noisy.toNchw();
        float[] shifted = input.clone();
        for (float[] direction : directions(random, inputGradient)) {
            double slope = centralDifference(shifted, input, direction, () -> dot(network
                    .forward(FeatureMaps.fromNchw(shifted, 2, 1, size, size)), probe));
            assertDerivative(inputGradient, direction, slope, "input");
        }
    }

    /**
     * The same forward pass and gradients on the Vector API and plain-Java kernels, within
     * 1e-5 relative for the output and 1e-4 for the gradients: float rounding in differently
     * ordered sums (about 1e-6 per layer) compounds over the network's 14 layers.
     */
    /** The residual network's output is the plain network's (same weights) plus the input. */
    @Test
    void residualNetworkAddsItsInput() {
        Random random = new Random(31);
        UNet plain = new UNet(new UNet.Config(2, 4, false, false), 32, VECTOR);
        UNet residual = new UNet(new UNet.Config(2, 4, false, true), 32, VECTOR);
        FeatureMaps noisy = gaussianMaps(random, 2, 1, 8, 8);
        float[] input = noisy.toNchw();
        float[] expected = plain.forward(noisy).toNchw();
        float[] actual = residual.forward(noisy).toNchw();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] + input[i], actual[i], 0f);
        }
    }

    @Test
    void vectorAndScalarKernelsAgree() {
        Random random = new Random(8);
        FeatureMaps noisy = gaussianMaps(random, 5, 1, 16, 16);
        FeatureMaps probe = gaussianMaps(random, 5, 1, 16, 16);
        UNet.Config config = new UNet.Config(2, 8, false);
        UNet onVectors = new UNet(config, 9, VECTOR);
        UNet onScalars = new UNet(config, 9, SCALAR);

        float[] vectorOutput = onVectors.forward(noisy).toNchw();
        float[] scalarOutput = onScalars.forward(noisy).toNchw();
        assertTrue(relativeError(vectorOutput, scalarOutput) < 1e-5);

        onVectors.zeroGradients();
        onScalars.zeroGradients();
        float[] vectorInputGradient = onVectors.backward(probe, true).toNchw();
        float[] scalarInputGradient = onScalars.backward(probe, true).toNchw();
        assertTrue(relativeError(vectorInputGradient, scalarInputGradient) < 1e-4);
        List<Parameter> vectorParameters = onVectors.parameterList();
        List<Parameter> scalarParameters = onScalars.parameterList();
        for (int p = 0; p < vectorParameters.size(); p++) {
            assertTrue(relativeError(vectorParameters.get(p).gradient(),
                    scalarParameters.get(p).gradient()) < 1e-4, vectorParameters.get(p).name());
        }
    }

    @Test
    void trainingIsIdenticalForAnyThreadCount() {
        float[][] results = new float[3][];
        double[][] losses = new double[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Engine engine = Engine.create(ConvKernels.selected(), threads);
            try {
                UNet network = new UNet(new UNet.Config(2, 4, false), 12, engine);
                Adam optimiser = new Adam(1e-3);
                Random random = new Random(13);
                losses[threads - 1] = new double[3];
                for (int step = 0; step < 3; step++) {
                    // 21 images: chunks of 8, 8 and 5, split unevenly between threads.
                    FeatureMaps clean = gaussianMaps(random, 21, 1, 8, 8);
                    FeatureMaps noisy = gaussianMaps(random, 21, 1, 8, 8);
                    losses[threads - 1][step] = network.trainStep(noisy, clean, optimiser);
                }
                results[threads - 1] = network.parameters();
            } finally {
                engine.shutdown();
            }
        }
        assertArrayEquals(results[0], results[1]);
        assertArrayEquals(results[0], results[2]);
        assertArrayEquals(losses[0], losses[1]);
        assertArrayEquals(losses[0], losses[2]);
    }

    @Test
    void weightsDependOnTheSeedOnly() {
        UNet.Config config = new UNet.Config(2, 4, false);
        assertArrayEquals(new UNet(config, 3, VECTOR).parameters(),
                new UNet(config, 3, SCALAR).parameters());
        assertFalse(Arrays.equals(new UNet(config, 3, VECTOR).parameters(),
                new UNet(config, 4, VECTOR).parameters()));
    }

    /**
     * Without biases every layer is positively homogeneous, so f(2y) = 2 f(y); doubling is
     * exact in floating point, so the equality is exact too.
     */
    @ParameterizedTest(name = "residual {0}")
    @CsvSource({"false", "true"})
    void biasFreeNetworkIsPositivelyHomogeneous(boolean residual) {
        Random random = new Random(14);
        UNet network = new UNet(new UNet.Config(2, 4, false, residual), 15, VECTOR);
        float[] noisy = gaussianMaps(random, 3, 1, 8, 8).toNchw();
        float[] doubled = noisy.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        float[] output = network.denoise(FeatureMaps.fromNchw(noisy, 3, 1, 8, 8)).toNchw();
        float[] doubledOutput = network.forward(FeatureMaps.fromNchw(doubled, 3, 1, 8, 8))
                .toNchw();
        for (int i = 0; i < output.length; i++) {
            output[i] *= 2;
        }
        assertArrayEquals(output, doubledOutput);
        float[] zeroOutput = network.forward(FeatureMaps.zeros(1, 1, 8, 8)).toNchw();
        assertArrayEquals(new float[64], zeroOutput);
    }

    @Test
    void parametersRoundTripInExportOrder() {
        UNet.Config config = new UNet.Config(3, 4, true);
        UNet source = new UNet(config, 16, VECTOR);
        UNet target = new UNet(config, 17, VECTOR);
        target.setParameters(source.parameters());
        assertArrayEquals(source.parameters(), target.parameters());
        FeatureMaps noisy = gaussianMaps(new Random(18), 2, 1, 8, 8);
        assertArrayEquals(source.denoise(noisy).toNchw(), target.denoise(noisy).toNchw());

        // Widths 4, 8, 16: encoders (1->4->4, 4->8->8, 8->16->16), decoders (24->8->8,
        // 12->4->4), output 4->1; 9 weights per channel pair plus a bias per output channel.
        int weights = 9 * (4 + 16 + 32 + 64 + 128 + 256 + 192 + 64 + 48 + 16 + 4);
        int biases = 4 + 4 + 8 + 8 + 16 + 16 + 8 + 8 + 4 + 4 + 1;
        assertEquals(weights + biases, source.parameterCount());
        assertEquals(weights + biases, config.parameterCount());
        for (int levels = 1; levels <= 4; levels++) {
            for (boolean bias : new boolean[] {false, true}) {
                UNet.Config shape = new UNet.Config(levels, 3, bias, true);
                assertEquals(new UNet(shape, 1, VECTOR).parameterCount(),
                        shape.parameterCount(), shape.toString());
            }
        }
        assertEquals("conv1to4.weight", source.parameterList().get(0).name());
        assertThrows(IllegalArgumentException.class, () -> target.setParameters(new float[3]));
    }

    @Test
    void rejectsImagesTheLevelsCannotHalve() {
        UNet network = new UNet(new UNet.Config(3, 2, false), 1, VECTOR);
        assertThrows(IllegalArgumentException.class,
                () -> network.forward(FeatureMaps.zeros(1, 1, 8, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> network.forward(FeatureMaps.zeros(1, 2, 8, 8)));
        assertThrows(IllegalArgumentException.class, () -> new UNet.Config(5, 2, false));
    }

    @Test
    void countsConvolutionWork() {
        UNet network = new UNet(new UNet.Config(2, 16, false), 1, VECTOR);
        // 16x16: 1x16 + 16x16 + 48x16 + 16x16 + 16x1 channel pairs; 8x8: 16x32 + 32x32.
        long expected = 18L * (256 * 1312 + 64 * 1536);
        assertEquals(expected, network.forwardConvFlops(16, 16));
    }

    private static final double STEP = 1e-4;

    /** The difference quotient of {@code objective} along {@code direction} at {@code origin}. */
    private static double centralDifference(float[] values, float[] origin, float[] direction,
            DoubleSupplier objective) {
        shift(values, origin, direction, STEP);
        double plus = objective.getAsDouble();
        shift(values, origin, direction, -STEP);
        double minus = objective.getAsDouble();
        System.arraycopy(origin, 0, values, 0, origin.length);
        return (plus - minus) / (2 * STEP);
    }

    private static void assertDerivative(float[] gradient, float[] direction, double slope,
            String what) {
        double analytic = innerProduct(gradient, direction);
        double norm = Math.sqrt(innerProduct(gradient, gradient));
        assertTrue(Math.abs(analytic - slope) <= 1e-2 * norm, () -> what + ": analytic "
                + analytic + ", central difference " + slope + ", gradient norm " + norm);
    }

    /** The unit gradient direction and two random unit directions. */
    private static List<float[]> directions(Random random, float[] gradient) {
        return List.of(normalised(gradient.clone()), normalised(gaussian(random,
                gradient.length)), normalised(gaussian(random, gradient.length)));
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static float[] normalised(float[] direction) {
        double norm = Math.sqrt(innerProduct(direction, direction));
        for (int i = 0; i < direction.length; i++) {
            direction[i] /= (float) norm;
        }
        return direction;
    }

    private static double innerProduct(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static void shift(float[] target, float[] origin, float[] direction, double step) {
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) (origin[i] + step * direction[i]);
        }
    }
}
