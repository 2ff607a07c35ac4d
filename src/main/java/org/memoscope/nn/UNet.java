package org.memoscope.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A UNet-style convolutional denoiser for grayscale images: noisy image in, estimate of
 * the clean image out.
 *
 * <p>With L levels of widths {@code c_l = c 2^l} and {@code B_l} two 3x3 conv + ReLU
 * layers ({@link ConvBlock}):
 * <pre>
 *   e_0 = B_0(y),   e_l = B_l(pool(e_{l-1}))                  for l = 1 .. L-1
 *   d_{L-1} = e_{L-1},   d_l = B'_l(concat(up(d_{l+1}), e_l))  for l = L-2 .. 0
 *   x_hat = conv(d_0)                                           (3x3, c_0 to 1 channel)
 *   x_hat = y + conv(d_0)                                       (residual variant)
 * </pre>
 * with 2x2 average pooling, nearest-neighbour upsampling and channel concatenation for
 * the skip connections. Image sides must be divisible by {@code 2^(L-1)}. Backward runs
 * the same graph in reverse; the gradient of each {@code e_l} is the sum of what comes back
 * through the skip connection and through the pooling.
 *
 * <p>Bias-free (the default) the network is positively homogeneous,
 * {@code f(a y) = a f(y)} for {@code a >= 0}, since every layer is; it therefore needs no
 * noise level as input, and scaling input and output by the noise level (a
 * preconditioning) would change nothing. The network predicts the clean image rather than
 * the noise, whose errors the sampler would multiply by the noise level at the top of the
 * ladder.
 *
 * <p>Weights are drawn from an explicit seed; {@link #parameters()} exports them in a fixed
 * order (encoders from fine to coarse, decoders from coarse to fine, output layer; weight
 * before bias in each convolution) and {@link #setParameters} imports them.
 *
 * <p>Not thread-safe: one caller at a time (the layers keep their activations between
 * forward and backward); the {@link Engine} splits each batch across threads inside.
 */
public final class UNet {

    /**
     * The shape of a UNet.
     *
     * @param levels number of resolutions, 1 to 4 (so 0 to 3 poolings)
     * @param baseChannels channels at full resolution, doubled at each coarser level
     * @param bias whether the convolutions have biases (false for a bias-free denoiser)
     * @param residual whether the input is added to the output, {@code x_hat = y + f(y)}
     *                 (the layers then learn the correction to the noisy image)
     */
    public record Config(int levels, int baseChannels, boolean bias, boolean residual) {

        public Config {
            if (levels < 1 || levels > 4) {
                throw new IllegalArgumentException("levels must be 1 to 4: " + levels);
            }
            if (baseChannels < 1) {
                throw new IllegalArgumentException("baseChannels must be positive");
            }
        }

        /** A network whose output is the last convolution alone (no residual). */
        public Config(int levels, int baseChannels, boolean bias) {
            this(levels, baseChannels, bias, false);
        }

        /** Channels at level {@code level}: {@code baseChannels * 2^level}. */
        public int width(int level) {
            return baseChannels << level;
        }

        /**
         * Weights of a network of this shape, without building it: 9 in out (+ out with
         * biases) per 3x3 convolution, two per block (encoders, decoders on the concatenated
         * channels) and the output convolution.
         */
        public int parameterCount() {
            int count = 0;
            for (int level = 0; level < levels; level++) {
                count += blockWeights(level == 0 ? 1 : width(level - 1), width(level));
            }
            for (int level = 0; level < levels - 1; level++) {
                count += blockWeights(width(level + 1) + width(level), width(level));
            }
            return count + convolutionWeights(width(0), 1);
        }

        private int blockWeights(int in, int out) {
            return convolutionWeights(in, out) + convolutionWeights(out, out);
        }

        private int convolutionWeights(int in, int out) {
            return 9 * in * out + (bias ? out : 0);
        }
    }

    private final Config config;

    private final Engine engine;

    private final ConvBlock[] encoders;

    private final AvgPool2x2[] pools;

    private final Upsample2x[] upsamples;

    private final Concat[] concats;

    private final ConvBlock[] decoders;

    private final Conv3x3 output;

    private final MeanSquaredError loss;

    private final List<Parameter> parameters = new ArrayList<>();

    /** A network with weights drawn from {@code seed}, computing on {@code engine}. */
    public UNet(Config config, long seed, Engine engine) {
        this.config = config;
        this.engine = engine;
        int levels = config.levels();
        encoders = new ConvBlock[levels];
        pools = new AvgPool2x2[levels - 1];
        upsamples = new Upsample2x[levels - 1];
        concats = new Concat[levels - 1];
        decoders = new ConvBlock[levels - 1];
        for (int level = 0; level < levels; level++) {
            int in = level == 0 ? 1 : config.width(level - 1);
            encoders[level] = new ConvBlock(in, config.width(level), config.bias(), engine);
        }
        for (int level = 0; level < levels - 1; level++) {
            pools[level] = new AvgPool2x2(engine);
            upsamples[level] = new Upsample2x(engine);
            concats[level] = new Concat(engine);
            int merged = config.width(level + 1) + config.width(level);
            decoders[level] = new ConvBlock(merged, config.width(level), config.bias(), engine);
        }
        output = new Conv3x3(config.width(0), 1, config.bias(), engine);
        loss = new MeanSquaredError(engine);

        Random random = new Random(seed);
        for (ConvBlock encoder : encoders) {
            encoder.initialise(random);
            parameters.addAll(encoder.parameterList());
        }
        for (int level = levels - 2; level >= 0; level--) {
            decoders[level].initialise(random);
            parameters.addAll(decoders[level].parameterList());
        }
        output.initialise(random, 1.0);
        parameters.addAll(output.parameterList());
    }

    /** A bias-free network on the default engine. */
    public static UNet biasFree(int levels, int baseChannels, long seed) {
        return new UNet(new Config(levels, baseChannels, false), seed, Engine.defaultEngine());
    }

    /**
     * The clean-image estimate for a batch of 1-channel noisy images. The result is a
     * buffer of the network, overwritten by the next call; see {@link #denoise}.
     */
    public FeatureMaps forward(FeatureMaps noisy) {
        int divisor = 1 << (config.levels() - 1);
        if (noisy.channels() != 1 || noisy.height() % divisor != 0
                || noisy.width() % divisor != 0) {
            throw new IllegalArgumentException("expected 1 channel and sides divisible by "
                    + divisor + ", got " + noisy.shape());
        }
        int levels = config.levels();
        FeatureMaps[] skips = new FeatureMaps[levels];
        FeatureMaps x = encoders[0].forward(noisy);
        skips[0] = x;
        for (int level = 1; level < levels; level++) {
            x = encoders[level].forward(pools[level - 1].forward(x));
            skips[level] = x;
        }

        for (int level = levels - 2; level >= 0; level--) {
            FeatureMaps merged = concats[level].forward(upsamples[level].forward(x),
                    skips[level]);
            x = decoders[level].forward(merged);
        }
        FeatureMaps estimate = output.forward(x);
        if (config.residual()) {
            Add.addInto(estimate, noisy, engine);
        }
        return estimate;
    }

    /** As {@link #forward}, but the result is a new object that the caller owns. */
    public FeatureMaps denoise(FeatureMaps noisy) {
        return forward(noisy).copy();
    }

    /**
     * Adds the parameter gradients of the last {@link #forward} for the output gradient
     * {@code outputGradient}; returns dL/d(input) if {@code withInputGradient}, else null.
     */
    public FeatureMaps backward(FeatureMaps outputGradient, boolean withInputGradient) {
        int levels = config.levels();
        FeatureMaps gradient = output.backward(outputGradient);
        FeatureMaps[] skipGradients = new FeatureMaps[levels];
        for (int level = 0; level < levels - 1; level++) {
            GradientPair split = concats[level].backward(decoders[level].backward(gradient));
            skipGradients[level] = split.second();
            gradient = upsamples[level].backward(split.first());
        }

        for (int level = levels - 1; level >= 1; level--) {
            gradient = pools[level - 1].backward(encoders[level].backward(gradient));
            Add.addInto(gradient, skipGradients[level - 1], engine);
        }
        FeatureMaps inputGradient = encoders[0].backward(gradient, withInputGradient);
        if (config.residual() && inputGradient != null) {
            Add.addInto(inputGradient, outputGradient, engine);
        }
        return inputGradient;
    }

    /**
     * One optimisation step on the mean squared error between the network's estimate for
     * {@code noisy} and {@code clean}: gradients cleared, forward, backward, update.
     *
     * @return the loss before the update
     */
    public double trainStep(FeatureMaps noisy, FeatureMaps clean, Adam optimiser) {
        zeroGradients();
        double value = loss.loss(forward(noisy), clean);
        backward(loss.gradient(), false);
        optimiser.step(parameters);
        return value;
    }

    /** Clears every parameter gradient. */
    public void zeroGradients() {
        for (Parameter parameter : parameters) {
            parameter.zeroGradient();
        }
    }

    /** The trainable parameters in export order (live objects). */
    public List<Parameter> parameterList() {
        return List.copyOf(parameters);
    }

    /** Total number of weights. */
    public int parameterCount() {
        int count = 0;
        for (Parameter parameter : parameters) {
            count += parameter.size();
        }
        return count;
    }

    /** All weights concatenated in export order (a copy). */
    public float[] parameters() {
        float[] values = new float[parameterCount()];
        int offset = 0;
        for (Parameter parameter : parameters) {
            System.arraycopy(parameter.values(), 0, values, offset, parameter.size());
            offset += parameter.size();
        }
        return values;
    }

    /** Replaces all weights by {@code values}, laid out as {@link #parameters()} returns. */
    public void setParameters(float[] values) {
        if (values.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount()
                    + " parameters, got " + values.length);
        }
        int offset = 0;
        for (Parameter parameter : parameters) {
            System.arraycopy(values, offset, parameter.values(), 0, parameter.size());
            offset += parameter.size();
        }
    }

    /**
     * Floating-point operations of the convolutions in one forward pass of one image,
     * {@code sum 2 C_in C_out 9 H W} over all convolutions at their resolutions.
     */
    public long forwardConvFlops(int height, int width) {
        long total = 0;
        for (int level = 0; level < config.levels(); level++) {
            long pixels = (long) (height >> level) * (width >> level);
            int in = level == 0 ? 1 : config.width(level - 1);
            int out = config.width(level);
            total += 18 * pixels * (in * out + out * out);
            if (level < config.levels() - 1) {
                int merged = config.width(level + 1) + out;
                total += 18 * pixels * (merged * out + out * out);
            }
        }
        return total + 18L * height * width * config.width(0);
    }

    public Config config() {
        return config;
    }

    public Engine engine() {
        return engine;
    }
}
