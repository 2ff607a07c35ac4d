package org.memoscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memoscope.nn.NnTestSupport.centralDifferences;
import static org.memoscope.nn.NnTestSupport.dot;
import static org.memoscope.nn.NnTestSupport.gaussianMaps;
import static org.memoscope.nn.NnTestSupport.toDoubles;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer's backward pass against central differences of {@code L = <probe, f(x)>},
 * for input and parameter gradients, on both kernel implementations.
 *
 * <p>All layers here are linear or piecewise linear (convolution, pooling, upsampling,
 * concatenation, sum; the rectifier away from its kink; the squared error is quadratic), so
 * a central difference is exact up to float rounding of L and a large step can be used.
 * With step 0.5 the rounding error of the difference quotient is below 1e-5 of the
 * gradient scale, so a tolerance of 1e-3 relative (plus 1e-4 of the RMS gradient for
 * entries near zero) has a wide margin and would still catch any wrong index or factor.
 */
class LayerGradientTest {

    private static final double LINEAR_STEP = 0.5;

    private static final double RELATIVE_TOLERANCE = 1e-3;

    private static final Engine VECTOR = Engine.create(ConvKernels.vector(), 2);

    private static final Engine SCALAR = Engine.create(ConvKernels.scalar(), 2);

    static Stream<Engine> engines() {
        return Stream.of(VECTOR, SCALAR);
    }

