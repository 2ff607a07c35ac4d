package org.memoscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A 3x3 convolution with zero padding 1 and stride 1, optionally with a bias and
 * optionally rectified:
 * <pre>
 *   z[n, co, p] = b[co] + sum_{ci, t} w[co, ci, t] x[n, ci, p + t],   y = z or max(z, 0)
 * </pre>
 * where {@code t} runs over the nine offsets {@code (ky - 1, kx - 1)} and {@code x} is zero
 * outside the image. Weights are stored {@code C_out x C_in x 3 x 3}, row-major. The
 * rectified form equals this convolution followed by {@link Relu}, in one pass.
 *
 * <p>Backward, with {@code g = dL/dz} (for the rectified form {@code g = dL/dy} where
 * {@code y > 0}, else 0):
 * <pre>
 *   dL/dw[co, ci, t] = sum_{n, p} g[n, co, p] x[n, ci, p + t]
 *   dL/db[co]        = sum_{n, p} g[n, co, p]
 *   dL/dx[n, ci, p]  = sum_{co, t} w[co, ci, t] g[n, co, p - t]
 * </pre>
 * The last is the forward convolution of {@code g} with the weights transposed in the
 * channels and flipped in space, so it runs on the forward kernel.
 *
 * <p>Parameter gradients are summed per chunk of {@value #GRADIENT_CHUNK} images, each
 * chunk in its own buffer, and the chunks added in order: the result does not depend on
 * how many threads share the chunks.
 */
public final class Conv3x3 implements Layer {

    /** Images per partial weight-gradient sum. */
    public static final int GRADIENT_CHUNK = 16;

    private final int inChannels;

    private final int outChannels;

    private final Parameter weight;

    private final Parameter bias;

    private final boolean rectified;

    private final Engine engine;

    private final float[] packedWeights;

    private final float[] flippedWeights;

    private final float[] packedFlippedWeights;

    private FeatureMaps input;

    private FeatureMaps output;

    private FeatureMaps inputGradient;

    private FeatureMaps rectifiedGradient;

    private float[][] chunkWeightGradients = new float[0][];

    private float[][] chunkBiasGradients = new float[0][];

    /**
     * A convolution from {@code inChannels} to {@code outChannels} with zero weights (see
     * {@link #initialise}).
     */
    public Conv3x3(int inChannels, int outChannels, boolean withBias, Engine engine) {
        this(inChannels, outChannels, withBias, false, engine);
    }

    /** As {@link #Conv3x3(int, int, boolean, Engine)}, rectified if {@code rectified}. */
    public Conv3x3(int inChannels, int outChannels, boolean withBias, boolean rectified,
            Engine engine) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("channels must be positive");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.rectified = rectified;
        this.engine = engine;
        this.weight = new Parameter("conv" + inChannels + "to" + outChannels + ".weight",
                outChannels * inChannels * 9);
        this.bias = withBias ? new Parameter("conv" + inChannels + "to" + outChannels
                + ".bias", outChannels) : null;
        this.packedWeights = new float[weight.size()];
        this.flippedWeights = new float[weight.size()];
        this.packedFlippedWeights = new float[weight.size()];
    }

    /**
     * Draws the weights from N(0, gain / (9 C_in)) (He initialisation for gain 2, which
     * keeps the activation variance through a ReLU) and sets the bias to zero.
     */
    public void initialise(Random random, double gain) {
        double scale = Math.sqrt(gain / (9.0 * inChannels));
        float[] values = weight.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (scale * random.nextGaussian());
        }
        if (bias != null) {
            Arrays.fill(bias.values(), 0f);
        }
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        if (input.channels() != inChannels) {
            throw new IllegalArgumentException("expected " + inChannels + " channels, got "
                    + input.shape());
        }
        this.input = input;
        output = Layer.reuse(output, input.batch(), outChannels, input.height(),
                input.width());
        engine.kernels().packWeights(weight.values(), outChannels, inChannels, packedWeights);
        FeatureMaps out = output;
        engine.forEachRange(input.batch(), (from, to) -> {
            engine.kernels().forward(input, packedWeights, out, from, to,
                    rectified && bias == null);
            if (bias != null) {
                addBias(out, from, to);
                if (rectified) {
                    engine.kernels().relu(out, out, from, to);
                }
            }
        });
        return output;
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        return backward(outputGradient, true);
    }

    /**
     * Adds the parameter gradients and, if {@code withInputGradient}, returns dL/dx (else
     * null, which saves a third of the work for a network's first layer).
     */
    public FeatureMaps backward(FeatureMaps outputGradient, boolean withInputGradient) {
        return backward(outputGradient, withInputGradient, false, false);
    }

    /**
     * As {@link #backward(FeatureMaps, boolean)}, for a chain of rectified convolutions:
     * with {@code maskByInput} the returned gradient is already multiplied by
     * {@code [x > 0]}, what the rectifier that produced x would do (valid only if x feeds
     * nothing else); with {@code gradientMasked} the incoming gradient has been so masked
     * and this rectified layer skips its own mask.
     */
    FeatureMaps backward(FeatureMaps outputGradient, boolean withInputGradient,
            boolean maskByInput, boolean gradientMasked) {
        if (input == null || !outputGradient.hasShapeOf(output)) {
            throw new IllegalStateException("backward needs a gradient shaped like the last "
                    + "forward output");
        }
        int batch = input.batch();
        int chunks = (batch + GRADIENT_CHUNK - 1) / GRADIENT_CHUNK;
        ensureChunkBuffers(chunks);
        FeatureMaps in = input;
        FeatureMaps out = output;
        FeatureMaps gradient;
        if (rectified && !gradientMasked) {
            rectifiedGradient = Layer.reuse(rectifiedGradient, batch, outChannels,
                    input.height(), input.width());
            gradient = rectifiedGradient;
        } else {
            gradient = outputGradient;
        }
        FeatureMaps gradIn;
        if (withInputGradient) {
            inputGradient = Layer.reuse(inputGradient, batch, inChannels, input.height(),
                    input.width());
            transposeFlipped(weight.values(), outChannels, inChannels, flippedWeights);
            engine.kernels().packWeights(flippedWeights, inChannels, outChannels,
                    packedFlippedWeights);
            gradIn = inputGradient;
        } else {
            gradIn = null;
        }

        engine.forEachRange(chunks, (firstChunk, endChunk) -> {
            for (int chunk = firstChunk; chunk < endChunk; chunk++) {
                int from = chunk * GRADIENT_CHUNK;
                int to = Math.min(batch, from + GRADIENT_CHUNK);
                if (gradient != outputGradient) {
                    engine.kernels().reluGradient(out, outputGradient, gradient, from, to);
                }
                float[] weightSums = chunkWeightGradients[chunk];
                Arrays.fill(weightSums, 0f);
                engine.kernels().weightGradient(in, gradient, weightSums, from, to);
                if (bias != null) {
                    sumPerChannel(gradient, from, to, chunkBiasGradients[chunk]);
                }
                if (gradIn != null) {
                    engine.kernels().forward(gradient, packedFlippedWeights, gradIn, from, to,
                            false, maskByInput ? in : null);
                }
            }
        });

        addInOrder(chunkWeightGradients, chunks, weight.gradient());
        if (bias != null) {
            addInOrder(chunkBiasGradients, chunks, bias.gradient());
        }
        return gradIn;
    }

    @Override
    public List<Parameter> parameterList() {
        List<Parameter> parameters = new ArrayList<>(2);
        parameters.add(weight);
        if (bias != null) {
            parameters.add(bias);
        }
        return parameters;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for a bias-free convolution. */
    public Parameter bias() {
        return bias;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** Whether the output is rectified, {@code max(z, 0)}. */
    public boolean rectified() {
        return rectified;
    }

    /**
     * The weights of the input-gradient convolution: channels swapped and taps mirrored,
     * {@code flipped[ci, co, t] = w[co, ci, 8 - t]}, both {@code C x C' x 9} row-major.
     */
    static void transposeFlipped(float[] weights, int outChannels, int inChannels,
            float[] flipped) {
        for (int co = 0; co < outChannels; co++) {
            for (int ci = 0; ci < inChannels; ci++) {
                int source = (co * inChannels + ci) * 9;
                int target = (ci * outChannels + co) * 9;
                for (int tap = 0; tap < 9; tap++) {
                    flipped[target + tap] = weights[source + 8 - tap];
                }
            }
        }
    }

    /** Adds the bias to the interior pixels of images [from, to), padding left zero. */
    private void addBias(FeatureMaps out, int from, int to) {
        float[] data = out.data();
        float[] b = bias.values();
        for (int n = from; n < to; n++) {
            for (int co = 0; co < outChannels; co++) {
                for (int y = 0; y < out.height(); y++) {
                    int row = out.offset(n, co, y, 0);
                    for (int x = row; x < row + out.width(); x++) {
                        data[x] += b[co];
                    }
                }
            }
        }
    }

    /** Adds the interior sum of every channel of images [from, to) into {@code sums}. */
    private static void sumPerChannel(FeatureMaps maps, int from, int to, float[] sums) {
        Arrays.fill(sums, 0f);
        float[] data = maps.data();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < maps.channels(); c++) {
                int plane = maps.planeOffset(n, c);
                float sum = 0f;
                for (int i = plane; i < plane + maps.planeStride(); i++) {
                    sum += data[i];
                }
                sums[c] += sum;
            }
        }
    }

    private static void addInOrder(float[][] chunkSums, int chunks, float[] total) {
        for (int chunk = 0; chunk < chunks; chunk++) {
            float[] sums = chunkSums[chunk];
            for (int i = 0; i < total.length; i++) {
                total[i] += sums[i];
            }
        }
    }

    private void ensureChunkBuffers(int chunks) {
        if (chunkWeightGradients.length < chunks) {
            chunkWeightGradients = new float[chunks][weight.size()];
            chunkBiasGradients = new float[chunks][outChannels];
        }
    }
}