    @AfterAll
    static void stopEngines() {
        VECTOR.shutdown();
        SCALAR.shutdown();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void convolutionWithoutBiasOnNarrowImages(Engine engine) {
        checkConvolution(engine, false, 2, 3, 5, 6, 10);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void convolutionWithBiasOnNarrowImages(Engine engine) {
        checkConvolution(engine, true, 3, 2, 9, 4, 6);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void convolutionWithoutBiasOnLaneWideImages(Engine engine) {
        checkConvolution(engine, false, 2, 2, 3, 16, 16);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void convolutionWithBiasOnWideImages(Engine engine) {
        checkConvolution(engine, true, 1, 1, 8, 4, 32);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rectifiedConvolutionWithoutBias(Engine engine) {
        Random random = new Random(19);
        Conv3x3 conv = new Conv3x3(3, 9, false, true, engine);
        conv.initialise(random, 2.0);
        checkPiecewiseLinear(conv, gaussianMaps(random, 2, 3, 5, 16));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rectifiedConvolutionWithBias(Engine engine) {
        Random random = new Random(20);
        Conv3x3 conv = new Conv3x3(2, 4, true, true, engine);
        conv.initialise(random, 2.0);
        for (int co = 0; co < 4; co++) {
            conv.bias().values()[co] = 0.3f * (float) random.nextGaussian();
        }
        checkPiecewiseLinear(conv, gaussianMaps(random, 2, 2, 6, 6));
    }

    /** The fused rectified convolution is the convolution followed by Relu, bit for bit. */
    @ParameterizedTest
    @MethodSource("engines")
    void rectifiedConvolutionIsConvolutionThenRectifier(Engine engine) {
        for (boolean bias : new boolean[] {false, true}) {
            Random random = new Random(27);
            Conv3x3 fused = new Conv3x3(5, 11, bias, true, engine);
            Conv3x3 plain = new Conv3x3(5, 11, bias, false, engine);
            fused.initialise(random, 2.0);
            System.arraycopy(fused.weight().values(), 0, plain.weight().values(), 0,
                    plain.weight().size());
            if (bias) {
                for (int co = 0; co < 11; co++) {
                    fused.bias().values()[co] = (float) random.nextGaussian();
                }
                System.arraycopy(fused.bias().values(), 0, plain.bias().values(), 0, 11);
            }
            Relu relu = new Relu(engine);
            FeatureMaps input = gaussianMaps(random, 3, 5, 10, 16);
            FeatureMaps probe = gaussianMaps(random, 3, 11, 10, 16);

            float[] fusedOutput = fused.forward(input).toNchw();
            float[] composedOutput = relu.forward(plain.forward(input)).toNchw();
            float[] fusedGradient = fused.backward(probe).toNchw();
            float[] composedGradient = plain.backward(relu.backward(probe)).toNchw();

            assertArrayEquals(composedOutput, fusedOutput);
            assertArrayEquals(composedGradient, fusedGradient);
            assertArrayEquals(plain.weight().gradient(), fused.weight().gradient());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rectifier(Engine engine) {
        Random random = new Random(21);
        int batch = 2;
        int channels = 3;
        float[] values = new float[batch * channels * 5 * 7];
        for (int i = 0; i < values.length; i++) {
            double magnitude = 0.2 + random.nextDouble();
            values[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        FeatureMaps input = FeatureMaps.fromNchw(values, batch, channels, 5, 7);
        Relu relu = new Relu(engine);
        // Every |x| >= 0.2 and the step is 0.05, so no difference crosses the kink.
        checkSingleInput(relu, input, 0.05);
    }

    @Test
    void averagePooling() {
        Random random = new Random(22);
        checkSingleInput(new AvgPool2x2(VECTOR), gaussianMaps(random, 2, 3, 6, 8), LINEAR_STEP);
    }

    @Test
    void nearestUpsampling() {
        Random random = new Random(23);
        checkSingleInput(new Upsample2x(VECTOR), gaussianMaps(random, 2, 3, 3, 4), LINEAR_STEP);
    }

    @Test
    void concatenation() {
        Random random = new Random(24);
        FeatureMaps first = gaussianMaps(random, 2, 2, 4, 6);
        FeatureMaps second = gaussianMaps(random, 2, 3, 4, 6);
        FeatureMaps probe = gaussianMaps(random, 2, 5, 4, 6);
        Concat concat = new Concat(VECTOR);
        concat.forward(first, second);
        GradientPair gradients = concat.backward(probe);
        double[] firstGradient = toDoubles(gradients.first());
        double[] secondGradient = toDoubles(gradients.second());

        double[] firstSlopes = centralDifferences(first.toNchw(), LINEAR_STEP, values -> dot(
                concat.forward(FeatureMaps.fromNchw(values, 2, 2, 4, 6), second), probe));
        double[] secondSlopes = centralDifferences(second.toNchw(), LINEAR_STEP, values -> dot(
                concat.forward(first, FeatureMaps.fromNchw(values, 2, 3, 4, 6)), probe));
        assertAgree(firstSlopes, firstGradient, "first input");
        assertAgree(secondSlopes, secondGradient, "second input");
    }

    @Test
    void addition() {
        Random random = new Random(25);
        FeatureMaps first = gaussianMaps(random, 2, 3, 4, 6);
        FeatureMaps second = gaussianMaps(random, 2, 3, 4, 6);
        FeatureMaps probe = gaussianMaps(random, 2, 3, 4, 6);
        Add add = new Add(VECTOR);
        add.forward(first, second);
        GradientPair gradients = add.backward(probe);
        double[] firstGradient = toDoubles(gradients.first());
        double[] secondGradient = toDoubles(gradients.second());

        double[] firstSlopes = centralDifferences(first.toNchw(), LINEAR_STEP, values -> dot(
                add.forward(FeatureMaps.fromNchw(values, 2, 3, 4, 6), second), probe));
        double[] secondSlopes = centralDifferences(second.toNchw(), LINEAR_STEP, values -> dot(
                add.forward(first, FeatureMaps.fromNchw(values, 2, 3, 4, 6)), probe));
        assertAgree(firstSlopes, firstGradient, "first input");
        assertAgree(secondSlopes, secondGradient, "second input");
    }

    @Test
    void meanSquaredError() {
        Random random = new Random(26);
        FeatureMaps prediction = gaussianMaps(random, 3, 2, 4, 5);
        FeatureMaps target = gaussianMaps(random, 3, 2, 4, 5);
        MeanSquaredError loss = new MeanSquaredError(VECTOR);
        loss.loss(prediction, target);
        double[] gradient = toDoubles(loss.gradient());

        double[] slopes = centralDifferences(prediction.toNchw(), LINEAR_STEP, values -> loss
                .loss(FeatureMaps.fromNchw(values, 3, 2, 4, 5), target));
        assertAgree(slopes, gradient, "prediction");
    }

    private static void checkConvolution(Engine engine, boolean bias, int batch,
            int inChannels, int outChannels, int height, int width) {
        Random random = new Random(31L * inChannels + outChannels);
        Conv3x3 conv = new Conv3x3(inChannels, outChannels, bias, engine);
        conv.initialise(random, 2.0);
        if (bias) {
            for (int co = 0; co < outChannels; co++) {
                conv.bias().values()[co] = (float) random.nextGaussian();
            }
        }
        checkSingleInput(conv, gaussianMaps(random, batch, inChannels, height, width),
                LINEAR_STEP);
    }

    /** Input and parameter gradients of a one-input layer against central differences. */
    private static void checkSingleInput(Layer layer, FeatureMaps input, double step) {
        Random random = new Random(41);
        FeatureMaps output = layer.forward(input);
        FeatureMaps probe = gaussianMaps(random, output.batch(), output.channels(),
                output.height(), output.width());
        List<Parameter> parameters = layer.parameterList();
        parameters.forEach(Parameter::zeroGradient);
        double[] inputGradient = toDoubles(layer.backward(probe));
        double[][] parameterGradients = parameters.stream()
                .map(parameter -> toDoubles(parameter.gradient())).toArray(double[][]::new);

        double[] inputSlopes = centralDifferences(input.toNchw(), step, values -> dot(layer
                .forward(FeatureMaps.fromNchw(values, input.batch(), input.channels(),
                        input.height(), input.width())), probe));
        assertAgree(inputSlopes, inputGradient, "input");
        for (int p = 0; p < parameters.size(); p++) {
            double[] slopes = centralDifferences(parameters.get(p).values(), step,
                    values -> dot(layer.forward(input), probe));
            assertAgree(slopes, parameterGradients[p], parameters.get(p).name());
        }
    }

    /**
     * Input and parameter gradients of a piecewise-linear layer against central differences
     * with step 1e-3, skipping the coordinates where the two one-sided differences differ
     * by more than 1e-3 of the RMS gradient: there a ReLU kink lies within the step and a
     * difference quotient says nothing. At most a tenth (or one) may be skipped; a bias moves
     * every pixel of its channel, so some of its steps do cross a kink. The small step
     * costs accuracy (float rounding of the about 80 outputs one value feeds, divided by
     * the step, is about 3e-4 absolute), so the tolerance is 1e-2 relative plus 1e-3 of the
     * RMS gradient.
     */
    private static void checkPiecewiseLinear(Layer layer, FeatureMaps input) {
        Random random = new Random(42);
        FeatureMaps output = layer.forward(input);
        FeatureMaps probe = gaussianMaps(random, output.batch(), output.channels(),
                output.height(), output.width());
        List<Parameter> parameters = layer.parameterList();
        parameters.forEach(Parameter::zeroGradient);
        double[] inputGradient = toDoubles(layer.backward(probe));
        double[][] parameterGradients = parameters.stream()
                .map(parameter -> toDoubles(parameter.gradient())).toArray(double[][]::new);

        float[] inputValues = input.toNchw();
        checkOneSided(inputValues, inputGradient, "input", values -> dot(layer.forward(
                FeatureMaps.fromNchw(values, input.batch(), input.channels(), input.height(),
                        input.width())), probe));
        for (int p = 0; p < parameters.size(); p++) {
            checkOneSided(parameters.get(p).values(), parameterGradients[p],
                    parameters.get(p).name(), values -> dot(layer.forward(input), probe));
        }
    }

    private static void checkOneSided(float[] values, double[] gradient, String what,
            Function<float[], Double> objective) {
        double step = 1e-3;
        double scale = Math.sqrt(Arrays.stream(gradient).map(g -> g * g).sum()
                / gradient.length);
        double centre = objective.apply(values);
        int skipped = 0;
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            values[i] = (float) (original + step);
            double plus = objective.apply(values);
            values[i] = (float) (original - step);
            double minus = objective.apply(values);
            values[i] = original;
            if (Math.abs((plus - centre) - (centre - minus)) / step > 1e-3 * scale) {
                skipped++;
                continue;
            }
            double slope = (plus - minus) / (2 * step);
            double error = Math.abs(slope - gradient[i]);
            int index = i;
            assertTrue(error <= 1e-2 * Math.abs(gradient[i]) + 1e-3 * scale,
                    () -> what + " gradient [" + index + "]: analytic " + gradient[index]
                            + ", central difference " + slope);
        }
        assertTrue(skipped <= Math.max(1, values.length / 10), what + ": " + skipped + " of "
                + values.length + " coordinates straddle a kink");
    }

    private static void assertAgree(double[] slopes, double[] gradient, String what) {
        double squares = 0;
        for (double g : gradient) {
            squares += g * g;
        }
        double floor = 1e-4 * Math.sqrt(squares / gradient.length);
        for (int i = 0; i < gradient.length; i++) {
            double error = Math.abs(slopes[i] - gradient[i]);
            double allowed = RELATIVE_TOLERANCE
                    * Math.max(Math.abs(slopes[i]), Math.abs(gradient[i])) + floor;
            int index = i;
            assertTrue(error <= allowed, () -> what + " gradient [" + index + "]: analytic "
                    + gradient[index] + ", central difference " + slopes[index]);
        }
    }
}
